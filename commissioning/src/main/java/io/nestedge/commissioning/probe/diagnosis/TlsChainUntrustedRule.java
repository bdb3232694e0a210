package io.nestedge.commissioning.probe.diagnosis;

import io.nestedge.commissioning.probe.DeviceEvidence;
import io.nestedge.commissioning.probe.TlsProbe;
import java.util.ArrayList;
import java.util.List;

/**
 * Facts §4, §6 (F3, F10 family): {@code openssl s_client -CAfile <root>} to the parent does not end in
 * {@code Verify return code: 0 (ok)}: the chain the parent's edgeHub presents does not lead to the
 * root the child trusts (root missing on the child, or the parent's Edge CA file does not chain to it).
 */
public final class TlsChainUntrustedRule implements DiagnosisRule {
    @Override
    public List<Diagnosis> diagnose(DeviceEvidence e) {
        List<String> hits = new ArrayList<>();
        for (DeviceEvidence.TlsObservation t : e.tls()) {
            TlsProbe p = t.probe();
            if (p.verifyCode() > 0) {
                hits.add("openssl s_client " + t.expectedHost() + ":" + t.port() + ": Verify return code: "
                        + p.verifyCode() + " (" + p.verifyText() + ")");
            }
        }
        if (hits.isEmpty()) {
            return List.of();
        }
        return List.of(new Diagnosis("DIAG-TLS-CHAIN-UNTRUSTED",
                "the parent's TLS chain does not verify against the root CA",
                "The certificate chain the parent's edgeHub presents cannot be verified with the root CA the child uses: "
                        + "either the root is missing on the child, or the parent's Edge CA file (leaf-first: Edge CA, "
                        + "intermediates, root) does not chain to that root.",
                "Install the hierarchy's root CA on the child (OS trust store and trust_bundle_cert), and check that the "
                        + "parent's Edge CA file chains to the same root; then run openssl s_client again.",
                null, "facts §4, §6; field cases F3, F10", hits, List.of()));
    }
}
