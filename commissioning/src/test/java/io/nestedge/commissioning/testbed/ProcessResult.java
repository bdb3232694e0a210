package io.nestedge.commissioning.testbed;

import java.time.Duration;

/**
 * Outcome of one finished host process run by {@link Processes}.
 *
 * @param exitCode the process exit code
 * @param stdout standard output, decoded as UTF-8
 * @param stderr standard error, decoded as UTF-8
 * @param elapsed wall-clock time from start to exit
 */
public record ProcessResult(int exitCode, String stdout, String stderr, Duration elapsed) {

    /** @return true when the exit code is 0 */
    public boolean ok() {
        return exitCode == 0;
    }

    /** @return a one-paragraph description for assertion messages (exit code, stdout, stderr) */
    public String describe() {
        return "exit " + exitCode + " after " + elapsed.toMillis() + " ms\n--- stdout\n" + stdout + "\n--- stderr\n" + stderr;
    }
}
