package io.nestedge.commissioning.virtualplant.cmd;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.nestedge.commissioning.virtualplant.runtime.ContainerState;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code docker inspect} output (facts §6; sample {@code docker-inspect-edgehub-env.json}): a JSON
 * array with, per container, {@code Id}, {@code Created}, {@code Name} ("/edgeHub"), {@code Config}
 * ({@code Hostname}, {@code Env} as frozen at creation, {@code Image}) and {@code State}
 * ({@code Status} running|exited, {@code Running}, {@code ExitCode}).
 */
public final class InspectFormatter {
    private static final ObjectMapper JSON = new ObjectMapper();

    private InspectFormatter() {
    }

    /** Renders the containers (one line, newline-terminated). */
    public static String format(List<ContainerState> containers) {
        List<Map<String, Object>> out = containers.stream().map(InspectFormatter::one).toList();
        try {
            return JSON.writeValueAsString(out) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, Object> one(ContainerState c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("Id", c.id());
        m.put("Created", Instant.ofEpochMilli(c.createdAt()).toString());
        m.put("Name", "/" + c.name());
        Map<String, Object> cfg = new LinkedHashMap<>();
        cfg.put("Hostname", c.shortId());
        cfg.put("Env", c.env());
        cfg.put("Image", c.image());
        m.put("Config", cfg);
        Map<String, Object> st = new LinkedHashMap<>();
        boolean running = "running".equals(c.status());
        st.put("Status", running ? "running" : "exited");
        st.put("Running", running);
        st.put("ExitCode", c.exitCode());
        m.put("State", st);
        return m;
    }
}
