package io.nestedge.commissioning.run;

/** Receives run events. Called from worker threads: implementations must be thread-safe. */
@FunctionalInterface
public interface RunListener {
    /** Handles one event. Must not throw; exceptions are ignored. */
    void onEvent(RunEvent event);

    /** A listener that ignores everything. */
    RunListener NONE = e -> { };
}
