package io.nestedge.model.rules.pki;

import io.nestedge.model.Device;
import io.nestedge.model.Plant;
import io.nestedge.model.rules.DeviceRule;
import io.nestedge.model.rules.Finding;
import io.nestedge.model.rules.Severity;
import io.nestedge.model.rules.SettingsRule;
import java.util.List;

/**
 * NE-PKI-EDGECA-SHORT: the device's {@code certs-preloaded} check warns about certificates expiring
 * within 7 days; an Edge CA valid for 7 days or less is near expiry from the day it is installed
 * (facts §4).
 */
public final class EdgeCaTooShortRule extends SettingsRule {
    /** The device's check warns about certificates expiring within this many days. */
    public static final int EXPIRY_WARNING_DAYS = 7;

    /** Creates the rule. */
    public EdgeCaTooShortRule() {
        super("NE-PKI-EDGECA-SHORT", Severity.ERROR, "facts §4", "Edge CAs are valid for more than 7 days.");
    }

    @Override
    public void check(Plant plant, List<Finding> out) {
        int days = plant.pki().edgeCaValidityDays();
        if (days <= EXPIRY_WARNING_DAYS) {
            out.add(plantFinding("pki.edgeCaValidityDays", "Edge CAs are valid for only " + days + " day(s): the devices' "
                    + "certs-preloaded check reports them as expiring from the start, and edgeHub's server certificates "
                    + "end with them.", "Issue Edge CAs for at least 30 days (365 is usual)."));
        }
    }
}
