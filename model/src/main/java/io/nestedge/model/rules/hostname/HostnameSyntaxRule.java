package io.nestedge.model.rules.hostname;

import io.nestedge.model.Device;
import io.nestedge.model.Plant;
import io.nestedge.model.rules.DeviceRule;
import io.nestedge.model.rules.Finding;
import io.nestedge.model.rules.Hostnames;
import io.nestedge.model.rules.Severity;
import java.util.List;

/**
 * NE-HOST-SYNTAX: a DNS hostname must consist of dot-separated labels of 1–63 characters made of
 * letters, digits and {@code -} (underscore: see NE-HOST-RFC1035), a label must not start or end with
 * {@code -}, and no label may be empty (no leading, trailing or double dot). Such a name breaks DNS,
 * certificates and image names like {@code <parent>:443/azureiotedge-agent:1.5} (facts §2).
 */
public final class HostnameSyntaxRule extends DeviceRule {
    /** Creates the rule. */
    public HostnameSyntaxRule() {
        super("NE-HOST-SYNTAX", Severity.ERROR, "facts §2",
                "A hostname is dot-separated labels of 1-63 letters, digits or '-', not starting or ending with '-'.");
    }

    @Override
    public void check(Device d, Plant plant, List<Finding> out) {
        String h = d.hostname();
        if (h.isEmpty() || Hostnames.style(h) != Hostnames.Style.DNS) {
            return;
        }
        String problem = problem(h);
        if (problem != null) {
            out.add(finding(d, "hostname", "Hostname '" + h + "' is not a valid DNS name: " + problem + ".",
                    "Use only letters, digits and '-' in each dot-separated label (1-63 characters each), "
                            + "e.g. '" + d.id().replaceAll("[^A-Za-z0-9-]", "-") + ".plant.local'."));
        }
    }

    /** The first syntax problem of a DNS hostname, or null. */
    static String problem(String h) {
        for (int i = 0; i < h.length(); i++) {
            char c = h.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '_' || c == '.')) {
                return "character '" + c + "' is not allowed" + (c == ':' ? " (no port or scheme in a hostname)" : "");
            }
        }
        for (String label : Hostnames.labels(h)) {
            if (label.isEmpty()) {
                return "it has an empty label (leading, trailing or double dot)";
            }
            if (label.length() > Hostnames.MAX_LABEL) {
                return "label '" + label.substring(0, 12) + "…' has " + label.length() + " characters (at most 63)";
            }
            if (label.startsWith("-") || label.endsWith("-")) {
                return "label '" + label + "' starts or ends with '-'";
            }
        }
        return null;
    }
}
