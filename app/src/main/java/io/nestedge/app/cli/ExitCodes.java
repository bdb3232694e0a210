package io.nestedge.app.cli;

/** Exit codes shared by every CLI command. */
public final class ExitCodes {
    /** Success, nothing to report. */
    public static final int OK = 0;
    /** The input was read but has findings with errors (or a job failed on a device). */
    public static final int FINDINGS = 1;
    /** Unusable input (unreadable, malformed) or wrong usage. */
    public static final int UNUSABLE = 2;

    private ExitCodes() {
    }
}
