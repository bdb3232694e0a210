package io.nestedge.app.editor;

import io.nestedge.model.EdgeModule;
import io.nestedge.model.PortBinding;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The port rows of one module's inspector section (pure): one row per host port binding, named after
 * the container side as Docker's {@code PortBindings} key it ({@code Port 443/tcp}) and holding the
 * host port, plus "Add port" ({@code HOST:CONTAINER[/PROTOCOL]}, or one port for both). Change the
 * host port to move the binding (the fix of NE-PORT-CONFLICT and NE-PORT-443, facts §5), clear it to
 * remove the binding. Ports outside 1–65535 and unknown protocols are refused as you type; a host
 * port another module binds is committed and reported by the validator. Each commit is one command.
 */
public final class ModulePortRows {
    /** Prefix of a binding row, e.g. {@code Port 443/tcp}. */
    public static final String PORT_PREFIX = "Port ";
    /** Name of the row that adds a binding. */
    public static final String ADD_PORT = "Add port";
    private static final Pattern BINDING = Pattern.compile("\\s*(\\S+?)\\s*(?::\\s*(\\S+?)\\s*)?(?:/\\s*(\\S+)\\s*)?");

    private ModulePortRows() {
    }

    /**
     * Rows for the port bindings of one module of a device.
     *
     * @param deviceId the IoT Edge device
     * @param m the module
     * @return one row per binding, then "Add port"
     */
    public static List<InspectorField> of(String deviceId, EdgeModule m) {
        String cat = ModuleRows.category(m.name());
        String name = m.name();
        List<InspectorField> f = new ArrayList<>();
        List<PortBinding> ports = m.ports();
        for (int i = 0; i < ports.size(); i++) {
            PortBinding b = ports.get(i);
            int index = i;
            f.add(new InspectorField(cat, rowName(ports, i), "Host port published for container port " + b.containerPort() + "/"
                    + b.protocol() + " (Docker PortBindings, facts §5); give a free port when another module binds it, "
                    + "clear it to remove the binding", InspectorField.Kind.INTEGER, String.valueOf(b.hostPort()), List.of(),
                    t -> t.isBlank() ? Optional.empty() : FieldChecks.port(t), true,
                    t -> t.isBlank()
                            ? moduleCommand("Remove port " + label(b) + " from", deviceId, name, x -> withoutBinding(x, index, b))
                            : Commands.editModule(deviceId, name, "host port " + b.containerPort() + "/" + b.protocol(),
                                    x -> withHostPort(x, index, b, Integer.parseInt(t.trim())))));
        }
        f.add(new InspectorField(cat, ADD_PORT, "Type HOST:CONTAINER[/PROTOCOL] (e.g. 8443:443/tcp) or one port for both, then press Enter",
                InspectorField.Kind.TEXT, "", List.of(), t -> t.isBlank() ? Optional.empty() : problem(t), true,
                t -> t.isBlank() ? null : moduleCommand("Add port " + label(parse(t)) + " to", deviceId, name, x -> withBinding(x, parse(t)))));
        return f;
    }

    /** {@code Port 443/tcp}; a second binding of the same container port gets {@code (2)}. */
    private static String rowName(List<PortBinding> ports, int i) {
        PortBinding b = ports.get(i);
        int same = 0;
        for (int j = 0; j <= i; j++) {
            PortBinding o = ports.get(j);
            same += o.containerPort() == b.containerPort() && o.protocol().equals(b.protocol()) ? 1 : 0;
        }
        return PORT_PREFIX + b.containerPort() + "/" + b.protocol() + (same > 1 ? " (" + same + ")" : "");
    }

    /**
     * Problem with a typed binding, or empty: {@code HOST:CONTAINER/PROTOCOL} with ports 1–65535 and
     * protocol tcp, udp or sctp (NE-PORT-RANGE).
     *
     * @param text e.g. {@code 8443:443/tcp}, {@code 11002}
     * @return the problem, or empty when fine
     */
    public static Optional<String> problem(String text) {
        Matcher m = BINDING.matcher(text);
        if (!m.matches()) {
            return Optional.of("Type HOST:CONTAINER[/PROTOCOL], e.g. 8443:443/tcp.");
        }
        Optional<String> host = FieldChecks.port(m.group(1));
        if (host.isPresent()) {
            return Optional.of("Host port: " + host.get());
        }
        if (m.group(2) != null) {
            Optional<String> container = FieldChecks.port(m.group(2));
            if (container.isPresent()) {
                return Optional.of("Container port: " + container.get());
            }
        }
        if (m.group(3) != null && !PortBinding.PROTOCOLS.contains(m.group(3).toLowerCase(Locale.ROOT))) {
            return Optional.of("Protocol '" + m.group(3) + "': use tcp, udp or sctp.");
        }
        return Optional.empty();
    }

    /**
     * Parses a typed binding that {@link #problem} accepts.
     *
     * @param text {@code HOST[:CONTAINER][/PROTOCOL]}; the container port defaults to the host port, the protocol to tcp
     * @return the binding
     * @throws IllegalArgumentException when {@link #problem} reports a problem
     */
    public static PortBinding parse(String text) {
        Optional<String> p = problem(text);
        if (p.isPresent()) {
            throw new IllegalArgumentException(p.get());
        }
        Matcher m = BINDING.matcher(text);
        m.matches();
        int host = Integer.parseInt(m.group(1));
        int container = m.group(2) == null ? host : Integer.parseInt(m.group(2));
        return new PortBinding(host, container, m.group(3) == null ? "tcp" : m.group(3).toLowerCase(Locale.ROOT));
    }

    /** "Remove port 8080:80/tcp from module X on dev": one undo step editing one module. */
    private static Command moduleCommand(String what, String deviceId, String module, java.util.function.UnaryOperator<EdgeModule> edit) {
        return Command.of(what + " module " + module + " on " + deviceId, p -> p.updateDevice(deviceId, d -> ModuleEdits.update(d, module, edit)));
    }

    private static String label(PortBinding b) {
        return b.hostPort() + ":" + b.containerPort() + "/" + b.protocol();
    }

    /** The module with binding {@code index} (still {@code was}) publishing another host port; unchanged otherwise. */
    static EdgeModule withHostPort(EdgeModule m, int index, PortBinding was, int hostPort) {
        if (index >= m.ports().size() || !m.ports().get(index).equals(was)) {
            return m;
        }
        List<PortBinding> ports = new ArrayList<>(m.ports());
        ports.set(index, new PortBinding(hostPort, was.containerPort(), was.protocol()));
        return m.withPorts(ports);
    }

    /** The module without binding {@code index} (when it is still {@code was}). */
    static EdgeModule withoutBinding(EdgeModule m, int index, PortBinding was) {
        if (index >= m.ports().size() || !m.ports().get(index).equals(was)) {
            return m;
        }
        List<PortBinding> ports = new ArrayList<>(m.ports());
        ports.remove(index);
        return m.withPorts(ports);
    }

    /** The module with one more binding (unchanged when it already has exactly this one). */
    static EdgeModule withBinding(EdgeModule m, PortBinding b) {
        if (m.ports().contains(b)) {
            return m;
        }
        List<PortBinding> ports = new ArrayList<>(m.ports());
        ports.add(b);
        return m.withPorts(ports);
    }
}
