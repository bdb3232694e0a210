package io.nestedge.model.rules.pki;

import io.nestedge.model.Device;
import io.nestedge.model.Plant;
import io.nestedge.model.rules.DeviceRule;
import io.nestedge.model.rules.Finding;
import io.nestedge.model.rules.Severity;
import io.nestedge.model.rules.SettingsRule;
import java.util.List;

/**
 * NE-PKI-EDGECA-VALIDITY: edgeHub's server certificate is issued for about 30 days but never past the
 * Edge CA's notAfter; an Edge CA valid for less than 30 days cuts server certificates short and needs
 * frequent re-issuing (facts §4). Warning from 8 to 29 days (NE-PKI-EDGECA-SHORT below).
 */
public final class EdgeCaValidityRule extends SettingsRule {
    /** Validity edgeHub gives its server certificates, days. */
    public static final int SERVER_CERT_DAYS = 30;

    /** Creates the rule. */
    public EdgeCaValidityRule() {
        super("NE-PKI-EDGECA-VALIDITY", Severity.WARNING, "facts §4", "Edge CAs are valid for at least 30 days (edgeHub server certs last ~30).");
    }

    @Override
    public void check(Plant plant, List<Finding> out) {
        int days = plant.pki().edgeCaValidityDays();
        if (days > EdgeCaTooShortRule.EXPIRY_WARNING_DAYS && days < SERVER_CERT_DAYS) {
            out.add(plantFinding("pki.edgeCaValidityDays", "Edge CAs are valid for " + days + " days, shorter than the ~30 "
                    + "days of edgeHub's server certificates: every device needs new Edge CA files within " + days + " days.",
                    "Issue Edge CAs for at least 30 days (365 is usual; the root CA must outlive them)."));
        }
    }
}
