package io.nestedge.model.io;

/**
 * The project's error for unusable input: names the file, where in it (line/column or JSON pointer,
 * or a device and field), what is wrong, and how to fix it. Readers never let another exception out.
 */
public class InputException extends Exception {
    private static final long serialVersionUID = 1L;
    private final String file;
    private final String location;
    private final String problem;
    private final String fix;

    /**
     * @param file the file (or "-" for a stream)
     * @param location where in the file: "line 3, column 7", "/devices/2/hostname", or empty
     * @param problem what is wrong and what was expected
     * @param fix how to fix it (may be empty)
     * @param cause underlying exception (may be null)
     */
    public InputException(String file, String location, String problem, String fix, Throwable cause) {
        super(format(file, location, problem, fix), cause);
        this.file = file == null ? "" : file;
        this.location = location == null ? "" : location;
        this.problem = problem == null ? "" : problem;
        this.fix = fix == null ? "" : fix;
    }

    /** Same, without a cause. */
    public InputException(String file, String location, String problem, String fix) {
        this(file, location, problem, fix, null);
    }

    private static String format(String file, String location, String problem, String fix) {
        StringBuilder sb = new StringBuilder();
        sb.append(file == null || file.isEmpty() ? "input" : file);
        if (location != null && !location.isEmpty()) {
            sb.append(": ").append(location);
        }
        sb.append(": ").append(problem);
        if (fix != null && !fix.isEmpty()) {
            sb.append(" Fix: ").append(fix);
        }
        return sb.toString();
    }

    /** The file name. */
    public String file() { return file; }
    /** Where in the file. */
    public String location() { return location; }
    /** What is wrong. */
    public String problem() { return problem; }
    /** How to fix it. */
    public String fix() { return fix; }
}
