package io.nestedge.model.rules.engine;

import io.nestedge.model.ContainerEngineSettings;
import io.nestedge.model.Plant;
import io.nestedge.model.rules.Finding;
import io.nestedge.model.rules.Severity;
import io.nestedge.model.rules.SettingsRule;
import java.util.List;
import java.util.regex.Pattern;

/**
 * NE-ENGINE-LOG-SIZE: the largest log file size of the container-engine settings is a whole number
 * with a unit {@code k}, {@code m} or {@code g} (e.g. {@code 10m}), and a log file count is not given
 * without it. It becomes {@code "log-opts": {"max-size": …}} in {@code /etc/docker/daemon.json}; the
 * device's {@code container-engine-logrotate} check needs both {@code max-size} and {@code max-file}
 * (facts §6; Microsoft's IoT Edge production checklist: {@code 10m}).
 */
public final class LogMaxSizeRule extends SettingsRule {
    /** A size as dockerd's log options take it: digits, then k, m or g. */
    public static final Pattern SIZE = Pattern.compile("[1-9][0-9]{0,8}[kKmMgG]");

    /** Creates the rule. */
    public LogMaxSizeRule() {
        super("NE-ENGINE-LOG-SIZE", Severity.ERROR, "facts §6",
                "The container engine's largest log file size is a number with k, m or g (e.g. 10m).");
    }

    @Override
    public void check(Plant plant, List<Finding> out) {
        ContainerEngineSettings c = plant.containerEngine();
        if (c.managesLogs() && !SIZE.matcher(c.logMaxSize()).matches()) {
            out.add(plantFinding("containerEngine.logMaxSize", "Log size '" + c.logMaxSize()
                    + "' is not a size the container engine takes.",
                    "Write a whole number followed by k, m or g, e.g. 10m (the production checklist's value) or 1g."));
        } else if (!c.managesLogs() && c.logMaxFiles() != 0) {
            out.add(plantFinding("containerEngine.logMaxSize", "A log file count (" + c.logMaxFiles()
                    + ") is set without a largest log file size: the log policy is not applied, and the device's "
                    + "container-engine-logrotate check needs both.",
                    "Set the largest log file size (e.g. 10m), or clear the file count."));
        }
    }
}
