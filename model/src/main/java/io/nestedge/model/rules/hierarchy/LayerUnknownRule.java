package io.nestedge.model.rules.hierarchy;

import io.nestedge.model.Device;
import io.nestedge.model.Plant;
import io.nestedge.model.rules.DeviceRule;
import io.nestedge.model.rules.Finding;
import io.nestedge.model.rules.Severity;
import java.util.List;
import java.util.stream.Collectors;

/** NE-LAYER-UNKNOWN: a device's layer must be one of the plant's layers (facts §1, ISA-95 levels). */
public final class LayerUnknownRule extends DeviceRule {
    /** Creates the rule. */
    public LayerUnknownRule() {
        super("NE-LAYER-UNKNOWN", Severity.ERROR, "facts §1", "A device's layer must be one of the plant's layers.");
    }

    @Override
    public void check(Device d, Plant plant, List<Finding> out) {
        if (plant.layerIndex(d.layerId()) < 0) {
            String known = plant.layers().stream().map(l -> l.id()).collect(Collectors.joining(", "));
            out.add(finding(d, "layerId", d.layerId().isEmpty() ? "Device has no layer."
                    : "Layer '" + d.layerId() + "' is not a layer of this plant.",
                    "Put the device in one of the plant's layers: " + (known.isEmpty() ? "(none defined — add layers)" : known) + "."));
        }
    }
}
