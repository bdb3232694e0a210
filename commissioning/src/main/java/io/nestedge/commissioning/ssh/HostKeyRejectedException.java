package io.nestedge.commissioning.ssh;

/** The host key was unknown and the person (or the absence of a prompt) rejected it. */
public final class HostKeyRejectedException extends RemoteAccessException {
    private static final long serialVersionUID = 1L;

    private final HostPort host;
    private final String fingerprint;

    /** @param host the device; @param fingerprint the rejected key's SHA-256 fingerprint */
    public HostKeyRejectedException(HostPort host, String fingerprint) {
        super("The host key of " + host + " (" + fingerprint + ") is not known and was not accepted; the connection was closed.");
        this.host = host;
        this.fingerprint = fingerprint;
    }

    /** The device whose key was rejected. */
    public HostPort host() {
        return host;
    }

    /** The rejected key's SHA-256 fingerprint ({@code SHA256:…}). */
    public String fingerprint() {
        return fingerprint;
    }
}
