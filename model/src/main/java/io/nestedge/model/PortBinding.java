package io.nestedge.model;

/**
 * A container port published on the host (Docker {@code PortBindings}).
 *
 * @param hostPort port on the device, 1..65535
 * @param containerPort port inside the container, 1..65535
 * @param protocol one of {@link #PROTOCOLS}
 */
public record PortBinding(int hostPort, int containerPort, String protocol) {
    /** The protocols Docker publishes ports for (NE-PORT-RANGE, facts §5), lower case. */
    public static final java.util.List<String> PROTOCOLS = java.util.List.of("tcp", "udp", "sctp");

    /** Normalises a null protocol to "tcp". */
    public PortBinding {
        protocol = protocol == null || protocol.isBlank() ? "tcp" : protocol;
    }

    /** A TCP binding of the same port on host and container. */
    public static PortBinding tcp(int port) {
        return new PortBinding(port, port, "tcp");
    }
}
