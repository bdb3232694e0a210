package io.nestedge.commissioning.probe.diagnosis;

import io.nestedge.commissioning.probe.DeviceEvidence;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Field case F9 (facts §4): an image pull through the parent's API proxy fails with
 * {@code 502 Bad Gateway} (or Docker's "x509: certificate signed by unknown authority") although
 * port 443 is open: the container engine started before the root CA was installed and does not
 * trust the parent.
 */
public final class ImagePullBadGatewayRule implements DiagnosisRule {
    private static final Pattern BAD = Pattern.compile(
            "502 Bad Gateway|x509: certificate signed by unknown authority", Pattern.CASE_INSENSITIVE);
    private static final Pattern PULL = Pattern.compile(
            "pull|manifest|image|Error response from daemon|registry", Pattern.CASE_INSENSITIVE);

    @Override
    public List<Diagnosis> diagnose(DeviceEvidence e) {
        List<String> hits = new java.util.ArrayList<>(Evidence.logLines(e, DeviceEvidence.LogSource.IMAGE_PULL, BAD));
        Evidence.lines(e, BAD).stream().filter(l -> PULL.matcher(l).find() && !hits.contains(l)).forEach(hits::add);
        if (hits.isEmpty()) {
            return List.of();
        }
        return List.of(new Diagnosis("DIAG-ENGINE-DOES-NOT-TRUST-ROOT",
                "image pull through the parent failed (502 / unknown authority): container engine does not trust the root CA",
                "Image pulls through the parent's API proxy fail although the port is open: the container engine was "
                        + "started before the root CA was added to the OS trust store, so it does not trust the parent.",
                "Make sure the root CA is in the OS trust store (update-ca-certificates / update-ca-trust), then restart "
                        + "the container engine (systemctl restart docker) and pull again.",
                Remedy.RESTART_CONTAINER_ENGINE, "facts §4; field case F9", hits,
                Evidence.keys(Evidence.failedChecks(e, BAD))));
    }
}
