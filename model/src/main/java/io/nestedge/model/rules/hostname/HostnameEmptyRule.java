package io.nestedge.model.rules.hostname;

import io.nestedge.model.Device;
import io.nestedge.model.Plant;
import io.nestedge.model.rules.DeviceRule;
import io.nestedge.model.rules.Finding;
import io.nestedge.model.rules.Hostnames;
import io.nestedge.model.rules.Severity;
import java.util.List;

/** NE-HOST-EMPTY: every IoT Edge device needs a {@code hostname} (config.toml, edgeHub's certificate; facts §2). */
public final class HostnameEmptyRule extends DeviceRule {
    /** Creates the rule. */
    public HostnameEmptyRule() {
        super("NE-HOST-EMPTY", Severity.ERROR, "facts §2", "Every IoT Edge device needs a hostname.");
    }

    @Override
    public void check(Device d, Plant plant, List<Finding> out) {
        if (d.isEdge() && d.hostname().isBlank()) {
            out.add(finding(d, "hostname", "IoT Edge device has no hostname; it is needed for config.toml, edgeHub's "
                    + "server certificate and the children's parent_hostname.",
                    "Enter the device's FQDN (e.g. '" + d.id() + ".plant.example.net') or its IP address, "
                            + "in the same style as the rest of the hierarchy."));
        }
    }
}
