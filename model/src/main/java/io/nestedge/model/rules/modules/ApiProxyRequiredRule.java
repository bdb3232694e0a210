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

/**
 * NE-PROXY-MISSING: every IoT Edge device with an IoT Edge child needs the API proxy module: the
 * children pull images and reach blob storage through it (facts §1, §5).
 */
public final class ApiProxyRequiredRule extends DeviceRule {
    /** Creates the rule. */
    public ApiProxyRequiredRule() {
        super("NE-PROXY-MISSING", Severity.ERROR, "facts §1", "An IoT Edge device with IoT Edge children needs the API proxy module.");
    }

    @Override
    public void check(Device d, Plant plant, List<Finding> out) {
        if (d.isEdge() && !DeviceParts.hasModule(d, ModuleType.API_PROXY) && plant.hasEdgeChildren(d.id())) {
            out.add(finding(d, "modules", "Device has IoT Edge children but no API proxy module; the children cannot pull "
                    + "their images ($upstream:" + plant.apiProxy().port() + "/…) through it.",
                    "Add the API proxy module '" + plant.apiProxy().moduleName() + "' (image azureiotedge-api-proxy) "
                            + "binding host port " + plant.apiProxy().port() + ", with NGINX_DEFAULT_PORT="
                            + plant.apiProxy().port() + "."));
        }
    }
}
