package io.nestedge.model.samples;

import io.nestedge.model.ApiProxySettings;
import io.nestedge.model.ContainerEngineSettings;
import io.nestedge.model.Device;
import io.nestedge.model.DeviceKind;
import io.nestedge.model.EdgeModule;
import io.nestedge.model.EdgeRuntime;
import io.nestedge.model.HubSettings;
import io.nestedge.model.Layer;
import io.nestedge.model.ModuleType;
import io.nestedge.model.OsFamily;
import io.nestedge.model.PkiSettings;
import io.nestedge.model.Plant;
import io.nestedge.model.PortBinding;
import io.nestedge.model.Position;
import io.nestedge.model.Provisioning;
import io.nestedge.model.Reachability;
import io.nestedge.model.RegistrySettings;
import io.nestedge.model.Route;
import io.nestedge.model.SshEndpoint;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The sample plant (the seed document's hierarchy) and a generator of large valid plants for
 * benchmarks. Both produce plants that pass validation.
 */
public final class SamplePlants {
    /** Runtime version used by the samples. */
    public static final String RUNTIME_VERSION = "1.5";
    /** API proxy image tag used by the samples. */
    public static final String PROXY_VERSION = "1.1";
    /**
     * The sample's container-engine settings: the plant's own DNS server, which serves its
     * {@code contoso-plant.local} names (a public resolver cannot, and the lower layers have no way out),
     * on the L3 site-operations network; the production checklist's log policy ({@code local} driver,
     * 10 MB per file, 3 files).
     */
    public static final ContainerEngineSettings SAMPLE_CONTAINER_ENGINE = new ContainerEngineSettings(List.of("10.0.3.53"),
            ContainerEngineSettings.LogDriver.LOCAL, "10m", 3);

    private SamplePlants() {
    }

    /**
     * The seed's hierarchy: a top-layer gateway (L4) with API proxy and registry, a lower-layer
     * gateway (L3) with API proxy, a bottom IoT Edge device (L2), and a leaf device below it.
     */
    public static Plant sample() {
        String domain = "contoso-plant.local";
        ApiProxySettings proxy = new ApiProxySettings("IoTEdgeAPIProxy", 443);
        Device top = topGateway("site-gw", "site-gw." + domain, "L4", proxy, new Position(400, 40));
        Device mid = lowerDevice("ops-gw", "ops-gw." + domain, "L3", "site-gw", proxy, true, new Position(400, 240));
        Device bottom = lowerDevice("line1-edge", "line1-edge." + domain, "L2", "ops-gw", proxy, false,
                new Position(300, 440))
                .withModules(List.of(new EdgeModule("SimulatedTemperatureSensor", ModuleType.CUSTOM,
                        "$upstream:443/azureiotedge-simulated-temperature-sensor:1.5", Map.of(), "", List.of(),
                        "running", "always")));
        Device leaf = Device.builder("press-sensor-01", DeviceKind.LEAF)
                .displayName("Press sensor 01").hostname("press-sensor-01." + domain).layerId("L2")
                .parentId("line1-edge").ssh(new SshEndpoint("press-sensor-01." + domain, 22, "iotadmin", Reachability.VIA_PARENT))
                .provisioning(Provisioning.manualX509()).position(new Position(560, 440)).build();
        return new Plant("Contoso bottling plant", Layer.defaults(), List.of(top, mid, bottom, leaf),
                new HubSettings("contoso-hub.azure-devices.net"), new RegistrySettings("mcr.microsoft.com", ""), proxy,
                PkiSettings.defaults(), null, SAMPLE_CONTAINER_ENGINE);
    }

    /** A top-layer gateway with API proxy (443) and a registry module in proxy mode. */
    public static Device topGateway(String id, String hostname, String layerId, ApiProxySettings proxy, Position pos) {
        EdgeModule apiProxy = new EdgeModule(proxy.moduleName(), ModuleType.API_PROXY,
                "mcr.microsoft.com/azureiotedge-api-proxy:" + PROXY_VERSION,
                Map.of("NGINX_DEFAULT_PORT", String.valueOf(proxy.port()), "DOCKER_REQUEST_ROUTE_ADDRESS", "registry:5000"),
                "", List.of(PortBinding.tcp(proxy.port())), "running", "always");
        EdgeModule registry = new EdgeModule("registry", ModuleType.REGISTRY, "registry:2",
                Map.of("REGISTRY_PROXY_REMOTEURL", "https://mcr.microsoft.com"), "",
                List.of(PortBinding.tcp(5000)), "running", "always");
        return Device.builder(id, DeviceKind.IOT_EDGE).hostname(hostname).layerId(layerId)
                .ssh(new SshEndpoint(hostname, 22, "iotadmin", Reachability.DIRECT)).os(OsFamily.DEBIAN)
                .provisioning(Provisioning.manualSas())
                .runtime(EdgeRuntime.of("mcr.microsoft.com", RUNTIME_VERSION))
                .modules(List.of(apiProxy, registry))
                .routes(List.of(new Route("upstream", "FROM /messages/* INTO $upstream")))
                .position(pos).build();
    }

    /**
     * A lower-layer IoT Edge device pulling everything through its parent ({@code $upstream:<port>}),
     * with an API proxy when {@code withProxy}.
     */
    public static Device lowerDevice(String id, String hostname, String layerId, String parentId,
            ApiProxySettings proxy, boolean withProxy, Position pos) {
        String up = "$upstream:" + proxy.port();
        List<EdgeModule> modules = new ArrayList<>();
        if (withProxy) {
            modules.add(new EdgeModule(proxy.moduleName(), ModuleType.API_PROXY,
                    up + "/azureiotedge-api-proxy:" + PROXY_VERSION,
                    Map.of("NGINX_DEFAULT_PORT", String.valueOf(proxy.port())), "",
                    List.of(PortBinding.tcp(proxy.port())), "running", "always"));
        }
        return Device.builder(id, DeviceKind.IOT_EDGE).hostname(hostname).layerId(layerId).parentId(parentId)
                .ssh(new SshEndpoint(hostname, 22, "iotadmin", Reachability.VIA_PARENT)).os(OsFamily.DEBIAN)
                .provisioning(Provisioning.manualSas())
                .runtime(EdgeRuntime.of(up, RUNTIME_VERSION))
                .modules(modules)
                .routes(List.of(new Route("upstream", "FROM /messages/* INTO $upstream")))
                .position(pos).build();
    }

    /**
     * Generates a valid plant of about {@code edgeDevices} IoT Edge devices and {@code leaves} leaf
     * devices: one top-layer gateway per 250 edge devices on L4, gateways on L3 (each with up to 20
     * edge children), edge devices on L2, and leaves spread over the L2 devices (at most 99 per parent).
     *
     * @param edgeDevices number of IoT Edge devices, at least 1
     * @param leaves number of leaf devices, at least 0
     * @return the plant (deterministic for the same arguments)
     */
    public static Plant generate(int edgeDevices, int leaves) {
        ApiProxySettings proxy = new ApiProxySettings("IoTEdgeAPIProxy", 443);
        String domain = "gen.plant.local";
        List<Device> out = new ArrayList<>();
        int tops = Math.max(1, (edgeDevices + 249) / 250);
        int remaining = Math.max(0, edgeDevices - tops);
        int mids = Math.min(remaining, Math.max(tops, (remaining + 20) / 21));
        int bottoms = remaining - mids;
        List<String> midIds = new ArrayList<>();
        List<String> edgeWithLeafCapacity = new ArrayList<>();
        for (int t = 0; t < tops; t++) {
            String id = "top-" + t;
            out.add(topGateway(id, id + "." + domain, "L4", proxy, new Position(t * 220.0, 40)));
        }
        for (int m = 0; m < mids; m++) {
            String id = "mid-" + m;
            String parent = "top-" + (m % tops);
            midIds.add(id);
            out.add(lowerDevice(id, id + "." + domain, "L3", parent, proxy, bottoms > 0, new Position(m * 220.0, 240)));
        }
        for (int b = 0; b < bottoms; b++) {
            String id = "edge-" + b;
            String parent = midIds.get(b % midIds.size());
            edgeWithLeafCapacity.add(id);
            out.add(lowerDevice(id, id + "." + domain, "L2", parent, proxy, false, new Position(b * 220.0, 440)));
        }
        if (edgeWithLeafCapacity.isEmpty()) {
            edgeWithLeafCapacity.addAll(midIds.isEmpty() ? List.of("top-0") : midIds);
        }
        for (int l = 0; l < leaves; l++) {
            String id = "leaf-" + l;
            String parent = edgeWithLeafCapacity.get(l % edgeWithLeafCapacity.size());
            out.add(Device.builder(id, DeviceKind.LEAF).hostname(id + "." + domain).layerId("L2").parentId(parent)
                    .ssh(new SshEndpoint(id + "." + domain, 22, "iotadmin", Reachability.VIA_PARENT))
                    .position(new Position(l * 120.0, 640)).build());
        }
        return new Plant("Generated plant " + edgeDevices + "+" + leaves, Layer.defaults(), out,
                new HubSettings("gen-hub.azure-devices.net"), new RegistrySettings("mcr.microsoft.com", ""), proxy,
                PkiSettings.defaults(), null, SAMPLE_CONTAINER_ENGINE);
    }
}
