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
 * NE-LEAF-MODULES: a leaf device does not run the IoT Edge runtime; runtime, modules and routes set on
 * it are ignored at export (facts §1).
 */
public final class LeafModulesRule extends DeviceRule {
    /** Creates the rule. */
    public LeafModulesRule() {
        super("NE-LEAF-MODULES", Severity.WARNING, "facts §1", "Leaf devices have no runtime, modules or routes.");
    }

    @Override
    public void check(Device d, Plant plant, List<Finding> out) {
        if (!d.isEdge() && (d.runtime() != null || !d.modules().isEmpty() || !d.routes().isEmpty())) {
            out.add(finding(d, "modules", "Leaf device has IoT Edge runtime, modules or routes; a leaf device runs none of them.",
                    "Remove them, or make the device an IoT Edge device."));
        }
    }
}
