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
 * NE-PROXY-NGINX-PORT: the API proxy listens on {@code NGINX_DEFAULT_PORT} (8000 when unset); it must
 * be the container port that the plant's proxy port is published to (facts §5).
 */
public final class NginxPortRule extends DeviceRule {
    /** API proxy env var: the port nginx listens on inside the container. */
    public static final String NGINX_DEFAULT_PORT = "NGINX_DEFAULT_PORT";
    /** The proxy's own default when the env var is unset. */
    public static final int CODE_DEFAULT = 8000;

    /** Creates the rule. */
    public NginxPortRule() {
        super("NE-PROXY-NGINX-PORT", Severity.ERROR, "facts §5",
                "The API proxy's NGINX_DEFAULT_PORT matches the container port its proxy port is published to.");
    }

    @Override
    public void check(Device d, Plant plant, List<Finding> out) {
        int hostPort = plant.apiProxy().port();
        for (EdgeModule m : d.modules()) {
            if (m.type() != ModuleType.API_PROXY) {
                continue;
            }
            int want = m.ports().stream().filter(p -> p.hostPort() == hostPort).mapToInt(p -> p.containerPort())
                    .findFirst().orElse(hostPort);
            String v = m.env().get(NGINX_DEFAULT_PORT);
            String field = DeviceParts.moduleField(m, "env." + NGINX_DEFAULT_PORT);
            if (v == null) {
                if (want != CODE_DEFAULT) {
                    out.add(finding(d, field, "NGINX_DEFAULT_PORT is not set, so the proxy listens on " + CODE_DEFAULT
                            + ", but port " + hostPort + " is published to container port " + want + ".",
                            "Set NGINX_DEFAULT_PORT=" + want + "."));
                }
            } else if (!v.trim().equals(String.valueOf(want))) {
                out.add(finding(d, field, "NGINX_DEFAULT_PORT is '" + v + "', but the proxy port " + hostPort
                        + " is published to container port " + want + ".", "Set NGINX_DEFAULT_PORT=" + want + "."));
            }
        }
    }
}
