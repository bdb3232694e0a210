package io.nestedge.commissioning.virtualplant.runtime;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Creates the emulated edgeAgent and edgeHub containers the way the runtime does: aziot-edged
 * creates edgeAgent with the current config (hostname, parent), and edgeAgent creates edgeHub from
 * its own environment. So an edgeHub recreated by an old edgeAgent keeps the old hostname, and only
 * removing edgeAgent brings the new one (facts §6, field case F12).
 */
public final class Containers {
    /** PATH every emulated container has. */
    public static final String PATH_ENV = "PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";
    private static final SecureRandom RANDOM = new SecureRandom();

    private Containers() {
    }

    /** edgeAgent as aziot-edged creates it from the applied config. */
    public static ContainerState edgeAgent(EdgeConfig c, long now) {
        List<String> env = new ArrayList<>();
        env.add("EdgeDeviceHostName=" + c.hostname());
        if (c.nested()) {
            env.add("IOTEDGE_PARENTHOSTNAME=" + c.parentHostname());
        }
        env.add("IOTEDGE_IOTHUBHOSTNAME=" + c.iothubHostname());
        env.add("IOTEDGE_DEVICEID=" + c.deviceId());
        env.add("IOTEDGE_MODULEID=$edgeAgent");
        env.add("RuntimeLogLevel=info");
        env.add(PATH_ENV);
        return new ContainerState("edgeAgent", newId(), c.agentImage(), env, now, "running", now, 0, 0, List.of());
    }

    /** edgeHub as edgeAgent creates it: hostname and parent from the agent's own environment. */
    public static ContainerState edgeHub(ContainerState agent, long now) {
        List<String> env = new ArrayList<>();
        env.add("EdgeDeviceHostName=" + agent.envValue("EdgeDeviceHostName"));
        String parent = agent.envValue("IOTEDGE_PARENTHOSTNAME");
        if (parent != null) {
            env.add("IOTEDGE_GATEWAYHOSTNAME=" + parent);
        }
        env.add("IOTEDGE_IOTHUBHOSTNAME=" + nz(agent.envValue("IOTEDGE_IOTHUBHOSTNAME")));
        env.add("IOTEDGE_DEVICEID=" + nz(agent.envValue("IOTEDGE_DEVICEID")));
        env.add("IOTEDGE_MODULEID=$edgeHub");
        env.add("RuntimeLogLevel=info");
        env.add(PATH_ENV);
        String image = agent.image().replace("azureiotedge-agent", "azureiotedge-hub");
        return new ContainerState("edgeHub", newId(), image, env, now, "stopped", 0, 0, 0, List.of());
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    private static String newId() {
        byte[] b = new byte[32];
        RANDOM.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }
}
