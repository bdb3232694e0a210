package io.nestedge.commissioning.virtualplant.runtime;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.Properties;

/**
 * Per-device emulator settings, kept under the device root in
 * {@value #PATH} so separate process invocations agree. Missing keys take defaults.
 *
 * @param runtimeVersion emulated aziot-edge version; below 1.5 {@code config apply} does not refuse a
 *     hostname change while edge containers exist (older runtimes, field case F12); below 1.0.8
 *     {@code iotedge check} has no {@code --output json}
 * @param identityVersion emulated aziot-identity-service version
 * @param dockerVersion emulated container engine version
 * @param bindAddress address the emulated edgeHub listens on ({@code 0.0.0.0} in the test bed)
 * @param mqttPort edgeHub MQTT port (8883; 0 = ephemeral, then kept across restarts)
 * @param amqpPort edgeHub AMQP port (5671; 0 = ephemeral)
 * @param httpsPort API proxy / HTTPS port (443; 0 = ephemeral)
 */
public record EmulatorSettings(String runtimeVersion, String identityVersion, String dockerVersion,
        String bindAddress, int mqttPort, int amqpPort, int httpsPort) {

    /** Device path of the settings file. */
    public static final String PATH = "/etc/nestedge-emulator/emulator.properties";

    /** Defaults: runtime 1.5.6, real ports 8883/5671/443 on all addresses. */
    public static EmulatorSettings defaults() {
        return new EmulatorSettings("1.5.6", "1.5.6", "24.0.9", "0.0.0.0", 8883, 5671, 443);
    }

    /** Settings for a virtual device: loopback, ephemeral ports. */
    public static EmulatorSettings virtualDevice() {
        return new EmulatorSettings("1.5.6", "1.5.6", "24.0.9", "127.0.0.1", 0, 0, 0);
    }

    /** True when the emulated runtime refuses a hostname change while edge containers exist (1.5+). */
    public boolean guardsHostnameChange() {
        String[] p = runtimeVersion.split("\\.");
        try {
            int major = Integer.parseInt(p[0]);
            int minor = p.length > 1 ? Integer.parseInt(p[1]) : 0;
            return major > 1 || (major == 1 && minor >= 5);
        } catch (NumberFormatException e) {
            return true;
        }
    }

    /**
     * True when the emulated {@code iotedge check} has {@code --output json}: added in 1.0.8, so a
     * 1.0.7 runtime refuses the option as its command-line parser does (facts §6).
     */
    public boolean checkHasJsonOutput() {
        String[] p = runtimeVersion.split("\\.");
        try {
            int[] v = new int[3];
            for (int i = 0; i < Math.min(3, p.length); i++) {
                v[i] = Integer.parseInt(p[i].replaceAll("[^0-9].*$", ""));
            }
            return v[0] > 1 || v[0] == 1 && (v[1] > 0 || v[2] >= 8);
        } catch (NumberFormatException e) {
            return true;
        }
    }

    /** Returns a copy with another runtime version. */
    public EmulatorSettings withRuntimeVersion(String v) {
        return new EmulatorSettings(v, identityVersion, dockerVersion, bindAddress, mqttPort, amqpPort, httpsPort);
    }

    /** Reads the settings of a device (defaults when the file is missing). */
    public static EmulatorSettings load(DeviceFs fs) throws IOException {
        EmulatorSettings d = defaults();
        if (!fs.exists(PATH)) {
            return d;
        }
        Properties p = new Properties();
        p.load(new StringReader(fs.read(PATH)));
        return new EmulatorSettings(p.getProperty("runtime.version", d.runtimeVersion),
                p.getProperty("identity.version", d.identityVersion), p.getProperty("docker.version", d.dockerVersion),
                p.getProperty("edgehub.bind", d.bindAddress), intProp(p, "edgehub.port.mqtt", d.mqttPort),
                intProp(p, "edgehub.port.amqp", d.amqpPort), intProp(p, "edgehub.port.https", d.httpsPort));
    }

    private static int intProp(Properties p, String key, int def) throws IOException {
        String v = p.getProperty(key);
        if (v == null) {
            return def;
        }
        try {
            return Integer.parseInt(v.trim());
        } catch (NumberFormatException e) {
            throw new IOException(PATH + ": " + key + " must be a port number, got '" + v + "'");
        }
    }

    /** Writes the settings file (0644 root). */
    public void save(DeviceFs fs) throws IOException {
        Properties p = new Properties();
        p.setProperty("runtime.version", runtimeVersion);
        p.setProperty("identity.version", identityVersion);
        p.setProperty("docker.version", dockerVersion);
        p.setProperty("edgehub.bind", bindAddress);
        p.setProperty("edgehub.port.mqtt", Integer.toString(mqttPort));
        p.setProperty("edgehub.port.amqp", Integer.toString(amqpPort));
        p.setProperty("edgehub.port.https", Integer.toString(httpsPort));
        StringWriter w = new StringWriter();
        p.store(w, "NestEdge IoT Edge emulator settings");
        fs.writeAtomic(PATH, w.toString(), "644", "root");
    }
}
