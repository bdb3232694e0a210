package io.nestedge.model.rules.pki;

import io.nestedge.model.Device;
import io.nestedge.model.Plant;
import io.nestedge.model.rules.DeviceRule;
import io.nestedge.model.rules.Finding;
import io.nestedge.model.rules.Severity;
import io.nestedge.model.rules.SettingsRule;
import java.util.List;

/** NE-PKI-EDGECA-ROOT: an Edge CA cannot outlive the root CA that issues it (facts §4). */
public final class EdgeCaRootValidityRule extends SettingsRule {
    /** Creates the rule. */
    public EdgeCaRootValidityRule() {
        super("NE-PKI-EDGECA-ROOT", Severity.ERROR, "facts §4", "Edge CA validity is not longer than the root CA's.");
    }

    @Override
    public void check(Plant plant, List<Finding> out) {
        int edge = plant.pki().edgeCaValidityDays();
        int root = plant.pki().rootValidityDays();
        if (edge > root) {
            out.add(plantFinding("pki.edgeCaValidityDays", "Edge CAs would be valid for " + edge + " days, longer than the "
                    + "root CA (" + root + " days); the chain stops verifying when the root expires.",
                    "Issue Edge CAs for at most " + root + " days, or give the root CA a longer validity."));
        }
    }
}
