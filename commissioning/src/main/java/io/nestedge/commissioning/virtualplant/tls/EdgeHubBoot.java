package io.nestedge.commissioning.virtualplant.tls;

import io.nestedge.commissioning.virtualplant.runtime.ContainerState;
import io.nestedge.commissioning.virtualplant.runtime.EdgeConfig;
import io.nestedge.commissioning.virtualplant.runtime.EmulatorContext;
import io.nestedge.commissioning.virtualplant.runtime.EmulatorSettings;
import io.nestedge.commissioning.virtualplant.runtime.RuntimeEmulator;
import io.nestedge.commissioning.virtualplant.runtime.RuntimeState;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Starts edgeHub's listeners for a device: TLS identity from {@link EdgeHubTls}, ports from settings/state. */
public final class EdgeHubBoot {
    private EdgeHubBoot() {
    }

    /** A started server, or why it could not start. */
    public record Started(EdgeHubServer server, EdgeHubHost.Failed failure) {
    }

    /**
     * @param ctx the device
     * @return the running server, or a failure with edgeHub-style log lines
     */
    public static Started start(EmulatorContext ctx) {
        try {
            EdgeConfig config = new RuntimeEmulator(ctx).appliedConfig();
            RuntimeState state = ctx.state().load();
            ContainerState hub = state.container("edgeHub");
            if (config == null || hub == null) {
                return failed("edgeHub: no applied configuration or no edgeHub container");
            }
            String hostname = hub.envValue("EdgeDeviceHostName");
            EdgeHubTls.Identity id = EdgeHubTls.prepare(ctx, config, hostname);
            EmulatorSettings st = ctx.settings();
            Map<String, Integer> ports = new LinkedHashMap<>();
            ports.put("mqtt", pick(state, "mqtt", st.mqttPort()));
            ports.put("amqp", pick(state, "amqp", st.amqpPort()));
            ports.put("https", pick(state, "https", st.httpsPort()));
            boolean ephemeral = st.mqttPort() == 0 || st.amqpPort() == 0 || st.httpsPort() == 0;
            return new Started(EdgeHubServer.start(id, st.bindAddress(), ports, ephemeral), null);
        } catch (EdgeHubTls.StartFailure e) {
            return failed(e.getMessage());
        } catch (IOException | RuntimeException e) {
            return failed("edgeHub: " + e.getMessage());
        }
    }

    private static int pick(RuntimeState s, String proto, int configured) {
        Integer kept = s.edgeHubPorts().get(proto);
        return configured == 0 && kept != null ? kept : configured;
    }

    private static Started failed(String message) {
        return new Started(null, new EdgeHubHost.Failed(1,
                List.of("[ERR] - " + message, "[ERR] - edgeHub could not obtain its server certificate; exiting")));
    }
}
