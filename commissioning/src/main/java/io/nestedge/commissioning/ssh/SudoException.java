package io.nestedge.commissioning.ssh;

/** sudo refused to run a command. */
public final class SudoException extends RemoteAccessException {
    private static final long serialVersionUID = 1L;

    /** Why sudo refused. */
    public enum Reason {
        /** The sudo password was wrong ("Sorry, try again."). */
        WRONG_PASSWORD,
        /** The user may not use sudo on this device. */
        NOT_ALLOWED,
        /** sudo is not installed. */
        NOT_INSTALLED
    }

    private final Reason reason;

    /** @param reason why; @param message names user and host */
    public SudoException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    /** Why sudo failed: wrong password, not allowed, or not installed. */
    public Reason reason() {
        return reason;
    }
}
