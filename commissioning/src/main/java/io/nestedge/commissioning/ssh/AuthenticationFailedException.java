package io.nestedge.commissioning.ssh;

/** The device refused every credential offered (key, agent, password) for the user. */
public final class AuthenticationFailedException extends RemoteAccessException {
    private static final long serialVersionUID = 1L;

    /** @param message names user and host */
    public AuthenticationFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
