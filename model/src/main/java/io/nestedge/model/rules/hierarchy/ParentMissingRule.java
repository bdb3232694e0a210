package io.nestedge.model.rules.hierarchy;

import io.nestedge.model.Device;
import io.nestedge.model.Plant;
import io.nestedge.model.rules.DeviceRule;
import io.nestedge.model.rules.Finding;
import io.nestedge.model.rules.Severity;
import java.util.List;

/** NE-PARENT-MISSING: the parent device ID must name a device of the plant (facts §1). */
public final class ParentMissingRule extends DeviceRule {
    /** Creates the rule. */
    public ParentMissingRule() {
        super("NE-PARENT-MISSING", Severity.ERROR, "facts §1", "The parent of a device must exist in the plant.");
    }

    @Override
    public void check(Device d, Plant plant, List<Finding> out) {
        if (d.hasParent() && plant.deviceOrNull(d.parentId()) == null) {
            out.add(finding(d, "parentId", "Parent '" + d.parentId() + "' is not a device of this plant.",
                    "Pick an existing IoT Edge device as parent, or clear the parent to make this a top-layer device."));
        }
    }
}
