package io.nestedge.commissioning.probe.diagnosis;

import io.nestedge.commissioning.probe.CheckEntry;
import io.nestedge.commissioning.probe.DeviceEvidence;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Runs every {@link DiagnosisRule} over a device's evidence. A failed check that no rule explains is
 * reported as {@code DIAG-UNEXPLAINED-CHECK-FAILURE} with its details: a failure is never dropped.
 */
public final class DiagnosisEngine {
    private final List<DiagnosisRule> rules;

    /** An engine with the given rules, run in order. */
    public DiagnosisEngine(List<DiagnosisRule> rules) {
        this.rules = List.copyOf(rules);
    }

    /** An engine with every known rule. */
    public static DiagnosisEngine standard() {
        return new DiagnosisEngine(List.of(
                new ConfigApplyRules(),
                new SingleLabelParentRule(),
                new DiagnosticsImageRouteRule(),
                new ImagePullBadGatewayRule(),
                new RootCaMissingRule(),
                new TlsChainUntrustedRule(),
                new UnknownCaAfterCertChangeRule(),
                new StaleEdgeHubHostnameRule(),
                new FolderNotTraversableRule(),
                new KeyPermissionRule()));
    }

    /**
     * @param evidence what the run learned about one device
     * @return diagnoses in rule order, then one per unexplained failed check
     */
    public List<Diagnosis> diagnose(DeviceEvidence evidence) {
        List<Diagnosis> out = new ArrayList<>();
        Set<String> explained = new HashSet<>();
        for (DiagnosisRule rule : rules) {
            for (Diagnosis d : rule.diagnose(evidence)) {
                out.add(d);
                explained.addAll(d.explainedChecks());
            }
        }
        if (evidence.check().isPresent()) {
            for (CheckEntry c : evidence.check().get().failures()) {
                String key = Evidence.key(c);
                if (explained.add(key)) {
                    String what = c.description().isEmpty() ? c.id() : c.description();
                    out.add(new Diagnosis("DIAG-UNEXPLAINED-CHECK-FAILURE", "check failed: " + what,
                            "iotedge check reported an error for \"" + what + "\" that no known cause explains.",
                            "Read the details below; fix the cause on the device and run iotedge check again.",
                            null, "facts §6", c.details(), List.of(key)));
                }
            }
        }
        return out;
    }
}
