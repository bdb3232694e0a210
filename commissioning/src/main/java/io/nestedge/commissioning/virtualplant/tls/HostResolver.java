package io.nestedge.commissioning.virtualplant.tls;

import java.net.InetSocketAddress;
import java.util.Optional;

/**
 * Resolves a hostname and a standard port (8883, 5671, 443) to the socket address to dial. In the
 * test bed this is {@code /etc/hosts}; in the virtual plant it maps each device hostname to its
 * emulated edgeHub on 127.0.0.1 with its ephemeral ports.
 */
@FunctionalInterface
public interface HostResolver {
    /**
     * @param host hostname or IP literal
     * @param port standard port
     * @return the address, or empty when the name does not resolve
     */
    Optional<InetSocketAddress> resolve(String host, int port);
}
