package io.nestedge.commissioning.ssh;

import java.util.Objects;

/**
 * One SSH server on the way to a device (or the device itself).
 *
 * @param address the host and port as seen from the previous hop (or from the laptop for the first)
 * @param credentials how to log in there
 */
public record Hop(HostPort address, Credentials credentials) {
    /** Null checks. */
    public Hop {
        Objects.requireNonNull(address);
        Objects.requireNonNull(credentials);
    }

    @Override
    public String toString() {
        return credentials.user() + "@" + address;
    }
}
