package io.nestedge.model;

import java.util.List;
import java.util.Objects;

/**
 * Plant-wide settings of the container engine (moby/Docker) on every IoT Edge device, written into
 * {@code /etc/docker/daemon.json} during commissioning. They answer two production-readiness checks of
 * {@code iotedge check} (facts §6): {@code container-engine-dns} wants a non-empty {@code "dns"} list,
 * {@code container-engine-logrotate} wants a {@code "log-driver"} and {@code "log-opts"} with
 * {@code "max-size"} and {@code "max-file"} (Microsoft's IoT Edge production checklist: log driver
 * {@code local}, or {@code json-file} with e.g. {@code max-size 10m}, {@code max-file 3}).
 *
 * <p>Each part is managed only when set: an empty {@code dns} leaves the device's DNS setting alone,
 * an empty {@code logMaxSize} leaves its log policy alone ({@code logDriver} and {@code logMaxFiles}
 * are then ignored). {@link #NONE} manages nothing, which is what a plant file without a
 * {@code containerEngine} object means.
 *
 * @param dns DNS servers the containers use, IPv4/IPv6 literals in order (dockerd refuses names);
 *     empty: not managed
 * @param logDriver the default logging driver of the containers (used when the log policy is managed)
 * @param logMaxSize largest size of one log file before it is rotated, as dockerd takes it: a whole
 *     number with a unit {@code k}, {@code m} or {@code g}, e.g. {@code 10m}; empty: log policy not managed
 * @param logMaxFiles number of log files kept per container, at least 1 when the log policy is managed
 */
public record ContainerEngineSettings(List<String> dns, LogDriver logDriver, String logMaxSize, int logMaxFiles) {
    /** Manages nothing: the devices' daemon.json is left as it is. */
    public static final ContainerEngineSettings NONE = new ContainerEngineSettings(List.of(), LogDriver.LOCAL, "", 0);

    /** The container engine's logging drivers the production checklist names. */
    public enum LogDriver {
        /** {@code local}: compressed, rotated files (the checklist's recommendation). */
        LOCAL("local"),
        /** {@code json-file}: Docker's default driver, rotated only with {@code max-size}/{@code max-file}. */
        JSON_FILE("json-file");

        private final String daemonName;

        LogDriver(String daemonName) {
            this.daemonName = daemonName;
        }

        /** The driver's name in daemon.json, e.g. {@code local}. */
        public String daemonName() {
            return daemonName;
        }
    }

    /** Normalises nulls (no DNS, {@code local} driver, no size) and copies the list. */
    public ContainerEngineSettings {
        dns = dns == null ? List.of() : List.copyOf(dns);
        logDriver = Objects.requireNonNullElse(logDriver, LogDriver.LOCAL);
        logMaxSize = logMaxSize == null ? "" : logMaxSize;
    }

    /** True when the DNS servers are managed. */
    public boolean managesDns() {
        return !dns.isEmpty();
    }

    /** True when the log policy (driver, size, file count) is managed. */
    public boolean managesLogs() {
        return !logMaxSize.isEmpty();
    }

    /** True when nothing is managed. */
    public boolean isEmpty() {
        return !managesDns() && !managesLogs() && logMaxFiles == 0;
    }

    /** Copy with other DNS servers (empty: not managed). */
    public ContainerEngineSettings withDns(List<String> servers) {
        return new ContainerEngineSettings(servers, logDriver, logMaxSize, logMaxFiles);
    }

    /** Copy with another log driver. */
    public ContainerEngineSettings withLogDriver(LogDriver driver) {
        return new ContainerEngineSettings(dns, driver, logMaxSize, logMaxFiles);
    }

    /** Copy with another maximum log size (empty: log policy not managed). */
    public ContainerEngineSettings withLogMaxSize(String size) {
        return new ContainerEngineSettings(dns, logDriver, size, logMaxFiles);
    }

    /** Copy with another number of log files. */
    public ContainerEngineSettings withLogMaxFiles(int files) {
        return new ContainerEngineSettings(dns, logDriver, logMaxSize, files);
    }
}
