package io.nestedge.model.steps;

import io.nestedge.model.shell.ShellQuote;
import io.nestedge.model.steps.Action.ApplyConfig;
import io.nestedge.model.steps.Action.BackupIfPresent;
import io.nestedge.model.steps.Action.CheckHostname;
import io.nestedge.model.steps.Action.CheckReadable;
import io.nestedge.model.steps.Action.Command;
import io.nestedge.model.steps.Action.MakeDir;
import io.nestedge.model.steps.Action.MarkIfDiffers;
import io.nestedge.model.steps.Action.Probe;
import io.nestedge.model.steps.Action.PutFile;
import io.nestedge.model.steps.Action.WhenFlag;
import java.util.List;

/**
 * Renders install steps as bash for {@code install.sh}: each step becomes a shell function
 * {@code step_<id>} that prints its title and runs its actions with {@code set -e} semantics. Every
 * word from the plant (paths, hostnames, device IDs) goes through {@link ShellQuote}.
 */
public final class BashRenderer {
    private BashRenderer() {
    }

    /**
     * Renders one step as a bash function.
     *
     * @param step the step
     * @return {@code step_<id>() { … }} followed by a newline
     */
    public static String function(InstallStep step) {
        StringBuilder sb = new StringBuilder();
        sb.append(functionName(step)).append("() {\n");
        sb.append("  say ").append(ShellQuote.quote("== " + step.title())).append('\n');
        for (Action a : step.actions()) {
            render(a, "  ", sb);
        }
        sb.append("}\n");
        return sb.toString();
    }

    /** The bash function name of a step: {@code step_} + ID with {@code -} as {@code _}. */
    public static String functionName(InstallStep step) {
        return "step_" + step.id().replaceAll("[^A-Za-z0-9_]", "_");
    }

    private static void render(Action a, String ind, StringBuilder sb) {
        if (a instanceof Command c) {
            sb.append(ind).append(ShellQuote.command(c.argv()));
            sb.append(c.mayFail() ? " || true\n" : "\n");
        } else if (a instanceof MakeDir d) {
            sb.append(ind).append(ShellQuote.command("install", "-d", "-m", octal(d.mode()), "-o", d.owner(), "-g",
                    d.group(), d.path())).append('\n');
            // install -d leaves an existing directory's mode alone on some systems: enforce it (F19).
            sb.append(ind).append(ShellQuote.command("chmod", octal(d.mode()), d.path())).append('\n');
            sb.append(ind).append(ShellQuote.command("chown", d.owner() + ":" + d.group(), d.path())).append('\n');
        } else if (a instanceof PutFile p) {
            String tmp = p.target() + ".nestedge-new";
            sb.append(ind).append(ShellQuote.command("install", "-m", octal(p.mode()), "-o", p.owner(), "-g", p.group(),
                    p.source(), tmp)).append('\n');
            sb.append(ind).append(ShellQuote.command("mv", "-f", tmp, p.target())).append('\n');
        } else if (a instanceof CheckReadable r) {
            sb.append(ind).append("runuser -u ").append(ShellQuote.quote(r.user())).append(" -- test -r ")
                    .append(ShellQuote.quote(r.path())).append(" || fail ")
                    .append(ShellQuote.quote(r.user() + " cannot read " + r.path()
                            + " (check the mode of the file and that every parent directory is executable for it)"))
                    .append('\n');
        } else if (a instanceof BackupIfPresent b) {
            sb.append(ind).append("if [ -e ").append(ShellQuote.quote(b.path())).append(" ]; then ")
                    .append(ShellQuote.command("cp", "-p", b.path(), b.backup())).append("; fi\n");
        } else if (a instanceof MarkIfDiffers m) {
            sb.append(ind).append("if ! cmp -s ").append(ShellQuote.quote(m.source())).append(' ')
                    .append(ShellQuote.quote(m.target())).append("; then ")
                    .append(ShellQuote.command("mkdir", "-p", InstallSteps.FLAG_DIR)).append(" && ")
                    .append(ShellQuote.command("touch", InstallSteps.FLAG_DIR + "/" + m.flag())).append("; fi\n");
        } else if (a instanceof WhenFlag w) {
            String flag = InstallSteps.FLAG_DIR + "/" + w.flag();
            sb.append(ind).append("if [ -e ").append(ShellQuote.quote(flag)).append(" ]; then\n");
            for (Action inner : w.actions()) {
                render(inner, ind + "  ", sb);
            }
            sb.append(ind).append("  ").append(ShellQuote.command("rm", "-f", flag)).append('\n');
            sb.append(ind).append("fi\n");
        } else if (a instanceof CheckHostname h) {
            sb.append(ind).append("check_hostname ").append(ShellQuote.quote(h.planned())).append('\n');
        } else if (a instanceof ApplyConfig c) {
            sb.append(ind).append("if ! ").append(ShellQuote.command("iotedge", "config", "apply", "-c", c.config()))
                    .append("; then\n");
            sb.append(ind).append("  if [ -e ").append(ShellQuote.quote(c.backup())).append(" ]; then\n");
            sb.append(ind).append("    say 'config apply failed: restoring the previous config.toml'\n");
            sb.append(ind).append("    ").append(ShellQuote.command("cp", "-p", c.backup(), c.config())).append('\n');
            sb.append(ind).append("    ").append(ShellQuote.command("iotedge", "config", "apply", "-c", c.config()))
                    .append(" || true\n");
            sb.append(ind).append("  fi\n");
            sb.append(ind).append("  fail 'iotedge config apply rejected the new configuration (see above)'\n");
            sb.append(ind).append("fi\n");
        } else if (a instanceof Probe p && p.kind() == Action.ProbeKind.CHECK_JSON) {
            // On the device a technician reads the text form; the SSH engine parses the JSON form.
            sb.append(ind).append("if ! iotedge check --verbose </dev/null; then warn 'iotedge check reported errors (see above)'; fi\n");
        } else if (a instanceof Probe p) {
            sb.append(ind).append(ShellQuote.command(p.argv())).append(" </dev/null || true\n");
        } else {
            throw new IllegalArgumentException("unknown action " + a);
        }
    }

    /** Octal mode as {@code install}/{@code chmod} take it, e.g. 0644 → "644". */
    static String octal(int mode) {
        return Integer.toOctalString(mode);
    }

    /** Renders every step as functions (in order). */
    public static String functions(List<InstallStep> steps) {
        StringBuilder sb = new StringBuilder();
        for (InstallStep s : steps) {
            sb.append(function(s)).append('\n');
        }
        return sb.toString();
    }
}
