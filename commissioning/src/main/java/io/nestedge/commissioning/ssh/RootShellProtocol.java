package io.nestedge.commissioning.ssh;

import io.nestedge.model.shell.ShellQuote;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The lines of a {@link RootShell}, in one place for the engine and for devices that emulate a
 * shell (the virtual plant). A root shell is started with {@link #bootstrap}: when sudo needs the
 * password it writes {@link #prompt} to stderr ({@code sudo -S}) and reads the password from the
 * first stdin line; the password is sent only after that prompt, so a device whose sudo needs none
 * (NOPASSWD, root login) never receives it (its shell would read it as a command line). Then a
 * POSIX {@code sh} reads commands from stdin; each
 * command is one {@link #request}: a fresh {@code sh -c COMMAND} with empty stdin, then the exit
 * status after the marker on stdout and the marker alone on stderr. The marker is 32 random hex
 * digits per shell, so no command output can fake the end of another command.
 */
public final class RootShellProtocol {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Pattern READY = Pattern.compile("([0-9a-f]{32})-ready");

    private RootShellProtocol() {
    }

    /** @return a fresh random marker */
    public static String newMarker() {
        byte[] b = new byte[16];
        RANDOM.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    /**
     * The exec command line that starts a root shell; sudo prompts with {@link #prompt} on stderr
     * when it needs the password, the shell prints {@code MARKER-ready} once sudo let it in.
     */
    public static String bootstrap(String marker) {
        return ShellQuote.command("sudo", "-S", "-k", "-p", prompt(marker), "sh", "-c",
                "printf '%s\\n' " + marker + "-ready; exec sh");
    }

    /** The password prompt sudo writes to stderr (no newline; no {@code %} escapes). */
    public static String prompt(String marker) {
        return marker + "-password:";
    }

    /** The line printed on stdout when the shell is ready. */
    public static String ready(String marker) {
        return marker + "-ready\n";
    }

    /**
     * The stdin line that runs one command.
     *
     * @param marker the shell's marker
     * @param command a command line (built with {@link ShellQuote}), run by {@code sh -c}
     * @return the line, ending with a newline
     */
    public static String request(String marker, String command) {
        return ShellQuote.command("sh", "-c", command) + " </dev/null; printf '%s %d\\n' " + marker + " \"$?\"; printf '%s\\n' "
                + marker + " >&2\n";
    }

    /**
     * For emulated devices: the marker of a bootstrap line.
     *
     * @param execLine an exec request's command line
     * @return the marker when the line is exactly {@link #bootstrap(String)} for it
     */
    public static Optional<String> parseBootstrap(String execLine) {
        Matcher m = READY.matcher(execLine);
        return m.find() && execLine.equals(bootstrap(m.group(1))) ? Optional.of(m.group(1)) : Optional.empty();
    }

    /**
     * For emulated devices: the {@code sh -c …} part of a request line.
     *
     * @param marker the shell's marker
     * @param line one stdin line, without its newline
     * @return the {@code sh -c QUOTED} command line when {@code line} is a {@link #request} of this shell
     */
    public static Optional<String> parseRequest(String marker, String line) {
        String suffix = request(marker, "").substring(ShellQuote.command("sh", "-c", "").length());
        suffix = suffix.substring(0, suffix.length() - 1);
        if (!line.startsWith("sh -c ") || !line.endsWith(suffix)) {
            return Optional.empty();
        }
        return Optional.of(line.substring(0, line.length() - suffix.length()));
    }
}
