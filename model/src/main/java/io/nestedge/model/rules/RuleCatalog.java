package io.nestedge.model.rules;

import io.nestedge.model.rules.engine.ContainerDnsRule;
import io.nestedge.model.rules.engine.EngineSettingsUnsetRule;
import io.nestedge.model.rules.engine.LogMaxFilesRule;
import io.nestedge.model.rules.engine.LogMaxSizeRule;
import io.nestedge.model.rules.hierarchy.ChildrenLimitRule;
import io.nestedge.model.rules.hierarchy.CycleRule;
import io.nestedge.model.rules.hierarchy.DeviceIdRule;
import io.nestedge.model.rules.hierarchy.LayerOrderRule;
import io.nestedge.model.rules.hierarchy.LayerUnknownRule;
import io.nestedge.model.rules.hierarchy.LeafNeedsParentRule;
import io.nestedge.model.rules.hierarchy.MaxClientsValueRule;
import io.nestedge.model.rules.hierarchy.ParentMissingRule;
import io.nestedge.model.rules.hierarchy.ParentNotEdgeRule;
import io.nestedge.model.rules.hierarchy.SameLayerRule;
import io.nestedge.model.rules.hostname.DuplicateHostnameRule;
import io.nestedge.model.rules.hostname.HostnameEmptyRule;
import io.nestedge.model.rules.hostname.HostnameIpRule;
import io.nestedge.model.rules.hostname.HostnameLengthRule;
import io.nestedge.model.rules.hostname.HostnameRfc1035Rule;
import io.nestedge.model.rules.hostname.HostnameStyleRule;
import io.nestedge.model.rules.hostname.HostnameSyntaxRule;
import io.nestedge.model.rules.hostname.SingleLabelParentRule;
import io.nestedge.model.rules.images.ImageEmptyRule;
import io.nestedge.model.rules.images.NestedRuntimeVersionRule;
import io.nestedge.model.rules.images.PullThroughParentRule;
import io.nestedge.model.rules.images.UpstreamOnTopLayerRule;
import io.nestedge.model.rules.images.UpstreamPortRule;
import io.nestedge.model.rules.images.UpstreamProxyPortRule;
import io.nestedge.model.rules.modules.ApiProxyNameRule;
import io.nestedge.model.rules.modules.ApiProxyPortRule;
import io.nestedge.model.rules.modules.ApiProxyRequiredRule;
import io.nestedge.model.rules.modules.CreateOptionsRule;
import io.nestedge.model.rules.modules.LeafModulesRule;
import io.nestedge.model.rules.modules.ModuleDuplicateRule;
import io.nestedge.model.rules.modules.ModuleNameRule;
import io.nestedge.model.rules.modules.ModuleStatusRule;
import io.nestedge.model.rules.modules.NginxPortRule;
import io.nestedge.model.rules.modules.Port443Rule;
import io.nestedge.model.rules.modules.PortConflictRule;
import io.nestedge.model.rules.modules.PortRangeRule;
import io.nestedge.model.rules.modules.RegistryRequiredRule;
import io.nestedge.model.rules.modules.RegistryUrlRule;
import io.nestedge.model.rules.modules.RestartPolicyRule;
import io.nestedge.model.rules.modules.RouteAddressRule;
import io.nestedge.model.rules.modules.RouteSyntaxRule;
import io.nestedge.model.rules.modules.RuntimeMissingRule;
import io.nestedge.model.rules.modules.UpstreamRouteRule;
import io.nestedge.model.rules.pki.ApiProxySettingsRule;
import io.nestedge.model.rules.pki.EdgeCaKeyTypeRule;
import io.nestedge.model.rules.pki.EdgeCaRootValidityRule;
import io.nestedge.model.rules.pki.EdgeCaTooShortRule;
import io.nestedge.model.rules.pki.EdgeCaValidityRule;
import io.nestedge.model.rules.pki.LayerDuplicateRule;
import io.nestedge.model.rules.pki.OfflineDaysRule;
import io.nestedge.model.rules.pki.StoreAndForwardRule;
import io.nestedge.model.rules.pki.TrustRootRule;
import io.nestedge.model.rules.provisioning.DpsNestedRule;
import io.nestedge.model.rules.provisioning.DpsScopeRule;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Every validation rule of NestEdge Studio, sorted by ID: the single list {@link Validator} runs and
 * that the docs and {@code nestedge rules} print. Rules are stateless and shared.
 */
