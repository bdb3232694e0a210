package io.nestedge.commissioning.virtualplant.tls;

import io.nestedge.commissioning.virtualplant.runtime.EmulatorContext;
import java.util.List;
import java.util.Map;

/**
 * Runs the emulated edgeHub of one device: in this JVM for virtual devices
 * ({@link InProcessEdgeHubHost}), or as a background {@code edgehub-daemon} process in the test bed
 * ({@link DaemonEdgeHubHost}).
 */
public interface EdgeHubHost {
    /**
     * Stops edgeHub if it runs, then starts it again for the current configuration and container.
     *
     * @param ctx the device
     * @return what happened
     */
    Outcome restart(EmulatorContext ctx);

    /** Stops edgeHub (no-op when it is not running). */
    void stop(EmulatorContext ctx);

    /** Result of a start. */
    sealed interface Outcome permits Running, Failed {
    }

    /** edgeHub listens. @param ports actual ports by protocol ("mqtt", "amqp", "https") */
    record Running(Map<String, Integer> ports) implements Outcome {
    }

    /** edgeHub could not start. @param exitCode container exit code @param logs its log lines */
    record Failed(int exitCode, List<String> logs) implements Outcome {
    }
}
