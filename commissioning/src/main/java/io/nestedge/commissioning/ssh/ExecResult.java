package io.nestedge.commissioning.ssh;

import java.nio.charset.StandardCharsets;

/**
 * What a remote command did.
 *
 * @param exitCode the exit status, or -1 when the command ended without one (killed by a signal)
 * @param stdout standard output bytes
 * @param stderr standard error bytes
 */
public record ExecResult(int exitCode, byte[] stdout, byte[] stderr) {
    /** Standard output as UTF-8 text. */
    public String out() {
        return new String(stdout, StandardCharsets.UTF_8);
    }

    /** Standard error as UTF-8 text. */
    public String err() {
        return new String(stderr, StandardCharsets.UTF_8);
    }

    /** Exit status 0. */
    public boolean ok() {
        return exitCode == 0;
    }

    @Override
    public String toString() {
        return "ExecResult[exit=" + exitCode + ", stdout=" + stdout.length + " bytes, stderr=" + stderr.length + " bytes]";
    }
}
