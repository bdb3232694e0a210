package io.nestedge.commissioning.run;

import java.util.List;

/**
 * The steps to run on one device, and the device it depends on.
 *
 * @param deviceId IoT Hub device ID
 * @param parentId the parent's device ID, or empty; when the parent is also in the run, this device
 *     starts only after the parent succeeded
 * @param steps ordered steps
 * @param cleanup a step run after the others whatever their outcome (e.g. remove the staging copy
 *     of the bundle, close the connection), or null; its failure makes the device a WARNING at worst
 */
public record DeviceJob(String deviceId, String parentId, List<StepTask> steps, StepTask cleanup) {
    /** Normalises null parent to empty and copies the steps. */
    public DeviceJob {
        parentId = parentId == null ? "" : parentId;
        steps = List.copyOf(steps);
    }

    /** A job without a cleanup step. */
    public DeviceJob(String deviceId, String parentId, List<StepTask> steps) {
        this(deviceId, parentId, steps, null);
    }
}