public final class RuleCatalog {
    private static final List<Rule> RULES = Stream.<Rule>of(
            // hierarchy (facts §1)
            new ParentMissingRule(), new ParentNotEdgeRule(), new CycleRule(), new LeafNeedsParentRule(),
            new LayerOrderRule(), new SameLayerRule(), new LayerUnknownRule(), new ChildrenLimitRule(),
            new MaxClientsValueRule(), new DeviceIdRule(),
            // hostnames (facts §2)
            new HostnameEmptyRule(), new HostnameLengthRule(), new HostnameSyntaxRule(), new HostnameRfc1035Rule(),
            new HostnameIpRule(), new SingleLabelParentRule(), new DuplicateHostnameRule(), new HostnameStyleRule(),
            // provisioning (facts §1, §3)
            new DpsNestedRule(), new DpsScopeRule(),
            // images (facts §3, §5, §6)
            new ImageEmptyRule(), new UpstreamPortRule(), new UpstreamOnTopLayerRule(), new PullThroughParentRule(),
            new UpstreamProxyPortRule(), new NestedRuntimeVersionRule(),
            // modules, ports, routes (facts §1, §5)
            new ApiProxyRequiredRule(), new ApiProxyNameRule(), new ApiProxyPortRule(), new NginxPortRule(),
            new RouteAddressRule(), new RegistryRequiredRule(), new RegistryUrlRule(), new Port443Rule(),
            new PortConflictRule(), new PortRangeRule(), new UpstreamRouteRule(), new RouteSyntaxRule(),
            new ModuleNameRule(), new ModuleDuplicateRule(), new ModuleStatusRule(), new RestartPolicyRule(),
            new CreateOptionsRule(), new RuntimeMissingRule(), new LeafModulesRule(),
            // certificates, settings, layers (facts §1, §4, §5)
            new OfflineDaysRule(), new StoreAndForwardRule(), new EdgeCaValidityRule(), new EdgeCaTooShortRule(),
            new EdgeCaRootValidityRule(), new EdgeCaKeyTypeRule(), new TrustRootRule(), new LayerDuplicateRule(),
            new ApiProxySettingsRule(), new io.nestedge.model.rules.provisioning.HubHostnameRule(),
            // container engine (facts §6, production checklist)
            new ContainerDnsRule(), new LogMaxSizeRule(), new LogMaxFilesRule(), new EngineSettingsUnsetRule())
            .sorted(Comparator.comparing(Rule::id)).toList();

    static {
        if (RULES.stream().map(Rule::id).distinct().count() != RULES.size()) {
            throw new IllegalStateException("duplicate rule ID in the catalog");
        }
    }

    private RuleCatalog() {
    }

    /** Every rule, sorted by ID. */
    public static List<Rule> rules() {
        return RULES;
    }

    /** The rule with this ID, if any. */
    public static Optional<Rule> rule(String id) {
        return RULES.stream().filter(r -> r.id().equals(id)).findFirst();
    }

    /** One line per rule: {@code NE-HOST-LENGTH  ERROR    facts §2  An IoT Edge hostname …}. */
    public static List<String> lines() {
        int w = RULES.stream().mapToInt(r -> r.id().length()).max().orElse(10);
        return RULES.stream().map(r -> String.format("%-" + w + "s  %-7s  %-9s %s", r.id(), r.severity(), r.source(),
                r.description())).toList();
    }
}
