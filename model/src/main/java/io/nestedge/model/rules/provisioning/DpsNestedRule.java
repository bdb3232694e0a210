package io.nestedge.model.rules.provisioning;

import io.nestedge.model.Device;
import io.nestedge.model.Plant;
import io.nestedge.model.ProvisioningMethod;
import io.nestedge.model.rules.DeviceRule;
import io.nestedge.model.rules.Finding;
import io.nestedge.model.rules.Severity;
import java.util.List;

/**
 * NE-PROV-DPS-NESTED: a nested child uses manual provisioning; {@code config apply} refuses DPS with a
 * parent ("DPS provisioning is not supported in nested mode"), and an isolated lower layer cannot reach
 * DPS anyway (facts §1, §3).
 */
public final class DpsNestedRule extends DeviceRule {
    /** Creates the rule. */
    public DpsNestedRule() {
        super("NE-PROV-DPS-NESTED", Severity.ERROR, "facts §1", "Nested children use manual provisioning, not DPS.");
    }

    @Override
    public void check(Device d, Plant plant, List<Finding> out) {
        if (d.hasParent() && d.provisioning().method() == ProvisioningMethod.DPS) {
            out.add(finding(d, "provisioning.method", d.isEdge()
                    ? "DPS provisioning is not supported in nested mode: 'iotedge config apply' refuses it on a device with a parent."
                    : "Leaf device below a gateway uses DPS, but the isolated lower layer cannot reach DPS.",
                    "Use manual provisioning (SAS key or X.509 identity certificate) for this device."));
        }
    }
}
