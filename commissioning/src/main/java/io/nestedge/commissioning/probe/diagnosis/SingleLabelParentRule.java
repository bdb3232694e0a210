package io.nestedge.commissioning.probe.diagnosis;

import io.nestedge.commissioning.probe.DeviceEvidence;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Field case F6 (facts §2): a single-label {@code parent_hostname} makes Docker read
 * {@code parent/azureiotedge-diagnostics} as a Docker Hub namespace, so the pull is denied.
 */
public final class SingleLabelParentRule implements DiagnosisRule {
    static final Pattern DENIED = Pattern.compile(
            "pull access denied for ([A-Za-z0-9_-]+)/azureiotedge-diagnostics", Pattern.CASE_INSENSITIVE);

    @Override
    public List<Diagnosis> diagnose(DeviceEvidence e) {
        List<String> hits = new ArrayList<>();
        String label = null;
        for (String line : e.allTextLines()) {
            Matcher m = DENIED.matcher(line);
            if (m.find() && Evidence.singleLabel(m.group(1))) {
                hits.add(line);
                label = m.group(1);
            }
        }
        if (hits.isEmpty()) {
            return List.of();
        }
        return List.of(new Diagnosis("DIAG-SINGLE-LABEL-PARENT",
                "parent_hostname \"" + label + "\" is a single label: Docker reads it as a Docker Hub namespace",
                "The child's parent_hostname \"" + label + "\" has no dot and is not an IP address, so the image name "
                        + label + "/azureiotedge-diagnostics is resolved on Docker Hub instead of the parent; the pull is denied "
                        + "and every container connectivity check fails.",
                "Give the parent an FQDN (or IP) hostname, use it for the parent's hostname and the child's "
                        + "parent_hostname, re-issue the parent's edgeHub server certificate, and apply both configs again.",
                null, "facts §2; field case F6", hits,
                Evidence.keys(Evidence.failedChecks(e, DENIED))));
    }
}
