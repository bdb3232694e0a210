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
 * NE-ROUTE-UPSTREAM: a gateway forwards its children's messages only with a route {@code INTO $upstream},
 * e.g. {@code FROM /messages/* INTO $upstream} (facts §5). Warning: a plant may process downstream data
 * locally on purpose.
 */
public final class UpstreamRouteRule extends DeviceRule {
    private static final java.util.regex.Pattern INTO_UPSTREAM = java.util.regex.Pattern.compile(
            "\\bINTO\\s+\\$upstream(?![A-Za-z0-9_])", java.util.regex.Pattern.CASE_INSENSITIVE);

    /** Creates the rule. */
    public UpstreamRouteRule() {
        super("NE-ROUTE-UPSTREAM", Severity.WARNING, "facts §5", "A gateway has a route INTO $upstream to forward its children's messages.");
    }

    @Override
    public void check(Device d, Plant plant, List<Finding> out) {
        if (d.isEdge() && !plant.children(d.id()).isEmpty() && d.routes().stream().noneMatch(r -> INTO_UPSTREAM.matcher(r.statement()).find())) {
            out.add(finding(d, "routes", "Gateway has " + plant.children(d.id()).size() + " child device(s) but no route "
                    + "INTO $upstream: their messages stop here.", "Add the route 'FROM /messages/* INTO $upstream'."));
        }
    }
}
