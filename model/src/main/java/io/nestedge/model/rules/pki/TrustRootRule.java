package io.nestedge.model.rules.pki;

import io.nestedge.model.Device;
import io.nestedge.model.Plant;
import io.nestedge.model.rules.DeviceRule;
import io.nestedge.model.rules.Finding;
import io.nestedge.model.rules.Severity;
import io.nestedge.model.rules.SettingsRule;
import java.util.List;

/**
 * NE-PKI-TRUST-ROOT: with imported CAs, the trust bundle is the root CA: an imported plant needs the
 * root certificate, not only an intermediate, or children cannot build a chain to the trust root
 * (facts §4, field case F3).
 */
public final class TrustRootRule extends SettingsRule {
    /** Creates the rule. */
    public TrustRootRule() {
        super("NE-PKI-TRUST-ROOT", Severity.ERROR, "facts §4", "Imported PKI names the root CA certificate (the trust bundle).");
    }

    @Override
    public void check(Plant plant, List<Finding> out) {
        io.nestedge.model.PkiSettings p = plant.pki();
        if (p.caSource() == io.nestedge.model.CaSource.IMPORT && p.importedRootCert().isBlank()) {
            out.add(plantFinding("pki.importedRootCert", p.importedIntermediateCert().isBlank()
                    ? "CAs are imported but no root CA certificate is given; the trust bundle needs the root."
                    : "Only an intermediate CA is imported; a trust bundle that stops at the intermediate lets children "
                            + "fail to build a chain to the root.",
                    "Import the root CA certificate (e.g. certs/azure-iot-test-only.root.ca.cert.pem) as the trust bundle."));
        }
    }
}
