package io.nestedge.model.rules.pki;

import io.nestedge.model.Device;
import io.nestedge.model.Plant;
import io.nestedge.model.rules.DeviceRule;
import io.nestedge.model.rules.Finding;
import io.nestedge.model.rules.Severity;
import io.nestedge.model.rules.SettingsRule;
import java.util.List;

/** NE-PKI-KEY-TYPE: the IoT Edge runtime is tested with RSA-2048 and EC P-256 Edge CA keys (facts §4). */
public final class EdgeCaKeyTypeRule extends SettingsRule {
    /** Creates the rule. */
    public EdgeCaKeyTypeRule() {
        super("NE-PKI-KEY-TYPE", Severity.WARNING, "facts §4", "Edge CA keys are RSA-2048 or EC P-256 (the tested types).");
    }

    @Override
    public void check(Plant plant, List<Finding> out) {
        io.nestedge.model.KeyType k = plant.pki().edgeCaKeyType();
        if (k != io.nestedge.model.KeyType.RSA_2048 && k != io.nestedge.model.KeyType.EC_P256) {
            out.add(plantFinding("pki.edgeCaKeyType", "Edge CA key type " + k + " is not one the IoT Edge runtime is tested with.",
                    "Use RSA_2048 or EC_P256 for Edge CAs."));
        }
    }
}
