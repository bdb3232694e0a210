package io.nestedge.commissioning.probe;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything a commissioning run learned about one device, as parsed output plus the values the plan
 * expected. Diagnosis rules read only this. Build it with {@link #builder(String)}; every part is
 * optional.
 */
public final class DeviceEvidence {
    /** Where a piece of raw log or command text came from. */
    public enum LogSource {
        /** {@code docker pull} / {@code docker run} output of an image pull. */
        IMAGE_PULL,
        /** {@code iotedge logs edgeHub}. */
        EDGEHUB,
        /** {@code iotedge logs edgeAgent}. */
        EDGEAGENT,
        /** The API proxy module's log. */
        API_PROXY,
        /** {@code journalctl -u aziot-keyd}. */
        KEYD,
        /** {@code journalctl -u aziot-certd}. */
        CERTD,
        /** {@code journalctl -u aziot-edged} and anything else. */
        OTHER
    }

    /**
     * An {@code openssl s_client} run and the host it was meant to reach.
     *
     * @param expectedHost the hostname the server certificate must name (the parent's {@code hostname})
     * @param port 8883, 5671 or 443
     * @param probe what the handshake showed
     */
    public record TlsObservation(String expectedHost, int port, TlsProbe probe) {
    }

    /**
     * The components of a certificate or key path ({@code namei -l}) and the service user that must
     * reach it: {@code aziotcs} for certificates, {@code aziotks} for keys (facts §4).
     */
    public record PathObservation(String serviceUser, List<PathEntry> entries) {
        /** Defensive copy. */
        public PathObservation {
            entries = List.copyOf(entries);
        }
    }

    private final String deviceId;
    private final String configHostname;
    private final String parentHostname;
    private final String parentApiProxyModule;
    private final String parentRegistryModule;
    private final boolean certificatesChanged;
    private final CheckReport check;
    private final List<ModuleStatus> modules;
    private final ContainerInspection edgeHub;
    private final List<TlsObservation> tls;
    private final ConfigApplyResult configApply;
    private final List<PathObservation> paths;
    private final Map<LogSource, String> logs;

    private DeviceEvidence(Builder b) {
        deviceId = b.deviceId;
        configHostname = b.configHostname;
        parentHostname = b.parentHostname;
        parentApiProxyModule = b.parentApiProxyModule;
        parentRegistryModule = b.parentRegistryModule;
        certificatesChanged = b.certificatesChanged;
        check = b.check;
        modules = b.modules == null ? null : List.copyOf(b.modules);
        edgeHub = b.edgeHub;
        tls = List.copyOf(b.tls);
        configApply = b.configApply;
        paths = List.copyOf(b.paths);
        logs = Map.copyOf(b.logs);
    }

    /** Starts evidence for the device with this IoT Hub device ID. */
    public static Builder builder(String deviceId) {
        return new Builder(deviceId);
    }

    /** The IoT Hub device ID this evidence belongs to. */
    public String deviceId() {
        return deviceId;
    }

    /** The {@code hostname} the plan wrote into config.toml. */
    public Optional<String> configHostname() {
        return Optional.ofNullable(configHostname);
    }

    /** The {@code parent_hostname} the plan wrote (absent on the top layer). */
    public Optional<String> parentHostname() {
        return Optional.ofNullable(parentHostname);
    }

    /** The parent's API proxy module name (default {@code IoTEdgeAPIProxy}). */
    public String parentApiProxyModule() {
        return parentApiProxyModule;
    }

    /** The top layer's registry module name (default {@code registry}). */
    public String parentRegistryModule() {
        return parentRegistryModule;
    }

    /** Whether this run replaced the device's Edge CA or trust bundle. */
    public boolean certificatesChanged() {
        return certificatesChanged;
    }

    /** The parsed {@code iotedge check} report, when the run got that far. */
    public Optional<CheckReport> check() {
        return Optional.ofNullable(check);
    }

    /** The modules {@code iotedge list} showed, when it ran. */
    public Optional<List<ModuleStatus>> modules() {
        return Optional.ofNullable(modules);
    }

    /** edgeHub's container as {@code docker inspect edgeHub} showed it (F12), when it ran. */
    public Optional<ContainerInspection> edgeHub() {
        return Optional.ofNullable(edgeHub);
    }

    /** Every TLS probe of the parent ({@code openssl s_client}, facts §2), in the order they ran. */
    public List<TlsObservation> tls() {
        return tls;
    }

    /** The parsed result of {@code iotedge config apply}, when it ran. */
    public Optional<ConfigApplyResult> configApply() {
        return Optional.ofNullable(configApply);
    }

    /** {@code namei -l} views of key and certificate paths per service user (F19, F20). */
    public List<PathObservation> paths() {
        return paths;
    }

    /** Raw log text by source. */
    public Map<LogSource, String> logs() {
        return logs;
    }

    /** Raw log text of one source, "" when none. */
    public String log(LogSource source) {
        return logs.getOrDefault(source, "");
    }

    /**
     * Every free-text line a rule may search: check details (prefixed by nothing) and all logs, in a
     * stable order.
     */
    public List<String> allTextLines() {
        List<String> out = new ArrayList<>();
        if (check != null) {
            check.checks().forEach(c -> out.addAll(c.details()));
        }
        for (LogSource s : LogSource.values()) {
            String text = logs.get(s);
            if (text != null) {
                out.addAll(Lines.of(text));
            }
        }
        return out;
    }

    /** Builder; all setters optional. */
    public static final class Builder {
        private final String deviceId;
        private String configHostname;
        private String parentHostname;
        private String parentApiProxyModule = "IoTEdgeAPIProxy";
        private String parentRegistryModule = "registry";
        private boolean certificatesChanged;
        private CheckReport check;
        private List<ModuleStatus> modules;
        private ContainerInspection edgeHub;
        private final List<TlsObservation> tls = new ArrayList<>();
        private ConfigApplyResult configApply;
        private final List<PathObservation> paths = new ArrayList<>();
        private final Map<LogSource, String> logs = new EnumMap<>(LogSource.class);

        private Builder(String deviceId) {
            this.deviceId = Objects.requireNonNull(deviceId, "deviceId");
        }

        /** Sets the {@code hostname} written into config.toml. */
        public Builder configHostname(String v) {
            configHostname = v;
            return this;
        }

        /** Sets the {@code parent_hostname} written into config.toml (null on the top layer). */
        public Builder parentHostname(String v) {
            parentHostname = v;
            return this;
        }

        /** Sets the parent's API proxy module name (F7 remarks name it). */
        public Builder parentApiProxyModule(String v) {
            parentApiProxyModule = Objects.requireNonNull(v);
            return this;
        }

        /** Sets the top layer's registry module name (F7 remarks name it). */
        public Builder parentRegistryModule(String v) {
            parentRegistryModule = Objects.requireNonNull(v);
            return this;
        }

        /** Sets whether this run replaced the Edge CA or the trust bundle (F11). */
        public Builder certificatesChanged(boolean v) {
            certificatesChanged = v;
            return this;
        }

        /** Sets the parsed {@code iotedge check} report. */
        public Builder check(CheckReport v) {
            check = v;
            return this;
        }

        /** Sets the modules {@code iotedge list} showed. */
        public Builder modules(List<ModuleStatus> v) {
            modules = v;
            return this;
        }

        /** Sets edgeHub's {@code docker inspect} result. */
        public Builder edgeHub(ContainerInspection v) {
            edgeHub = v;
            return this;
        }

        /** Adds a TLS probe of {@code expectedHost:port} (the parent hostname the child dialled). */
        public Builder tls(String expectedHost, int port, TlsProbe probe) {
            tls.add(new TlsObservation(expectedHost, port, probe));
            return this;
        }

        /** Sets the parsed {@code iotedge config apply} result. */
        public Builder configApply(ConfigApplyResult v) {
            configApply = v;
            return this;
        }

        /** Adds the {@code namei -l} entries of one path as seen for a service user (aziotcs, aziotks). */
        public Builder path(String serviceUser, List<PathEntry> entries) {
            paths.add(new PathObservation(serviceUser, entries));
            return this;
        }

        /** Adds raw text for a source (appended when the source already has text). */
        public Builder log(LogSource source, String text) {
            logs.merge(source, text, (a, b) -> a + "\n" + b);
            return this;
        }

        /** The immutable evidence. */
        public DeviceEvidence build() {
            return new DeviceEvidence(this);
        }
    }
}
