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
 * NE-ROUTE-SYNTAX: an edgeHub route is {@code FROM <source> [WHERE <condition>] INTO <sink>} and has a
 * unique, non-empty name (the key in the routes object; facts §5).
 */
public final class RouteSyntaxRule extends DeviceRule {
    private static final java.util.regex.Pattern ROUTE = java.util.regex.Pattern.compile(
            "^\\s*(SELECT\\s+\\*\\s+)?FROM\\s+\\S+(\\s+WHERE\\s+.+)?\\s+INTO\\s+\\S.*$",
            java.util.regex.Pattern.CASE_INSENSITIVE | java.util.regex.Pattern.DOTALL);

    /** Creates the rule. */
    public RouteSyntaxRule() {
        super("NE-ROUTE-SYNTAX", Severity.ERROR, "facts §5", "Routes read 'FROM <source> [WHERE <cond>] INTO <sink>' and have unique names.");
    }

    @Override
    public void check(Device d, Plant plant, List<Finding> out) {
        java.util.Set<String> names = new java.util.HashSet<>();
        for (int i = 0; i < d.routes().size(); i++) {
            io.nestedge.model.Route r = d.routes().get(i);
            String field = "routes[" + (r.name().isEmpty() ? String.valueOf(i) : r.name()) + "]";
            if (r.name().isBlank()) {
                out.add(finding(d, field, "Route " + (i + 1) + " has no name.", "Give the route a name, e.g. 'upstream'."));
            } else if (!names.add(r.name())) {
                out.add(finding(d, field, "Two routes are named '" + r.name() + "'; one would replace the other.",
                        "Give each route its own name."));
            }
            if (!ROUTE.matcher(r.statement()).matches()) {
                out.add(finding(d, field, "Route '" + r.statement() + "' is not 'FROM <source> [WHERE <condition>] INTO <sink>'.",
                        "Write it like 'FROM /messages/* INTO $upstream'."));
            }
        }
    }
}
