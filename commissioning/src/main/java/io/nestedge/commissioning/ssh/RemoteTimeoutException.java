package io.nestedge.commissioning.ssh;

import java.time.Duration;

/** A connect, authentication or command did not finish within its timeout. */
public final class RemoteTimeoutException extends RemoteAccessException {
    private static final long serialVersionUID = 1L;

    private final Duration timeout;

    /** @param what what timed out, naming the host (and the command, never its stdin) */
    public RemoteTimeoutException(String what, Duration timeout) {
        super(what + " did not finish within " + timeout.toMillis() + " ms");
        this.timeout = timeout;
    }

    /** The timeout that ran out. */
    public Duration timeout() {
        return timeout;
    }
}
