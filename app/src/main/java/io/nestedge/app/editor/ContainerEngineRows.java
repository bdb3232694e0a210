package io.nestedge.app.editor;

import io.nestedge.model.ContainerEngineSettings;
import io.nestedge.model.ContainerEngineSettings.LogDriver;
import io.nestedge.model.Plant;
import io.nestedge.model.rules.Hostnames;
import io.nestedge.model.rules.engine.LogMaxSizeRule;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The inspector's "Container engine" section of the plant sheet (pure): the DNS servers and log
 * policy written into every IoT Edge device's {@code /etc/docker/daemon.json} (facts §6,
 * {@code container-engine-dns} and {@code container-engine-logrotate}). Each commit is one undoable
 * plant command; an empty DNS list or log size means "not managed".
 */
public final class ContainerEngineRows {
    /** Section name. */
    public static final String CATEGORY = "Container engine";
    /** The production checklist's number of log files, used when a log size is first set. */
    public static final int DEFAULT_LOG_FILES = 3;

    private ContainerEngineRows() {
    }

    /**
     * The rows.
     *
     * @param plant the plant
     * @return DNS servers, log driver, log max size, log max files
     */
    public static List<InspectorField> of(Plant plant) {
        ContainerEngineSettings c = plant.containerEngine();
        List<String> drivers = Arrays.stream(LogDriver.values()).map(LogDriver::daemonName).toList();
        return List.of(
                new InspectorField(CATEGORY, "DNS servers", "IP addresses of the DNS servers the containers use, separated by "
                        + "commas (daemon.json \"dns\"); the plant's own resolver, reachable from every layer. Empty: not managed",
                        InspectorField.Kind.TEXT, String.join(", ", c.dns()), List.of(), ContainerEngineRows::dnsProblem, false,
                        t -> Commands.editPlant("container DNS servers",
                                p -> p.withContainerEngine(p.containerEngine().withDns(parseDns(t))))),
                new InspectorField(CATEGORY, "Log driver", "Logging driver of the containers (daemon.json \"log-driver\"); "
                        + "local is the production checklist's choice", InspectorField.Kind.CHOICE, c.logDriver().daemonName(),
                        drivers, t -> drivers.contains(t) ? Optional.empty() : Optional.of("Choose one of " + drivers + "."), true,
                        t -> Commands.editPlant("container log driver", p -> p.withContainerEngine(
                                p.containerEngine().withLogDriver(driver(t))))),
                new InspectorField(CATEGORY, "Log max size", "Largest log file before rotation, e.g. 10m (daemon.json log-opts "
                        + "max-size); empty: the log policy is not managed", InspectorField.Kind.TEXT, c.logMaxSize(), List.of(),
                        ContainerEngineRows::sizeProblem, false, t -> Commands.editPlant("container log size",
                                p -> p.withContainerEngine(withSize(p.containerEngine(), t.trim())))),
                new InspectorField(CATEGORY, "Log max files", "Log files kept per container (daemon.json log-opts max-file), "
                        + "at least 1 when a size is set", InspectorField.Kind.INTEGER, String.valueOf(c.logMaxFiles()), List.of(),
                        t -> FieldChecks.integer(t, 0, 100), true, t -> Commands.editPlant("container log files",
                                p -> p.withContainerEngine(p.containerEngine().withLogMaxFiles(Integer.parseInt(t.trim()))))));
    }

    /** DNS servers from typed text: separated by commas and/or spaces, empty entries dropped. */
    public static List<String> parseDns(String text) {
        return Arrays.stream(text == null ? new String[0] : text.trim().split("[,\\s]+")).filter(s -> !s.isEmpty()).toList();
    }

    /** The first typed DNS server that is not an IP address (NE-ENGINE-DNS), if any. */
    static Optional<String> dnsProblem(String text) {
        return parseDns(text).stream().filter(s -> !Hostnames.isValidIp(s)).findFirst()
                .map(s -> "'" + s + "' is not an IP address: the container engine takes only IP addresses.");
    }

    /** A typed log size the container engine does not take (NE-ENGINE-LOG-SIZE), if so. */
    static Optional<String> sizeProblem(String text) {
        String t = text == null ? "" : text.trim();
        return t.isEmpty() || LogMaxSizeRule.SIZE.matcher(t).matches() ? Optional.empty()
                : Optional.of("Write a whole number with k, m or g, e.g. 10m.");
    }

    /**
     * Sets the log size in one step with what it needs: the first size brings the checklist's 3 files
     * when none are set; clearing it clears the file count too (the log policy is then not managed).
     */
    static ContainerEngineSettings withSize(ContainerEngineSettings c, String size) {
        if (size.isEmpty()) {
            return c.withLogMaxSize("").withLogMaxFiles(0);
        }
        return c.withLogMaxSize(size).withLogMaxFiles(c.logMaxFiles() == 0 ? DEFAULT_LOG_FILES : c.logMaxFiles());
    }

    private static LogDriver driver(String daemonName) {
        return Arrays.stream(LogDriver.values()).filter(d -> d.daemonName().equals(daemonName)).findFirst().orElse(LogDriver.LOCAL);
    }
}
