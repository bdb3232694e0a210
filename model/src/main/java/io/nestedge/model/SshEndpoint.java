package io.nestedge.model;

import java.util.Objects;

/**
 * Where and how to open an SSH session to a device. No secret is ever stored here.
 *
 * @param address IP address or DNS name the laptop (or the parent, when reached through it) dials
 * @param port TCP port, 1..65535 (22 by default)
 * @param user login user name
 * @param reach direct, or through the parent chain
 */
public record SshEndpoint(String address, int port, String user, Reachability reach) {
    /** Normalises nulls: empty address/user, DIRECT reach. */
    public SshEndpoint {
        address = address == null ? "" : address;
        user = user == null ? "" : user;
        reach = Objects.requireNonNullElse(reach, Reachability.DIRECT);
    }

    /** An endpoint on port 22. */
    public static SshEndpoint of(String address, String user, Reachability reach) {
        return new SshEndpoint(address, 22, user, reach);
    }
}
