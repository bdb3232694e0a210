package io.nestedge.model.rules.hostname;

import io.nestedge.model.Device;
import io.nestedge.model.Plant;
import io.nestedge.model.rules.DeviceRule;
import io.nestedge.model.rules.Finding;
import io.nestedge.model.rules.Hostnames;
import io.nestedge.model.rules.Severity;
import java.util.List;

/**
 * NE-HOST-RFC1035: RFC 1035 labels start with a letter and contain no underscore. The device's own
 * check ({@code iotedge check}, check {@code hostname}) warns about a leading digit or an underscore,
 * and so does the designer (facts §2, field case F14).
 */
public final class HostnameRfc1035Rule extends DeviceRule {
    /** Creates the rule. */
    public HostnameRfc1035Rule() {
        super("NE-HOST-RFC1035", Severity.WARNING, "facts §2",
                "Hostname labels should start with a letter and contain no '_' (the device's check warns).");
    }

    @Override
    public void check(Device d, Plant plant, List<Finding> out) {
        String h = d.hostname();
        if (h.isEmpty() || Hostnames.style(h) != Hostnames.Style.DNS || HostnameSyntaxRule.problem(h) != null) {
            return;
        }
        for (String label : Hostnames.labels(h)) {
            char first = label.charAt(0);
            if (first >= '0' && first <= '9' || label.indexOf('_') >= 0) {
                String why = label.indexOf('_') >= 0 ? "contains '_'" : "starts with a digit";
                out.add(finding(d, "hostname", "Hostname '" + h + "' does not comply with RFC 1035: label '" + label
                        + "' " + why + "; the device's 'iotedge check' warns about it.",
                        "Rename the label to start with a letter and use '-' instead of '_', e.g. '"
                                + suggestion(label) + "'."));
                return;
            }
        }
    }

    private static String suggestion(String label) {
        String s = label.replace('_', '-');
        return Character.isLetter(s.charAt(0)) ? s : "gw-" + s;
    }
}
