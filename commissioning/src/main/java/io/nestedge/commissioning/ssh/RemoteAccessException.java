package io.nestedge.commissioning.ssh;

import java.io.IOException;

/** Base of every typed SSH-layer failure: the device, and what went wrong, in plain words. */
public class RemoteAccessException extends IOException {
    private static final long serialVersionUID = 1L;

    /** @param message what went wrong, naming the host */
    public RemoteAccessException(String message) {
        super(message);
    }

    /** @param message what went wrong, naming the host; @param cause the library's exception */
    public RemoteAccessException(String message, Throwable cause) {
        super(message, cause);
    }
}
