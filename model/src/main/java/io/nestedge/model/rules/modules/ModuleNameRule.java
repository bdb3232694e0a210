package io.nestedge.model.rules.modules;

import io.nestedge.model.Device;
import io.nestedge.model.EdgeModule;
import io.nestedge.model.Plant;
import io.nestedge.model.rules.DeviceParts;
import io.nestedge.model.rules.DeviceRule;
import io.nestedge.model.rules.Finding;
import io.nestedge.model.rules.Severity;
import java.util.List;

/**
 * NE-MODULE-NAME: module names match {@code ^[a-zA-Z0-9_-]+$} (deployment schema) and are not the
 * system modules' names {@code edgeAgent} / {@code edgeHub} (facts §5).
 */
public final class ModuleNameRule extends DeviceRule {
    private static final java.util.regex.Pattern NAME = java.util.regex.Pattern.compile("^[a-zA-Z0-9_-]+$");

    private static boolean valid(String n) {
        if (n.isEmpty()) {
            return false;
        }
        for (int i = 0; i < n.length(); i++) {
            char c = n.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '-')) {
                return false;
            }
        }
        return true;
    }

    /** Creates the rule. */
    public ModuleNameRule() {
        super("NE-MODULE-NAME", Severity.ERROR, "facts §5", "Module names match ^[a-zA-Z0-9_-]+$ and are not edgeAgent or edgeHub.");
    }

    @Override
    public void check(Device d, Plant plant, List<Finding> out) {
        for (EdgeModule m : d.modules()) {
            if (valid(m.name()) && !m.name().equalsIgnoreCase("edgeAgent") && !m.name().equalsIgnoreCase("edgeHub")) {
                continue;
            }
            String field = DeviceParts.moduleField(m, "name");
            if (!NAME.matcher(m.name()).matches()) {
                out.add(finding(d, field, "Module name '" + m.name() + "' is not allowed in a deployment (only letters, digits, '_' and '-').",
                        "Rename it, e.g. '" + (m.name().isEmpty() ? "module1" : m.name().replaceAll("[^a-zA-Z0-9_-]", "-")) + "'."));
            } else if (m.name().equalsIgnoreCase("edgeAgent") || m.name().equalsIgnoreCase("edgeHub")) {
                out.add(finding(d, field, "'" + m.name() + "' is a system module name; custom modules cannot use it.",
                        "Rename the module; set edgeAgent/edgeHub options in the device's runtime settings instead."));
            }
        }
    }
}
