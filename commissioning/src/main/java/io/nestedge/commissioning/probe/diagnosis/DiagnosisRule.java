package io.nestedge.commissioning.probe.diagnosis;

import io.nestedge.commissioning.probe.DeviceEvidence;
import java.util.List;

/** One known cause: looks at the evidence and returns zero or more diagnoses. */
public interface DiagnosisRule {
    /**
     * @param evidence what the run learned about one device
     * @return diagnoses (empty when the cause is not present); never null
     */
    List<Diagnosis> diagnose(DeviceEvidence evidence);
}
