package io.nestedge.commissioning.ssh;

import java.time.Duration;
import java.util.Objects;

/**
 * Timeouts and keep-alive for every session.
 *
 * @param connectTimeout TCP connect (per hop)
 * @param authTimeout key exchange + authentication (per hop; time spent in the host-key prompt does
 *     not count)
 * @param heartbeatInterval keep-alive request interval while a session is open (long commands)
 * @param heartbeatMaxMissed unanswered keep-alives before the session is declared dead and closed
 */
public record SshSettings(Duration connectTimeout, Duration authTimeout, Duration heartbeatInterval, int heartbeatMaxMissed) {
    /** Validates. */
    public SshSettings {
        Objects.requireNonNull(connectTimeout);
        Objects.requireNonNull(authTimeout);
        Objects.requireNonNull(heartbeatInterval);
        if (heartbeatMaxMissed < 1) {
            throw new IllegalArgumentException("heartbeatMaxMissed must be >= 1");
        }
    }

    /** 15 s connect, 30 s authentication, keep-alive every 15 s, dead after 4 missed. */
    public static SshSettings defaults() {
        return new SshSettings(Duration.ofSeconds(15), Duration.ofSeconds(30), Duration.ofSeconds(15), 4);
    }
}
