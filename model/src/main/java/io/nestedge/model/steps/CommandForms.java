package io.nestedge.model.steps;

import io.nestedge.model.shell.ShellQuote;
import java.util.List;

/**
 * The exact shell command lines of the simple actions, shared by {@code install.sh}
 * ({@link BashRenderer}) and the SSH commissioning engine, so both run byte-identical commands.
 * Every word goes through {@link ShellQuote}.
 */
public final class CommandForms {
    private CommandForms() {
    }

    /** The command line of a {@link Action.Command} (without the may-fail handling). */
    public static String command(Action.Command c) {
        return ShellQuote.command(c.argv());
    }

    /**
     * Creates or fixes a directory: {@code install -d} creates it, {@code chmod}/{@code chown}
     * enforce mode and owner on an existing one (field case F19).
     */
    public static List<String> makeDir(Action.MakeDir d) {
        return List.of(
                ShellQuote.command("install", "-d", "-m", octal(d.mode()), "-o", d.owner(), "-g", d.group(), d.path()),
                ShellQuote.command("chmod", octal(d.mode()), d.path()),
                ShellQuote.command("chown", d.owner() + ":" + d.group(), d.path()));
    }

    /** Installs a file next to its target with owner and mode, then renames it over the target. */
    public static List<String> putFile(Action.PutFile p) {
        String tmp = p.target() + ".nestedge-new";
        return List.of(
                ShellQuote.command("install", "-m", octal(p.mode()), "-o", p.owner(), "-g", p.group(), p.source(), tmp),
                ShellQuote.command("mv", "-f", tmp, p.target()));
    }

    /** Exit 0 when the user can read the path through every parent directory (F19, F20). */
    public static String checkReadable(Action.CheckReadable r) {
        return ShellQuote.command("runuser", "-u", r.user(), "--", "test", "-r", r.path());
    }

    /** Exit 0 when the path exists. */
    public static String exists(String path) {
        return ShellQuote.command("test", "-e", path);
    }

    /** Copies a file keeping mode, owner and times. */
    public static String copyPreserving(String from, String to) {
        return ShellQuote.command("cp", "-p", from, to);
    }

    /** Exit 0 when the two files have identical content. */
    public static String same(String a, String b) {
        return ShellQuote.command("cmp", "-s", a, b);
    }

    /** Path of a flag file. */
    public static String flagPath(String flag) {
        return InstallSteps.FLAG_DIR + "/" + flag;
    }

    /** Sets a flag (creates its file). */
    public static String setFlag(String flag) {
        return ShellQuote.command("mkdir", "-p", InstallSteps.FLAG_DIR) + " && " + ShellQuote.command("touch", flagPath(flag));
    }

    /** Clears a flag. */
    public static String clearFlag(String flag) {
        return ShellQuote.command("rm", "-f", flagPath(flag));
    }

    /** {@code iotedge config apply -c CONFIG}. */
    public static String apply(String config) {
        return ShellQuote.command("iotedge", "config", "apply", "-c", config);
    }

    /** Octal mode as {@code install}/{@code chmod} take it, e.g. 0644 → "644". */
    public static String octal(int mode) {
        return Integer.toOctalString(mode);
    }
}
