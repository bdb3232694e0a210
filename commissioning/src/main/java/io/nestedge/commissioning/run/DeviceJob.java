package io.nestedge.commissioning.run;

import java.util.List;

/**
 * The steps to run on one device, and the device it depends on.
 *
 * @param deviceId IoT Hub device ID
 * @param parentId the parent's device ID, or empty; when the parent is also in the run, this device
 *     starts only after the parent succeeded
 * @param steps ordered steps
 */
public record DeviceJob(String deviceId, String parentId, List<StepTask> steps) {
    /** Normalises null parent to empty and copies the steps. */
    public DeviceJob {
        parentId = parentId == null ? "" : parentId;
        steps = List.copyOf(steps);
    }
}
