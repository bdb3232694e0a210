package io.nestedge.model.rules.hierarchy;

import io.nestedge.model.Device;
import io.nestedge.model.Plant;
import io.nestedge.model.rules.DeviceRule;
import io.nestedge.model.rules.Finding;
import io.nestedge.model.rules.Severity;
import java.util.List;

/**
 * NE-LAYER-SAME: an IoT Edge child should sit one layer below its IoT Edge parent (one gateway per
 * ISA-95 level, facts §1). Same layer works on the network but is usually a placement mistake:
 * warning. Leaf devices normally share their gateway's layer and are not reported.
 */
public final class SameLayerRule extends DeviceRule {
    /** Creates the rule. */
    public SameLayerRule() {
        super("NE-LAYER-SAME", Severity.WARNING, "facts §1", "An IoT Edge child should sit in a layer below its parent's.");
    }

    @Override
    public void check(Device d, Plant plant, List<Finding> out) {
        Device p = d.hasParent() && d.isEdge() ? plant.deviceOrNull(d.parentId()) : null;
        if (p == null || !p.isEdge()) {
            return;
        }
        int mine = plant.layerIndex(d.layerId());
        if (mine >= 0 && mine == plant.layerIndex(p.layerId())) {
            out.add(finding(d, "layerId", "IoT Edge device is in the same layer (" + d.layerId() + ") as its parent '"
                    + p.id() + "'; nested IoT Edge puts each child gateway one layer lower.",
                    "Move the device to the layer below " + p.layerId() + " (or attach it to a parent one layer up)."));
        }
    }
}
