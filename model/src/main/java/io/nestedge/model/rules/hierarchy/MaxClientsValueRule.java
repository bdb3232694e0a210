package io.nestedge.model.rules.hierarchy;

import io.nestedge.model.Device;
import io.nestedge.model.Plant;
import io.nestedge.model.rules.DeviceRule;
import io.nestedge.model.rules.Finding;
import io.nestedge.model.rules.Severity;
import java.util.List;

/** NE-HUB-MAX-CLIENTS: edgeHub's {@code MaxConnectedClients}, when set, must be a positive integer (facts §1). */
public final class MaxClientsValueRule extends DeviceRule {
    /** Creates the rule. */
    public MaxClientsValueRule() {
        super("NE-HUB-MAX-CLIENTS", Severity.ERROR, "facts §1", "edgeHub's MaxConnectedClients must be a positive integer.");
    }

    @Override
    public void check(Device d, Plant plant, List<Finding> out) {
        if (d.runtime() != null && d.runtime().edgeHubEnv().containsKey(ChildrenLimitRule.MAX_CLIENTS)
                && ChildrenLimitRule.maxClients(d).isEmpty()) {
            out.add(finding(d, "runtime.edgeHubEnv." + ChildrenLimitRule.MAX_CLIENTS, "MaxConnectedClients is '"
                    + d.runtime().edgeHubEnv().get(ChildrenLimitRule.MAX_CLIENTS) + "', not a positive whole number.",
                    "Set it to the number of children plus one (edgeHub counts itself), e.g. "
                            + (plant.children(d.id()).size() + 1) + ", or remove it to use the default (101)."));
        }
    }
}
