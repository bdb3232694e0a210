package io.nestedge.app.commission;

/**
 * Result of a child's {@code verify-parent-tls} step, drawn on the link to its parent.
 *
 * @param state unknown (not verified yet), ok, warning or failed
 * @param text one line for the link's tooltip (the step's summary)
 */
public record LinkTls(State state, String text) {
    /** Link state. */
    public enum State {
        /** Not verified in this run. */
        UNKNOWN,
        /** The child reached the parent's TLS port and verified its chain and name. */
        OK,
        /** Verified with warnings. */
        WARNING,
        /** The parent's TLS did not verify. */
        FAILED
    }

    /** Not verified. */
    public static final LinkTls UNKNOWN = new LinkTls(State.UNKNOWN, "");

    /** Normalises null text. */
    public LinkTls {
        text = text == null ? "" : text;
    }
}
