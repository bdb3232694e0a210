package io.nestedge.commissioning.probe.diagnosis;

import io.nestedge.commissioning.probe.DeviceEvidence;
import io.nestedge.commissioning.probe.TlsProbe;
import java.util.ArrayList;
import java.util.List;

/**
 * Field case F12 (facts §2, §6): edgeHub was created before the hostname changed. Seen either in
 * {@code docker inspect edgeHub} ({@code EdgeDeviceHostName} differs from config.toml's
 * {@code hostname}) or in {@code openssl s_client} (the server certificate does not name the host).
 */
public final class StaleEdgeHubHostnameRule implements DiagnosisRule {
    @Override
    public List<Diagnosis> diagnose(DeviceEvidence e) {
        List<String> hits = new ArrayList<>();
        String expected = e.configHostname().orElse(null);
        if (expected != null && e.edgeHub().isPresent()) {
            e.edgeHub().get().edgeDeviceHostName()
                    .filter(h -> !h.equalsIgnoreCase(expected))
                    .ifPresent(h -> hits.add("docker inspect edgeHub: EdgeDeviceHostName=" + h
                            + " but config.toml hostname = " + expected));
        }
        for (DeviceEvidence.TlsObservation t : e.tls()) {
            TlsProbe p = t.probe();
            if (!p.chain().isEmpty() && !p.namesHost(t.expectedHost())) {
                hits.add("openssl s_client " + t.expectedHost() + ":" + t.port() + ": server certificate CN = "
                        + p.subjectCn().orElse("(none)") + (p.sans().isEmpty() ? "" : ", SAN = " + p.sans())
                        + ", expected " + t.expectedHost());
            }
        }
        if (hits.isEmpty()) {
            return List.of();
        }
        return List.of(new Diagnosis("DIAG-EDGEHUB-OLD-HOSTNAME",
                "edgeHub still uses the old hostname",
                "edgeHub was created before the hostname changed: it keeps the old EdgeDeviceHostName and serves a server "
                        + "certificate for the old name, so children's TLS name checks fail.",
                "Remove edgeAgent and edgeHub (docker rm -f edgeAgent edgeHub; edgeAgent is recreated and recreates "
                        + "edgeHub), then check docker inspect edgeHub and openssl s_client again.",
                Remedy.RECREATE_EDGEHUB, "facts §2, §6; field case F12", hits, List.of()));
    }
}
