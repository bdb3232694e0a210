package io.nestedge.commissioning.probe;

/**
 * Thrown when a device printed something a parser does not understand. A parser never guesses and
 * never silently passes over an unknown line: the command, the 1-based line number and the line
 * itself are named so a technician (or a test) can see exactly what was not understood.
 */
public final class ProbeParseException extends Exception {
    private static final long serialVersionUID = 1L;

    private final String command;
    private final int lineNumber;
    private final String line;

    /**
     * @param command the command whose output was parsed, e.g. {@code iotedge check --verbose}
     * @param lineNumber 1-based line number, or 0 when the problem concerns the whole output
     * @param line the offending line ("" when the problem concerns the whole output)
     * @param problem what was expected
     */
    public ProbeParseException(String command, int lineNumber, String line, String problem) {
        super(format(command, lineNumber, line, problem));
        this.command = command;
        this.lineNumber = lineNumber;
        this.line = line == null ? "" : line;
    }

    /** Same as the main constructor, keeping the underlying cause (e.g. a Jackson error). */
    public ProbeParseException(String command, int lineNumber, String line, String problem, Throwable cause) {
        this(command, lineNumber, line, problem);
        initCause(cause);
    }

    private static String format(String command, int lineNumber, String line, String problem) {
        String where = lineNumber > 0 ? " at line " + lineNumber + ": \"" + abbreviate(line) + "\"" : "";
        return "Cannot understand the output of `" + command + "`" + where + ": " + problem;
    }

    private static String abbreviate(String s) {
        if (s == null) {
            return "";
        }
        return s.length() > 200 ? s.substring(0, 200) + "…" : s;
    }

    /** The command whose output was not understood. */
    public String command() {
        return command;
    }

    /** 1-based line number of the offending line, 0 for the whole output. */
    public int lineNumber() {
        return lineNumber;
    }

    /** The offending line ("" for the whole output). */
    public String line() {
        return line;
    }
}
