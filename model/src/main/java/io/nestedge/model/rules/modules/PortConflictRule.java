package io.nestedge.model.rules.modules;

import io.nestedge.model.Device;
import io.nestedge.model.EdgeModule;
import io.nestedge.model.Plant;
import io.nestedge.model.rules.DeviceParts;
import io.nestedge.model.rules.DeviceRule;
import io.nestedge.model.rules.Finding;
import io.nestedge.model.rules.Severity;
import java.util.List;

/**
 * NE-PORT-CONFLICT: no two bindings of a device publish the same host port and protocol (Docker
 * refuses: "port is already allocated"; facts §5). Port 443 is reported by NE-PORT-443.
 */
public final class PortConflictRule extends DeviceRule {
    private static boolean allDistinct(List<DeviceParts.Binding> all) {
        for (int i = 0; i < all.size(); i++) {
            for (int j = i + 1; j < all.size(); j++) {
                if (all.get(i).port().hostPort() == all.get(j).port().hostPort()) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Creates the rule. */
    public PortConflictRule() {
        super("NE-PORT-CONFLICT", Severity.ERROR, "facts §5", "No two modules of a device bind the same host port.");
    }

    @Override
    public void check(Device d, Plant plant, List<Finding> out) {
        List<DeviceParts.Binding> all = DeviceParts.bindings(d);
        if (all.size() < 2 || allDistinct(all)) {
            return;
        }
        java.util.Map<String, List<DeviceParts.Binding>> byPort = new java.util.LinkedHashMap<>();
        for (DeviceParts.Binding b : all) {
            String proto = b.port().protocol().toLowerCase(java.util.Locale.ROOT);
            if (b.port().hostPort() == 443 && proto.equals("tcp")) {
                continue;
            }
            byPort.computeIfAbsent(b.port().hostPort() + "/" + proto, k -> new java.util.ArrayList<>()).add(b);
        }
        byPort.forEach((port, list) -> {
            if (list.size() > 1) {
                List<String> owners = list.stream().map(DeviceParts.Binding::owner).toList();
                out.add(finding(d, list.get(1).field(), "Host port " + port + " is bound by " + String.join(" and ", owners)
                        + "; the second container fails to start with 'port is already allocated'.",
                        "Publish " + port + " from one module only; give the other a free host port."));
            }
        });
    }
}
