package io.nestedge.model.rules.hierarchy;

import io.nestedge.model.Device;
import io.nestedge.model.Plant;
import io.nestedge.model.rules.DeviceRule;
import io.nestedge.model.rules.Finding;
import io.nestedge.model.rules.Severity;
import java.util.List;

/**
 * NE-LEAF-NO-PARENT: a leaf device needs an IoT Edge parent; without the parent relation edgeHub
 * refuses it ({@code RefusedNotAuthorized}, facts §1).
 */
public final class LeafNeedsParentRule extends DeviceRule {
    /** Creates the rule. */
    public LeafNeedsParentRule() {
        super("NE-LEAF-NO-PARENT", Severity.ERROR, "facts §1", "A leaf device needs an IoT Edge parent.");
    }

    @Override
    public void check(Device d, Plant plant, List<Finding> out) {
        if (!d.isEdge() && !d.hasParent()) {
            out.add(finding(d, "parentId", "Leaf device has no parent: it connects only through an IoT Edge gateway, "
                    + "and edgeHub refuses it without the parent relation (RefusedNotAuthorized).",
                    "Set an IoT Edge device of the same or the next higher layer as its parent."));
        }
    }
}
