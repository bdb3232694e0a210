package io.nestedge.app.editor;

import io.nestedge.model.Device;
import io.nestedge.model.EdgeModule;
import io.nestedge.model.rules.modules.RouteAddressRule;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The inspector rows of one module (pure): image, one row per environment variable (clear the value
 * to remove it), "Add variable" ({@code KEY=VALUE}), the host port bindings ({@link ModulePortRows})
 * and "Remove module". Each commit is one command;
 * values are checked as you type (facts §5: API proxy and registry settings).
 */
public final class ModuleRows {
    /** Prefix of a module's inspector section, e.g. {@code Module IoTEdgeAPIProxy}. */
    public static final String CATEGORY_PREFIX = "Module ";
    /** Name of the row that adds an environment variable. */
    public static final String ADD_ENV = "Add variable";
    /** Name of the row that removes the module. */
    public static final String REMOVE = "Remove module";
    /** Prefix of an environment variable row, e.g. {@code env NGINX_DEFAULT_PORT}. */
    public static final String ENV_PREFIX = "env ";
    private static final Pattern ENV_KEY = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private ModuleRows() {
    }

    /** The inspector section of a module: {@code Module <name>}. */
    public static String category(String moduleName) {
        return CATEGORY_PREFIX + moduleName;
    }

    /**
     * Rows for every module of a device, one section per module.
     *
     * @param d the IoT Edge device
     * @return rows in display order
     */
    public static List<InspectorField> of(Device d) {
        List<InspectorField> f = new ArrayList<>();
        String id = d.id();
        for (EdgeModule m : d.modules()) {
            String cat = category(m.name());
            String name = m.name();
            f.add(new InspectorField(cat, "Image", "Container image; on a lower layer $upstream:<port>/<repository>:<tag> (facts §3, §5)",
                    InspectorField.Kind.TEXT, m.image(), List.of(), FieldChecks::image, false,
                    t -> Commands.editModule(id, name, "image", x -> x.withImage(t.trim()))));
            for (Map.Entry<String, String> e : m.env().entrySet()) {
                String key = e.getKey();
                f.add(new InspectorField(cat, ENV_PREFIX + key, "Environment variable " + key + " (clear the value to remove it)",
                        InspectorField.Kind.TEXT, e.getValue(), List.of(), t -> envProblem(d, key, t), false,
                        t -> t.isEmpty() ? Commands.editModule(id, name, "remove env " + key, x -> ModuleEdits.env(x, key, null))
                                : Commands.editModule(id, name, "env " + key, x -> ModuleEdits.env(x, key, t))));
            }
            f.add(new InspectorField(cat, ADD_ENV, "Type KEY=VALUE and press Enter to add an environment variable",
                    InspectorField.Kind.TEXT, "", List.of(), t -> t.isEmpty() ? Optional.empty() : addProblem(d, t), true,
                    t -> {
                        if (t.isBlank()) {
                            return null;
                        }
                        int eq = t.indexOf('=');
                        String key = t.substring(0, eq).trim();
                        String value = t.substring(eq + 1).trim();
                        return Commands.editModule(id, name, "env " + key, x -> ModuleEdits.env(x, key, value));
                    }));
            f.addAll(ModulePortRows.of(id, m));
            f.add(new InspectorField(cat, REMOVE, "Removes " + name + " from " + id + " (Ctrl+Z brings it back)",
                    InspectorField.Kind.ACTION, "Remove", List.of(), t -> Optional.empty(), false,
                    t -> Commands.removeModule(id, name)));
        }
        return f;
    }

    /** Problem with a {@code KEY=VALUE} entry for "Add variable". */
    static Optional<String> addProblem(Device d, String text) {
        int eq = text.indexOf('=');
        if (eq < 0) {
            return Optional.of("Type KEY=VALUE, e.g. " + RouteAddressRule.ENV + "=registry:5000.");
        }
        String key = text.substring(0, eq).trim();
        if (!ENV_KEY.matcher(key).matches()) {
            return Optional.of("Variable names use letters, digits and '_' and do not start with a digit.");
        }
        String value = text.substring(eq + 1).trim();
        if (value.isEmpty()) {
            return Optional.of("Give " + key + " a value.");
        }
        return envProblem(d, key, value);
    }

    /**
     * Problem with the value of a well-known variable (facts §5), or empty: {@code NGINX_DEFAULT_PORT}
     * is a port, {@code DOCKER_REQUEST_ROUTE_ADDRESS} is {@code <module of this device>:<port>},
     * {@code REGISTRY_PROXY_REMOTEURL} starts with {@code https://}.
     */
    static Optional<String> envProblem(Device d, String key, String value) {
        String v = value.trim();
        if (v.isEmpty()) {
            return Optional.empty(); // clearing removes the variable
        }
        switch (key) {
            case "NGINX_DEFAULT_PORT":
                return FieldChecks.port(v);
            case RouteAddressRule.ENV:
            case "BLOB_UPLOAD_ROUTE_ADDRESS": {
                int colon = v.lastIndexOf(':');
                if (colon <= 0 || FieldChecks.port(v.substring(colon + 1)).isPresent()) {
                    return Optional.of("Use <module>:<port>, e.g. registry:5000.");
                }
                String target = v.substring(0, colon);
                return d.module(target).isPresent() ? Optional.empty()
                        : Optional.of("This device has no module named '" + target + "'.");
            }
            case "REGISTRY_PROXY_REMOTEURL":
                return v.startsWith("https://") ? Optional.empty()
                        : Optional.of("The registry proxy needs an https:// URL, e.g. https://mcr.microsoft.com.");
            default:
                return Optional.empty();
        }
    }
}
