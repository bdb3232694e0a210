package io.nestedge.model.rules.hierarchy;

import io.nestedge.model.Device;
import io.nestedge.model.Plant;
import io.nestedge.model.rules.DeviceRule;
import io.nestedge.model.rules.Finding;
import io.nestedge.model.rules.Severity;
import java.util.List;

/** NE-PARENT-NOT-EDGE: only IoT Edge devices can be parents; a leaf device never is (facts §1). */
public final class ParentNotEdgeRule extends DeviceRule {
    /** Creates the rule. */
    public ParentNotEdgeRule() {
        super("NE-PARENT-NOT-EDGE", Severity.ERROR, "facts §1", "Only IoT Edge devices can be parents; a leaf device cannot.");
    }

    @Override
    public void check(Device d, Plant plant, List<Finding> out) {
        Device p = d.hasParent() ? plant.deviceOrNull(d.parentId()) : null;
        if (p != null && !p.isEdge()) {
            out.add(finding(d, "parentId", "Parent '" + p.id() + "' is a leaf device; only IoT Edge devices can be parents.",
                    "Connect this device to an IoT Edge gateway instead of '" + p.id() + "'."));
        }
    }
}
