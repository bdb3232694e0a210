package io.nestedge.model.rules.hostname;

import io.nestedge.model.Device;
import io.nestedge.model.Plant;
import io.nestedge.model.rules.DeviceRule;
import io.nestedge.model.rules.Finding;
import io.nestedge.model.rules.Hostnames;
import io.nestedge.model.rules.Severity;
import java.util.List;

/**
 * NE-HOST-LENGTH: an IoT Edge hostname longer than 64 characters cannot be the certificate CN.
 * The device's check warns for {@code hostname} and fails for {@code parent_hostname}; the designer
 * treats it as an error (facts §2, field case F28).
 */
public final class HostnameLengthRule extends DeviceRule {
    /** Creates the rule. */
    public HostnameLengthRule() {
        super("NE-HOST-LENGTH", Severity.ERROR, "facts §2", "An IoT Edge hostname has at most 64 characters (certificate CN limit).");
    }

    @Override
    public void check(Device d, Plant plant, List<Finding> out) {
        if (d.isEdge() && d.hostname().length() > Hostnames.MAX_LENGTH) {
            out.add(finding(d, "hostname", "Hostname has " + d.hostname().length()
                    + " characters; at most 64 fit in the certificate CN, and children refuse a longer parent_hostname.",
                    "Use a shorter DNS name for this device (64 characters or fewer), e.g. '" + d.id() + "." 
                            + domainHint(d.hostname()) + "', and add it to DNS or /etc/hosts on the children."));
        }
    }

    private static String domainHint(String h) {
        int dot = h.indexOf('.');
        String domain = dot < 0 ? "plant.local" : h.substring(dot + 1);
        return domain.length() > 40 ? "plant.local" : domain;
    }
}
