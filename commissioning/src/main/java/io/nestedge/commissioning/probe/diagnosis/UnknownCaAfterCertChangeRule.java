package io.nestedge.commissioning.probe.diagnosis;

import io.nestedge.commissioning.probe.DeviceEvidence;
import io.nestedge.commissioning.probe.DeviceEvidence.LogSource;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Field case F11 (facts §3): after the Edge CA or trust bundle changed, edgeHub (or the API proxy)
 * logs TLS "unknown ca": certd/keyd kept the previous certificates and the old module containers
 * still use them.
 */
public final class UnknownCaAfterCertChangeRule implements DiagnosisRule {
    private static final Pattern UNKNOWN_CA = Pattern.compile(
            "unknown[ _]?ca\\b|alert number 48|UnknownCA|unknown certificate authority", Pattern.CASE_INSENSITIVE);

    @Override
    public List<Diagnosis> diagnose(DeviceEvidence e) {
        List<String> hits = new ArrayList<>();
        for (LogSource s : List.of(LogSource.EDGEHUB, LogSource.EDGEAGENT, LogSource.API_PROXY)) {
            hits.addAll(Evidence.logLines(e, s, UNKNOWN_CA));
        }
        if (hits.isEmpty()) {
            return List.of();
        }
        String when = e.certificatesChanged() ? "This run replaced the certificates, and " : "";
        return List.of(new Diagnosis("DIAG-STALE-CERTS-AFTER-CHANGE",
                "TLS \"unknown ca\" between modules: old certificates still in use",
                when + "TLS peers reject the certificate chain (\"unknown ca\"): certd/keyd still hold the previous Edge CA "
                        + "material and the module containers were created with it.",
                "Stop the system, delete /var/lib/aziot/certd/certs and /var/lib/aziot/keyd/keys, apply the config "
                        + "again, and recreate edgeHub/edgeAgent (docker rm -f edgeAgent edgeHub).",
                Remedy.CLEAR_CERT_CACHE_AND_RECREATE, "facts §3; field case F11", hits, List.of()));
    }
}
