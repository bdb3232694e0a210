package io.nestedge.model.rules.pki;

import io.nestedge.model.Device;
import io.nestedge.model.Plant;
import io.nestedge.model.rules.DeviceRule;
import io.nestedge.model.rules.Finding;
import io.nestedge.model.rules.Severity;
import io.nestedge.model.rules.SettingsRule;
import java.util.List;

/** NE-LAYER-DUPLICATE: layer IDs are unique and non-empty (facts §1, ISA-95 levels). */
public final class LayerDuplicateRule extends SettingsRule {
    /** Creates the rule. */
    public LayerDuplicateRule() {
        super("NE-LAYER-DUPLICATE", Severity.ERROR, "facts §1", "Layer IDs are unique and not empty.");
    }

    @Override
    public void check(Plant plant, List<Finding> out) {
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (int i = 0; i < plant.layers().size(); i++) {
            String id = plant.layers().get(i).id();
            if (id.isBlank()) {
                out.add(plantFinding("layers[" + i + "].id", "Layer " + (i + 1) + " has no ID.", "Give the layer an ID, e.g. 'L3'."));
            } else if (!seen.add(id)) {
                out.add(plantFinding("layers[" + i + "].id", "Layer ID '" + id + "' is used twice; devices in it are ambiguous.",
                        "Give each layer its own ID."));
            }
        }
    }
}
