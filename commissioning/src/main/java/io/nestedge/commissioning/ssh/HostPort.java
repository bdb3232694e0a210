package io.nestedge.commissioning.ssh;

import java.util.Locale;
import java.util.Objects;

/**
 * A device's SSH address as the technician names it (not as the laptop reaches it: a device behind a
 * jump host is still identified by its own name and port for host-key checks).
 *
 * @param host DNS name or IP literal
 * @param port TCP port 1..65535
 */
public record HostPort(String host, int port) {
    /** Validates the port and lower-cases the host. */
    public HostPort {
        Objects.requireNonNull(host, "host");
        if (host.isBlank()) {
            throw new IllegalArgumentException("empty host");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
        host = host.toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return port == 22 ? host : "[" + host + "]:" + port;
    }
}
