package io.nestedge.model.rules.pki;

import io.nestedge.model.Device;
import io.nestedge.model.Plant;
import io.nestedge.model.rules.DeviceRule;
import io.nestedge.model.rules.Finding;
import io.nestedge.model.rules.Severity;
import io.nestedge.model.rules.SettingsRule;
import java.util.List;

/**
 * NE-HUB-TTL: edgeHub keeps messages for {@code storeAndForwardConfiguration.timeToLiveSecs}; a device
 * expected offline longer drops older messages (facts §5).
 */
public final class StoreAndForwardRule extends DeviceRule {
    /** Creates the rule. */
    public StoreAndForwardRule() {
        super("NE-HUB-TTL", Severity.WARNING, "facts §5",
                "edgeHub's store-and-forward time to live covers the device's expected offline period.");
    }

    @Override
    public void check(Device d, Plant plant, List<Finding> out) {
        if (d.isEdge() && d.runtime() != null && d.expectedOfflineDays() > 0
                && (long) d.runtime().storeAndForwardTtlSecs() < d.expectedOfflineDays() * 86_400L) {
            out.add(finding(d, "runtime.storeAndForwardTtlSecs", "edgeHub keeps messages for "
                    + d.runtime().storeAndForwardTtlSecs() + " s, but the device is expected offline for "
                    + d.expectedOfflineDays() + " days: older messages are dropped.",
                    "Set the store-and-forward time to live to at least " + d.expectedOfflineDays() * 86_400L
                            + " s (and make sure the disk holds that much data)."));
        }
    }
}
