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
 * NE-PORT-443: exactly one module binds host port 443 on a device. When the API proxy takes 443,
 * edgeHub must not (keep 5671 and 8883); otherwise the second container fails with "port is already
 * allocated" (facts §5, field case F21).
 */
public final class Port443Rule extends DeviceRule {
    /** Creates the rule. */
    public Port443Rule() {
        super("NE-PORT-443", Severity.ERROR, "facts §5", "Exactly one module (edgeHub included) binds host port 443.");
    }

    @Override
    public void check(Device d, Plant plant, List<Finding> out) {
        int count = 0;
        if (d.runtime() != null) {
            for (io.nestedge.model.PortBinding p : d.runtime().edgeHubPorts()) {
                count += p.hostPort() == 443 ? 1 : 0;
            }
        }
        for (io.nestedge.model.EdgeModule m : d.modules()) {
            for (io.nestedge.model.PortBinding p : m.ports()) {
                count += p.hostPort() == 443 ? 1 : 0;
            }
        }
        if (count < 2) {
            return; // fast path: at most one binding of 443, whatever the protocol
        }
        List<DeviceParts.Binding> on443 = DeviceParts.bindings(d).stream()
                .filter(b -> b.port().hostPort() == 443 && "tcp".equalsIgnoreCase(b.port().protocol())).toList();
        if (on443.size() < 2) {
            return;
        }
        DeviceParts.Binding hub = on443.stream().filter(b -> b.owner().equals("edgeHub")).findFirst().orElse(null);
        DeviceParts.Binding blame = hub != null ? hub : on443.get(on443.size() - 1);
        List<String> owners = on443.stream().map(DeviceParts.Binding::owner).distinct().toList();
        String fix = hub != null
                ? "Remove 443 from edgeHub's port bindings (keep 5671 and 8883); the API proxy serves 443."
                : "Keep host port 443 on one module only (normally the API proxy '" + plant.apiProxy().moduleName() + "').";
        out.add(finding(d, blame.field(), "Host port 443 is bound " + on443.size() + " times (" + String.join(", ", owners)
                + "); the second container fails to start with 'port is already allocated'.", fix));
    }
}
