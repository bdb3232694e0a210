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
 * NE-REGISTRY-MISSING: a top-layer device with IoT Edge children needs a registry module (a Docker
 * registry in proxy mode, or a local registry with the images pushed) for the API proxy to serve the
 * lower layers' image pulls (facts §1).
 */
public final class RegistryRequiredRule extends DeviceRule {
    /** Creates the rule. */
    public RegistryRequiredRule() {
        super("NE-REGISTRY-MISSING", Severity.ERROR, "facts §1", "A top-layer device with IoT Edge children needs a registry module.");
    }

    @Override
    public void check(Device d, Plant plant, List<Finding> out) {
        if (d.isEdge() && !d.hasParent() && !DeviceParts.hasModule(d, ModuleType.REGISTRY) && plant.hasEdgeChildren(d.id())) {
            String remote = plant.registry().address().isEmpty() ? "mcr.microsoft.com" : plant.registry().address();
            out.add(finding(d, "modules", "Top-layer device has IoT Edge children but no registry module: nothing serves "
                    + "the images the lower layers pull through the API proxy.",
                    "Add a registry module (image registry:2, port 5000, REGISTRY_PROXY_REMOTEURL=https://" + remote
                            + ") and point the API proxy's DOCKER_REQUEST_ROUTE_ADDRESS at it (registry:5000)."));
        }
    }
}
