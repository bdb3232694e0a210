package io.nestedge.commissioning.report;

import io.nestedge.commissioning.run.Remark;
import io.nestedge.model.bundle.BundleInfo;
import java.util.List;

/**
 * Everything the report says about one device: where it sits, how its latest run ended, the latest
 * result of each step, what the verification steps saw, the diagnoses and its certificates.
 *
 * @param deviceId IoT Hub device ID
 * @param displayName name from the plant (or the ID)
 * @param kind "IoT Edge", "Leaf" or empty when unknown
 * @param layerId ISA-95 layer ID (from the plant, else the bundle), or empty
 * @param parentId parent device ID, or empty
 * @param hostname the device's hostname from the plant, or empty
 * @param result how it stands
 * @param summary the run's one-line summary for the device
 * @param runId the run its latest result comes from, or empty
 * @param steps latest result per step, in the order the steps first appeared
 * @param evidence what the verification steps saw
 * @param remarks the diagnoses of its latest step results, without duplicates
 * @param bundle its bundle description (fingerprints, Edge CA expiry), or null without an export directory
 * @param inPlant false when the journal names a device the given plant does not have
 */
public record DeviceReport(String deviceId, String displayName, String kind, String layerId, String parentId,
        String hostname, DeviceResult result, String summary, String runId, List<StepEntry> steps,
        RuntimeEvidence evidence, List<Remark> remarks, BundleInfo bundle, boolean inPlant) {
    /** Normalises nulls and copies the lists. */
    public DeviceReport {
        displayName = displayName == null || displayName.isEmpty() ? deviceId : displayName;
        kind = kind == null ? "" : kind;
        layerId = layerId == null ? "" : layerId;
        parentId = parentId == null ? "" : parentId;
        hostname = hostname == null ? "" : hostname;
        summary = summary == null ? "" : summary;
        runId = runId == null ? "" : runId;
        steps = List.copyOf(steps);
        evidence = evidence == null ? RuntimeEvidence.NONE : evidence;
        remarks = List.copyOf(remarks);
    }

    /** The diagnosis in one line for the summary table: the first remark's cause, else the summary when not OK. */
    public String diagnosisLine() {
        if (!remarks.isEmpty()) {
            return remarks.get(0).cause();
        }
        return result == DeviceResult.OK ? "" : summary;
    }
}
