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
 * NE-PROXY-PORT: the API proxy publishes the plant's proxy port on the host, on every layer: a child's
 * proxy reaches its parent on its own port (facts §5).
 */
public final class ApiProxyPortRule extends DeviceRule {
    /** Creates the rule. */
    public ApiProxyPortRule() {
        super("NE-PROXY-PORT", Severity.ERROR, "facts §5", "The API proxy binds the plant's proxy port on the host, on every layer.");
    }

    @Override
    public void check(Device d, Plant plant, List<Finding> out) {
        int want = plant.apiProxy().port();
        for (EdgeModule m : d.modules()) {
            if (m.type() != ModuleType.API_PROXY) {
                continue;
            }
            if (!m.bindsHostPort(want)) {
                String has = m.ports().isEmpty() ? "publishes no host port"
                        : "publishes host port(s) " + m.ports().stream().map(p -> String.valueOf(p.hostPort())).toList();
                out.add(finding(d, DeviceParts.moduleField(m, "ports"), "API proxy " + has + ", but the plant's proxy "
                        + "port is " + want + "; children pull through $upstream:" + want + ".",
                        "Bind host port " + want + " to the proxy's NGINX_DEFAULT_PORT (e.g. " + want + ":" + want + "/tcp)."));
            }
        }
    }
}
