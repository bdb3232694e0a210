package io.nestedge.model.rules.pki;

import io.nestedge.model.Device;
import io.nestedge.model.Plant;
import io.nestedge.model.rules.DeviceRule;
import io.nestedge.model.rules.Finding;
import io.nestedge.model.rules.Severity;
import io.nestedge.model.rules.SettingsRule;
import java.util.List;

/** NE-PROXY-SETTINGS: the plant's API proxy convention has a valid module name and port 1-65535 (facts §5). */
public final class ApiProxySettingsRule extends SettingsRule {
    /** Creates the rule. */
    public ApiProxySettingsRule() {
        super("NE-PROXY-SETTINGS", Severity.ERROR, "facts §5", "The plant's API proxy settings use a valid module name and port.");
    }

    @Override
    public void check(Plant plant, List<Finding> out) {
        io.nestedge.model.ApiProxySettings a = plant.apiProxy();
        if (!a.moduleName().matches("^[a-zA-Z0-9_-]+$")) {
            out.add(plantFinding("apiProxy.moduleName", "API proxy module name '" + a.moduleName() + "' is not a valid module name.",
                    "Use letters, digits, '_' and '-' only, e.g. IoTEdgeAPIProxy."));
        }
        if (a.port() > 65535) {
            out.add(plantFinding("apiProxy.port", "API proxy port " + a.port() + " is not a TCP port.", "Use 443 (or another port 1-65535)."));
        }
    }
}
