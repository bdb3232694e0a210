package io.nestedge.commissioning.probe;

import java.util.Locale;

/**
 * One row of {@code iotedge list} (facts §6).
 *
 * @param name module name (edgeAgent, edgeHub, IoTEdgeAPIProxy, …)
 * @param state running, stopped, failed or unknown
 * @param description e.g. "Up 5 minutes", "Stopped", "Failed (139) 12 seconds ago"
 * @param image the CONFIG column: the module's image
 */
public record ModuleStatus(String name, State state, String description, String image) {
    /** The STATUS column's values. */
    public enum State {
        RUNNING, STOPPED, FAILED, UNKNOWN;

        /** @return the state for the printed word, or null when the word is not a known one */
        public static State fromWord(String word) {
            for (State s : values()) {
                if (s.name().toLowerCase(Locale.ROOT).equals(word)) {
                    return s;
                }
            }
            return null;
        }
    }
}
