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
 * NE-PROXY-ROUTE-ADDRESS: {@code DOCKER_REQUEST_ROUTE_ADDRESS} of the API proxy names a module of the
 * same deployment and a port it listens on, e.g. {@code registry:5000}; a top-layer proxy serving IoT
 * Edge children needs it, or image pulls from below have nowhere to go (facts §5).
 */
public final class RouteAddressRule extends DeviceRule {
    /** API proxy env var: where image (Docker) requests go. */
    public static final String ENV = "DOCKER_REQUEST_ROUTE_ADDRESS";

    /** Creates the rule. */
    public RouteAddressRule() {
        super("NE-PROXY-ROUTE-ADDRESS", Severity.ERROR, "facts §5",
                "DOCKER_REQUEST_ROUTE_ADDRESS names a module of the device and a port it listens on (needed on the top layer).");
    }

    @Override
    public void check(Device d, Plant plant, List<Finding> out) {
        for (EdgeModule proxy : d.modules()) {
            if (proxy.type() != ModuleType.API_PROXY) {
                continue;
            }
            String field = DeviceParts.moduleField(proxy, "env." + ENV);
            String v = proxy.env().get(ENV);
            String example = d.modules(ModuleType.REGISTRY).stream().findFirst().map(r -> r.name() + ":5000").orElse("registry:5000");
            if (v == null || v.isBlank()) {
                if (!d.hasParent() && plant.hasEdgeChildren(d.id())) {
                    out.add(finding(d, field, "Top-layer API proxy has no DOCKER_REQUEST_ROUTE_ADDRESS: image pulls from "
                            + "the children have no registry to go to.", "Set " + ENV + "=" + example
                            + " (the registry module and the port it listens on)."));
                }
                continue;
            }
            String problem = problem(d, v.trim());
            if (problem != null) {
                out.add(finding(d, field, ENV + " is '" + v + "': " + problem + ".",
                        "Use '<module>:<port>' of a module of this device, e.g. " + ENV + "=" + example + "."));
            }
        }
    }

    private static String problem(Device d, String v) {
        int colon = v.lastIndexOf(':');
        if (colon <= 0 || colon == v.length() - 1 || !v.substring(colon + 1).chars().allMatch(Character::isDigit)
                || v.substring(colon + 1).length() > 5) {
            return "expected '<module>:<port>'";
        }
        String name = v.substring(0, colon);
        int port = Integer.parseInt(v.substring(colon + 1));
        EdgeModule target = d.module(name).orElse(null);
        if (target == null) {
            return "this device has no module named '" + name + "'";
        }
        List<Integer> listens = new java.util.ArrayList<>(target.ports().stream().map(p -> p.containerPort()).toList());
        if (target.type() == ModuleType.REGISTRY) {
            listens.add(5000);
        } else if (target.type() == ModuleType.BLOB_STORAGE) {
            listens.add(11002);
        }
        if (!listens.isEmpty() && !listens.contains(port)) {
            return "module '" + name + "' listens on " + listens.stream().distinct().toList() + ", not on " + port;
        }
        return null;
    }
}
