package io.nestedge.commissioning.ssh;

import java.time.Duration;
import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;
import org.apache.sshd.common.session.Session;
import org.apache.sshd.common.session.SessionListener;

/**
 * Why a session ended, so that a command cut off by it fails with a clear error instead of a silent
 * exit status: {@link SshService}'s session listener records the reason on the session (the device
 * stopped answering the keep-alives, the device disconnected, the link failed); {@link RemoteShell}
 * and {@link RootShell} name it when a running command loses its channel.
 */
final class ConnectionLoss {
    /**
     * Why each session ended. Not a session attribute: MINA clears a session's attributes when it
     * closes, so a command thread that looks after the close completed found none (seen under load).
     * Weak keys: an entry goes with its session.
     */
    private static final Map<Session, String> REASONS = Collections.synchronizedMap(new WeakHashMap<>());

    private ConnectionLoss() {
    }

    /** A listener recording why each session of a client ended, in the words of {@code settings}. */
    static SessionListener recorder(SshSettings settings) {
        return new SessionListener() {
            @Override
            public void sessionException(Session session, Throwable t) {
                String m = String.valueOf(t.getMessage());
                record(session, m.contains("heartbeat")
                        ? "no answer to " + settings.heartbeatMaxMissed() + " keep-alives sent every "
                                + millis(settings.heartbeatInterval()) + ": the device or a link on the way stopped answering"
                        : m);
            }

            @Override
            public void sessionDisconnect(Session session, int reason, String msg, String language, boolean initiator) {
                if (!initiator) {
                    record(session, "the device closed the connection" + (msg == null || msg.isBlank() ? "" : ": " + msg));
                }
            }
        };
    }

    private static void record(Session session, String reason) {
        REASONS.putIfAbsent(session, reason);
    }

    private static String millis(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }

    /**
     * The error for a command whose channel closed because its session ended.
     *
     * @param session the device's session
     * @param device the device
     * @param command the command as shown (never its stdin)
     */
    static RemoteAccessException lost(Session session, Hop device, String command) {
        String reason = REASONS.get(session);
        return new RemoteAccessException("The connection to " + device + " was lost while `" + command + "` was running ("
                + (reason == null ? "the session closed" : reason) + "); the command's outcome on the device is unknown");
    }

    /** True when the session is closing or closed (not merely the channel). */
    static boolean sessionGone(Session session) {
        return !session.isOpen() || session.isClosing();
    }
}
