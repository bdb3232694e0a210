package io.nestedge.model.rules.modules;

import io.nestedge.model.Device;
import io.nestedge.model.EdgeModule;
import io.nestedge.model.ModuleType;
import io.nestedge.model.Plant;
import io.nestedge.model.rules.DeviceParts;
import io.nestedge.model.rules.DeviceRule;
import io.nestedge.model.rules.Finding;
import io.nestedge.model.rules.Severity;
import java.util.List;

/** NE-PROXY-NAME: the API proxy module has the same name on every layer, the plant's (facts §5). */
public final class ApiProxyNameRule extends DeviceRule {
    /** Creates the rule. */
    public ApiProxyNameRule() {
        super("NE-PROXY-NAME", Severity.WARNING, "facts §5", "The API proxy module has the plant's proxy module name on every layer.");
    }

    @Override
    public void check(Device d, Plant plant, List<Finding> out) {
        String want = plant.apiProxy().moduleName();
        for (EdgeModule m : d.modules()) {
            if (m.type() != ModuleType.API_PROXY) {
                continue;
            }
            if (!m.name().equals(want)) {
                out.add(finding(d, DeviceParts.moduleField(m, "name"), "API proxy module is named '" + m.name()
                        + "', but the plant uses '" + want + "' on every layer.",
                        "Rename the module to '" + want + "' (or change the plant's API proxy settings for all layers)."));
            }
        }
    }
}
