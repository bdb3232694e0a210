package io.nestedge.model.rules.modules;

import io.nestedge.model.Device;
import io.nestedge.model.EdgeModule;
import io.nestedge.model.Plant;
import io.nestedge.model.rules.DeviceParts;
import io.nestedge.model.rules.DeviceRule;
import io.nestedge.model.rules.Finding;
import io.nestedge.model.rules.Severity;
import java.util.List;

/** NE-MODULE-STATUS: a module's desired status is {@code running} or {@code stopped} (deployment schema; facts §5). */
public final class ModuleStatusRule extends DeviceRule {
    /** Creates the rule. */
    public ModuleStatusRule() {
        super("NE-MODULE-STATUS", Severity.ERROR, "facts §5", "Module status is running or stopped.");
    }

    @Override
    public void check(Device d, Plant plant, List<Finding> out) {
        for (EdgeModule m : d.modules()) {
            if (!m.status().equals("running") && !m.status().equals("stopped")) {
                out.add(finding(d, DeviceParts.moduleField(m, "status"), "Status '" + m.status() + "' is not allowed.",
                        "Use 'running' or 'stopped'."));
            }
        }
    }
}
