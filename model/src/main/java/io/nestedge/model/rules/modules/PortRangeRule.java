package io.nestedge.model.rules.modules;

import io.nestedge.model.Device;
import io.nestedge.model.EdgeModule;
import io.nestedge.model.Plant;
import io.nestedge.model.PortBinding;
import io.nestedge.model.rules.DeviceParts;
import io.nestedge.model.rules.DeviceRule;
import io.nestedge.model.rules.Finding;
import io.nestedge.model.rules.Severity;
import java.util.List;

/** NE-PORT-RANGE: host and container ports are 1–65535 and the protocol is tcp, udp or sctp (Docker; facts §5). */
public final class PortRangeRule extends DeviceRule {
    /** Creates the rule. */
    public PortRangeRule() {
        super("NE-PORT-RANGE", Severity.ERROR, "facts §5", "Port bindings use ports 1-65535 and protocol tcp, udp or sctp.");
    }

    @Override
    public void check(Device d, Plant plant, List<Finding> out) {
        for (DeviceParts.Binding b : DeviceParts.bindings(d)) {
            int h = b.port().hostPort();
            int c = b.port().containerPort();
            String proto = b.port().protocol().toLowerCase(java.util.Locale.ROOT);
            if (h < 1 || h > 65535 || c < 1 || c > 65535 || !PortBinding.PROTOCOLS.contains(proto)) {
                out.add(finding(d, b.field(), b.owner() + " has the port binding " + h + ":" + c + "/" + b.port().protocol()
                        + ", which Docker refuses.", "Use ports between 1 and 65535 and protocol tcp or udp."));
            }
        }
    }
}
