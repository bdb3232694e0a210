package io.nestedge.model.rules.hierarchy;

import io.nestedge.model.Device;
import io.nestedge.model.Plant;
import io.nestedge.model.rules.DeviceRule;
import io.nestedge.model.rules.Finding;
import io.nestedge.model.rules.Severity;
import java.util.List;
import java.util.OptionalInt;

/**
 * NE-CHILDREN-LIMIT: edgeHub accepts {@code MaxConnectedClients} clients, itself included (default
 * 101, so 100 children). A parent with more children needs the env var raised (facts §1).
 */
public final class ChildrenLimitRule extends DeviceRule {
    /** edgeHub env var that limits connected clients. */
    public static final String MAX_CLIENTS = "MaxConnectedClients";
    /** Default {@code MaxConnectedClients}: 100 children plus edgeHub itself. */
    public static final int DEFAULT_MAX_CLIENTS = 101;

    /** Creates the rule. */
    public ChildrenLimitRule() {
        super("NE-CHILDREN-LIMIT", Severity.ERROR, "facts §1",
                "A parent has at most 100 children unless edgeHub's MaxConnectedClients is raised (edgeHub counts itself).");
    }

    /** The value of edgeHub's {@code MaxConnectedClients}, empty when unset or not a positive integer. */
    static OptionalInt maxClients(Device d) {
        String v = d.runtime() == null ? null : d.runtime().edgeHubEnv().get(MAX_CLIENTS);
        if (v == null) {
            return OptionalInt.of(DEFAULT_MAX_CLIENTS);
        }
        try {
            int n = Integer.parseInt(v.trim());
            return n > 0 ? OptionalInt.of(n) : OptionalInt.empty();
        } catch (NumberFormatException e) {
            return OptionalInt.empty();
        }
    }

    @Override
    public void check(Device d, Plant plant, List<Finding> out) {
        int children = plant.children(d.id()).size();
        if (!d.isEdge() || children == 0) {
            return;
        }
        OptionalInt max = maxClients(d);
        if (max.isEmpty()) {
            return; // NE-HUB-MAX-CLIENTS reports the unusable value
        }
        int limit = max.getAsInt() - 1;
        if (children > limit) {
            boolean set = d.runtime() != null && d.runtime().edgeHubEnv().containsKey(MAX_CLIENTS);
            out.add(finding(d, "children", children + " child devices, but edgeHub accepts only " + limit
                    + " (MaxConnectedClients " + max.getAsInt() + (set ? "" : " by default") + ", edgeHub counts itself).",
                    "Set edgeHub's environment variable MaxConnectedClients to at least " + (children + 1)
                            + ", or move some children to another gateway."));
        }
    }
}
