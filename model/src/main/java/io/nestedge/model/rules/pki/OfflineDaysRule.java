package io.nestedge.model.rules.pki;

import io.nestedge.model.Device;
import io.nestedge.model.Plant;
import io.nestedge.model.rules.DeviceRule;
import io.nestedge.model.rules.Finding;
import io.nestedge.model.rules.Severity;
import io.nestedge.model.rules.SettingsRule;
import java.util.List;

/**
 * NE-OFFLINE-DAYS: edgeHub's server certificate is issued for about 30 days and renewal intervals top
 * out near 25 days, so an IoT Edge device expected to be offline longer loses its server certificate
 * (facts §4).
 */
public final class OfflineDaysRule extends DeviceRule {
    /** Longest offline period the server-certificate renewal survives, days. */
    public static final int RENEWAL_LIMIT_DAYS = 25;

    /** Creates the rule. */
    public OfflineDaysRule() {
        super("NE-OFFLINE-DAYS", Severity.WARNING, "facts §4",
                "An IoT Edge device offline longer than ~25 days loses edgeHub's server certificate.");
    }

    @Override
    public void check(Device d, Plant plant, List<Finding> out) {
        if (d.isEdge() && d.expectedOfflineDays() > RENEWAL_LIMIT_DAYS) {
            out.add(finding(d, "expectedOfflineDays", "Device is expected to be offline for " + d.expectedOfflineDays()
                    + " days; edgeHub's server certificate (about 30 days, renewed at most ~25 days apart) expires "
                    + "before it reconnects, and the children cannot connect.",
                    "Plan a reconnection at least every " + RENEWAL_LIMIT_DAYS + " days, or schedule a visit to restart "
                            + "edgeHub (it issues a new server certificate) after a longer outage."));
        }
    }
}
