package io.nestedge.commissioning.virtualplant.runtime;

/**
 * A failure of {@code iotedge config apply}; {@link #getMessage()} is the text after
 * {@code "Command failed: "} (possibly several lines, as the runtime prints them: facts §3).
 */
public final class ApplyException extends Exception {
    private static final long serialVersionUID = 1L;

    /** @param message the runtime's message, without the "Command failed: " prefix */
    public ApplyException(String message) {
        super(message);
    }
}
