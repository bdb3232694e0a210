package io.nestedge.commissioning.virtualplant.runtime;

/**
 * What an emulated command printed and returned.
 *
 * @param exitCode process exit code
 * @param stdout standard output
 * @param stderr standard error
 */
public record CommandResult(int exitCode, String stdout, String stderr) {
    /** Success with this output. */
    public static CommandResult ok(String stdout) {
        return new CommandResult(0, stdout, "");
    }

    /** Failure with exit code and a message on stderr (a newline is added when missing). */
    public static CommandResult fail(int code, String stderr) {
        return new CommandResult(code, "", stderr.isEmpty() || stderr.endsWith("\n") ? stderr : stderr + "\n");
    }
}
