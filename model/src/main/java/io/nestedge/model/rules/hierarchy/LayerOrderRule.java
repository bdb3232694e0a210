package io.nestedge.model.rules.hierarchy;

import io.nestedge.model.Device;
import io.nestedge.model.Plant;
import io.nestedge.model.rules.DeviceRule;
import io.nestedge.model.rules.Finding;
import io.nestedge.model.rules.Severity;
import java.util.List;

/**
 * NE-LAYER-INVERTED: a child must not sit in a layer above its parent's. Lower layers talk only to
 * their parent, upwards through the plant's firewalls (facts §1, ISA-95 / Purdue levels); a child
 * placed above its parent contradicts the network the plan is built for. Error.
 */
public final class LayerOrderRule extends DeviceRule {
    /** Creates the rule. */
    public LayerOrderRule() {
        super("NE-LAYER-INVERTED", Severity.ERROR, "facts §1", "A child must not sit in a layer above its parent's layer.");
    }

    @Override
    public void check(Device d, Plant plant, List<Finding> out) {
        Device p = d.hasParent() ? plant.deviceOrNull(d.parentId()) : null;
        if (p == null) {
            return;
        }
        int mine = plant.layerIndex(d.layerId());
        int theirs = plant.layerIndex(p.layerId());
        if (mine >= 0 && theirs >= 0 && mine < theirs) {
            out.add(finding(d, "layerId", "Device is in layer " + d.layerId() + ", above its parent '" + p.id()
                    + "' in layer " + p.layerId() + "; a child connects upwards to its parent.",
                    "Move the device to a layer below " + p.layerId() + ", or choose a parent in a higher layer."));
        }
    }
}
