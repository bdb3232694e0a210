package io.nestedge.model.rules.modules;

import io.nestedge.model.Device;
import io.nestedge.model.EdgeModule;
import io.nestedge.model.Plant;
import io.nestedge.model.rules.DeviceParts;
import io.nestedge.model.rules.DeviceRule;
import io.nestedge.model.rules.Finding;
import io.nestedge.model.rules.Severity;
import java.util.List;

/** NE-MODULE-DUPLICATE: module names are unique on a device (they are keys of the deployment's modules; facts §5). */
public final class ModuleDuplicateRule extends DeviceRule {
    /** Creates the rule. */
    public ModuleDuplicateRule() {
        super("NE-MODULE-DUPLICATE", Severity.ERROR, "facts §5", "Module names are unique on a device.");
    }

    @Override
    public void check(Device d, Plant plant, List<Finding> out) {
        if (d.modules().size() < 2) {
            return;
        }
        java.util.Set<String> seen = new java.util.HashSet<>();
        java.util.Set<String> reported = new java.util.HashSet<>();
        for (EdgeModule m : d.modules()) {
            if (!seen.add(m.name()) && reported.add(m.name())) {
                out.add(finding(d, DeviceParts.moduleField(m, "name"), "Two modules are named '" + m.name()
                        + "'; the deployment keeps only one.", "Rename or remove one of them."));
            }
        }
    }
}
