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
 * NE-REGISTRY-URL: a registry module's {@code REGISTRY_PROXY_REMOTEURL}, when set, is an
 * {@code https://} URL of exactly one registry (facts §5).
 */
public final class RegistryUrlRule extends DeviceRule {
    /** Registry module env var: the upstream registry it mirrors. */
    public static final String ENV = "REGISTRY_PROXY_REMOTEURL";

    /** Creates the rule. */
    public RegistryUrlRule() {
        super("NE-REGISTRY-URL", Severity.ERROR, "facts §5", "REGISTRY_PROXY_REMOTEURL starts with https:// and names one registry.");
    }

    @Override
    public void check(Device d, Plant plant, List<Finding> out) {
        for (EdgeModule m : d.modules()) {
            String v = m.env().get(ENV);
            if (v == null) {
                continue;
            }
            String t = v.trim();
            boolean https = t.regionMatches(true, 0, "https://", 0, 8);
            String host = https ? t.substring(8) : "";
            if (!https || host.isEmpty() || host.contains(",") || host.contains(" ")) {
                String suggestion = "https://" + t.replaceFirst("^[a-zA-Z]+://", "");
                out.add(finding(d, DeviceParts.moduleField(m, "env." + ENV), ENV + " is '" + v
                        + "'; the registry proxy accepts only one https:// URL.",
                        "Set it to one registry's https URL, e.g. '" + (host.isEmpty() && !https ? suggestion
                                : "https://mcr.microsoft.com") + "'."));
            }
        }
    }
}
