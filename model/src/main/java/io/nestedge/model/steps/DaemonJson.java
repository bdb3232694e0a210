package io.nestedge.model.steps;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nestedge.model.ContainerEngineSettings;

/**
 * The container engine's {@code /etc/docker/daemon.json} keys that carry the plant's
 * {@link ContainerEngineSettings}: {@code "dns"} (check {@code container-engine-dns}) and
 * {@code "log-driver"} + {@code "log-opts"} with {@code "max-file"} and {@code "max-size"} (check
 * {@code container-engine-logrotate}), facts §6 and Microsoft's IoT Edge production checklist. The
 * runtime's check reads {@code max-file} and {@code max-size} as strings, as dockerd does, so the
 * file count is written as a string ({@code "3"}). Keys are in sorted order (as Ansible's
 * {@code to_nice_json} writes them), so every renderer writes the same text for the same settings.
 */
public final class DaemonJson {
    /** The container engine's configuration file. */
    public static final String PATH = "/etc/docker/daemon.json";

    private DaemonJson() {
    }

    /**
     * The keys to set for the settings.
     *
     * @param s the settings
     * @return the patch; empty when the settings manage nothing
     */
    public static ObjectNode patch(ContainerEngineSettings s) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode p = f.objectNode();
        if (s.managesDns()) {
            ArrayNode dns = p.putArray("dns");
            s.dns().forEach(dns::add);
        }
        if (s.managesLogs()) {
            p.put("log-driver", s.logDriver().daemonName());
            ObjectNode opts = p.putObject("log-opts");
            opts.put("max-file", String.valueOf(s.logMaxFiles()));
            opts.put("max-size", s.logMaxSize());
        }
        return p;
    }
}
