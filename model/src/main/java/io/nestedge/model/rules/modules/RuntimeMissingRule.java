package io.nestedge.model.rules.modules;

import io.nestedge.model.Device;
import io.nestedge.model.EdgeModule;
import io.nestedge.model.Plant;
import io.nestedge.model.rules.DeviceParts;
import io.nestedge.model.rules.DeviceRule;
import io.nestedge.model.rules.Finding;
import io.nestedge.model.rules.Severity;
import java.util.List;

/** NE-RUNTIME-MISSING: an IoT Edge device has runtime settings (edgeAgent and edgeHub images; facts §3, §5). */
public final class RuntimeMissingRule extends DeviceRule {
    /** Creates the rule. */
    public RuntimeMissingRule() {
        super("NE-RUNTIME-MISSING", Severity.ERROR, "facts §5", "An IoT Edge device has edgeAgent/edgeHub runtime settings.");
    }

    @Override
    public void check(Device d, Plant plant, List<Finding> out) {
        if (d.isEdge() && d.runtime() == null) {
            String reg = d.hasParent() ? "$upstream:" + plant.apiProxy().port() : "mcr.microsoft.com";
            out.add(finding(d, "runtime", "IoT Edge device has no runtime settings (edgeAgent, edgeHub).",
                    "Set the runtime images, e.g. '" + reg + "/azureiotedge-agent:1.5' and '" + reg + "/azureiotedge-hub:1.5'."));
        }
    }
}
