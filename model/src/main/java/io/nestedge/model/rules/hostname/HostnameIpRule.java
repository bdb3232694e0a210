package io.nestedge.model.rules.hostname;

import io.nestedge.model.Device;
import io.nestedge.model.Plant;
import io.nestedge.model.rules.DeviceRule;
import io.nestedge.model.rules.Finding;
import io.nestedge.model.rules.Hostnames;
import io.nestedge.model.rules.Severity;
import java.util.List;

/**
 * NE-HOST-IP-INVALID: a hostname written as an IP address (digits and dots, or hex and colons) must be
 * a valid IPv4 or IPv6 literal; edgeHub's server certificate then gets it as an IP SAN (facts §2, §4).
 */
public final class HostnameIpRule extends DeviceRule {
    /** Creates the rule. */
    public HostnameIpRule() {
        super("NE-HOST-IP-INVALID", Severity.ERROR, "facts §2", "A hostname written as an IP address must be a valid IPv4/IPv6 address.");
    }

    @Override
    public void check(Device d, Plant plant, List<Finding> out) {
        String h = d.hostname();
        if (Hostnames.style(h) == Hostnames.Style.IP && !Hostnames.isValidIp(h)) {
            out.add(finding(d, "hostname", "Hostname '" + h + "' looks like an IP address but is not a valid one.",
                    "Enter a complete address (IPv4: four numbers 0-255, e.g. 192.168.1.90) or a DNS name."));
        }
    }
}
