package io.nestedge.commissioning.run;

import java.time.Duration;
import java.util.List;

/**
 * The result of a run: one outcome per device, in the order the jobs were given.
 *
 * @param outcomes per-device outcomes
 * @param elapsed wall-clock time of the run
 * @param cancelled true when the run was cancelled
 */
public record RunReport(List<DeviceOutcome> outcomes, Duration elapsed, boolean cancelled) {
    /** Copies the list. */
    public RunReport {
        outcomes = List.copyOf(outcomes);
    }

    /** True when every device ended OK or WARNING. */
    public boolean allSucceeded() {
        return outcomes.stream().allMatch(o -> o.status().succeeded());
    }

    /** The outcome of one device, or null. */
    public DeviceOutcome outcome(String deviceId) {
        return outcomes.stream().filter(o -> o.deviceId().equals(deviceId)).findFirst().orElse(null);
    }
}
