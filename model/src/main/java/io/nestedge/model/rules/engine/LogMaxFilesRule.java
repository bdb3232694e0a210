package io.nestedge.model.rules.engine;

import io.nestedge.model.ContainerEngineSettings;
import io.nestedge.model.Plant;
import io.nestedge.model.rules.Finding;
import io.nestedge.model.rules.Severity;
import io.nestedge.model.rules.SettingsRule;
import java.util.List;

/**
 * NE-ENGINE-LOG-FILES: when the container engine's log policy is managed, at least one log file is
 * kept per container. It becomes {@code "log-opts": {"max-file": …}} in {@code /etc/docker/daemon.json},
 * which the device's {@code container-engine-logrotate} check requires (facts §6; Microsoft's IoT
 * Edge production checklist: {@code 3}).
 */
public final class LogMaxFilesRule extends SettingsRule {
    /** Creates the rule. */
    public LogMaxFilesRule() {
        super("NE-ENGINE-LOG-FILES", Severity.ERROR, "facts §6",
                "With a log size set, the container engine keeps at least 1 log file per container.");
    }

    @Override
    public void check(Plant plant, List<Finding> out) {
        ContainerEngineSettings c = plant.containerEngine();
        if (c.managesLogs() && c.logMaxFiles() < 1 || c.logMaxFiles() < 0) {
            out.add(plantFinding("containerEngine.logMaxFiles", "Log file count " + c.logMaxFiles()
                    + " keeps no log file; the device's container-engine-logrotate check needs max-file.",
                    "Keep at least 1 file per container; the production checklist uses 3."));
        }
    }
}
