package io.nestedge.commissioning.run;

import java.util.List;

/**
 * How one device ended.
 *
 * @param deviceId device ID
 * @param status worst status of its steps (SKIPPED when never started)
 * @param summary one line: the failing step's summary, or why it was skipped
 * @param steps finished steps, in order, with their results
 */
public record DeviceOutcome(String deviceId, StepStatus status, String summary, List<FinishedStep> steps) {
    /** Copies the list. */
    public DeviceOutcome {
        steps = List.copyOf(steps);
    }

    /**
     * One finished step.
     *
     * @param stepId step ID
     * @param title step title
     * @param result its result
     */
    public record FinishedStep(String stepId, String title, StepResult result) { }
}
