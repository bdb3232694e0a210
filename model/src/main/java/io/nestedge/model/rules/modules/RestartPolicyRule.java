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
 * NE-MODULE-RESTART: a module's restartPolicy is {@code never}, {@code on-failure},
 * {@code on-unhealthy} or {@code always} (deployment schema; facts §5).
 */
public final class RestartPolicyRule extends DeviceRule {
    private static final java.util.Set<String> ALLOWED = java.util.Set.of("never", "on-failure", "on-unhealthy", "always");

    /** Creates the rule. */
    public RestartPolicyRule() {
        super("NE-MODULE-RESTART", Severity.ERROR, "facts §5", "restartPolicy is never, on-failure, on-unhealthy or always.");
    }

    @Override
    public void check(Device d, Plant plant, List<Finding> out) {
        for (EdgeModule m : d.modules()) {
            if (!ALLOWED.contains(m.restartPolicy())) {
                out.add(finding(d, DeviceParts.moduleField(m, "restartPolicy"), "restartPolicy '" + m.restartPolicy()
                        + "' is not allowed.", "Use one of never, on-failure, on-unhealthy, always (usually 'always')."));
            }
        }
    }
}
