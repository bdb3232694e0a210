package io.nestedge.model.rules.provisioning;

import io.nestedge.model.Device;
import io.nestedge.model.Plant;
import io.nestedge.model.ProvisioningMethod;
import io.nestedge.model.rules.DeviceRule;
import io.nestedge.model.rules.Finding;
import io.nestedge.model.rules.Severity;
import java.util.List;

/** NE-PROV-DPS-SCOPE: DPS provisioning needs the DPS ID scope (config.toml {@code [provisioning] id_scope}; facts §3). */
public final class DpsScopeRule extends DeviceRule {
    /** Creates the rule. */
    public DpsScopeRule() {
        super("NE-PROV-DPS-SCOPE", Severity.ERROR, "facts §3", "DPS provisioning needs an ID scope.");
    }

    @Override
    public void check(Device d, Plant plant, List<Finding> out) {
        if (!d.hasParent() && d.provisioning().method() == ProvisioningMethod.DPS && d.provisioning().dpsScopeId().isBlank()) {
            out.add(finding(d, "provisioning.dpsScopeId", "DPS provisioning without an ID scope.",
                    "Enter the DPS ID scope (e.g. 0ne00012345, from the DPS overview page), or use manual provisioning."));
        }
    }
}
