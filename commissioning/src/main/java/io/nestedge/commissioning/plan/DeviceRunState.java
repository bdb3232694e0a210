package io.nestedge.commissioning.plan;

import io.nestedge.commissioning.probe.DeviceEvidence;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the steps of one device share during a run: the evidence gathered for diagnosis and the
 * flags set on the device this run. One per device and run.
 */
public final class DeviceRunState {
    private final DeviceEvidence.Builder evidence;
    private final Set<String> flagsSeen = ConcurrentHashMap.newKeySet();
    private final io.nestedge.model.OsFamily os;
    private final String configHostname;

    /**
     * @param deviceId device ID
     * @param configHostname planned hostname
     * @param parentHostname parent hostname, or empty
     * @param parentProxyModule the parent's API proxy module name
     * @param parentRegistryModule the top layer's registry module name
     * @param os the planned OS family
     */
    public DeviceRunState(String deviceId, String configHostname, String parentHostname, String parentProxyModule,
            String parentRegistryModule, io.nestedge.model.OsFamily os) {
        this.os = os;
        this.configHostname = configHostname;
        evidence = DeviceEvidence.builder(deviceId).configHostname(configHostname).parentHostname(parentHostname)
                .parentApiProxyModule(parentProxyModule).parentRegistryModule(parentRegistryModule);
    }

    /** The planned OS family. */
    public io.nestedge.model.OsFamily os() {
        return os;
    }

    /** The planned hostname (config.toml {@code hostname}). */
    public String configHostname() {
        return configHostname;
    }

    /** The evidence builder (thread-confined to the device's worker). */
    public DeviceEvidence.Builder evidence() {
        return evidence;
    }

    /** Records that a flag was found set on the device this run. */
    public void sawFlag(String flag) {
        flagsSeen.add(flag);
        if (flag.equals(io.nestedge.model.steps.InstallSteps.EDGE_CA_CHANGED)) {
            evidence.certificatesChanged(true);
        }
    }

    /** True when the flag was set on the device during this run. */
    public boolean flagSeen(String flag) {
        return flagsSeen.contains(flag);
    }
}
