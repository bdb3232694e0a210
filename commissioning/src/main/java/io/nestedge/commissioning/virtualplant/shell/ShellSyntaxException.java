package io.nestedge.commissioning.virtualplant.shell;

/** A command line the virtual device's shell cannot parse (printed like dash: "sh: 1: Syntax error: …"). */
public final class ShellSyntaxException extends Exception {
    private static final long serialVersionUID = 1L;

    /** @param message what is wrong */
    public ShellSyntaxException(String message) {
        super(message);
    }
}
