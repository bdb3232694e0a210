package io.nestedge.model.rules.engine;

import io.nestedge.model.ContainerEngineSettings;
import io.nestedge.model.Plant;
import io.nestedge.model.rules.Finding;
import io.nestedge.model.rules.Severity;
import io.nestedge.model.rules.SettingsRule;
import java.util.List;

/**
 * NE-ENGINE-UNSET (advice): the plant manages the container engine's DNS servers and log rotation.
 * Without them every IoT Edge device's {@code iotedge check} warns ({@code container-engine-dns},
 * {@code container-engine-logrotate}, facts §6), so commissioning ends "with warnings", and a device
 * whose module logs are never rotated fills its disk (Microsoft's IoT Edge production checklist).
 */
public final class EngineSettingsUnsetRule extends SettingsRule {
    /** Creates the rule. */
    public EngineSettingsUnsetRule() {
        super("NE-ENGINE-UNSET", Severity.INFO, "facts §6",
                "The plant sets the container engine's DNS servers and log rotation (else iotedge check warns).");
    }

    @Override
    public void check(Plant plant, List<Finding> out) {
        ContainerEngineSettings c = plant.containerEngine();
        if (!c.managesDns()) {
            out.add(plantFinding("containerEngine.dns", "The plant does not set the container engine's DNS servers: "
                    + "every IoT Edge device's iotedge check will warn (container-engine-dns).",
                    "In the plant settings, enter the IP address of the plant's DNS server under Container engine › DNS servers."));
        }
        if (!c.managesLogs()) {
            out.add(plantFinding("containerEngine.logMaxSize", "The plant does not set a log rotation policy for the "
                    + "container engine: module logs can fill the disk and iotedge check will warn (container-engine-logrotate).",
                    "In the plant settings, set Container engine › Log max size (e.g. 10m) and Log max files (e.g. 3)."));
        }
    }
}
