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
 * {@code step_<id>} that prints its title and runs its actions with {@code set -e} semantics. The
 * command lines come from {@link CommandForms}, the same the SSH engine runs.
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
        String id = step.id();
        StringBuilder sb = new StringBuilder(5 + id.length()).append("step_");
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            boolean nameChar = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
            sb.append(nameChar ? c : '_'); // [^A-Za-z0-9_] → _
        }
        return sb.toString();
    }

    /** Renders every step as functions (in order). */
    public static String functions(List<InstallStep> steps) {
        StringBuilder sb = new StringBuilder();
        for (InstallStep s : steps) {
            sb.append(function(s)).append('\n');
        }
        return sb.toString();
    }

    private static void render(Action a, String ind, StringBuilder sb) {
        if (a instanceof Command c) {
            sb.append(ind).append(CommandForms.command(c)).append(c.mayFail() ? " || true\n" : "\n");
        } else if (a instanceof MakeDir d) {
            lines(CommandForms.makeDir(d), ind, sb);
        } else if (a instanceof PutFile p) {
            lines(CommandForms.putFile(p), ind, sb);
        } else if (a instanceof CheckReadable r) {
            sb.append(ind).append(CommandForms.checkReadable(r)).append(" || fail ")
                    .append(ShellQuote.quote(r.user() + " cannot read " + r.path()
                            + " (check the mode of the file and that every parent directory is executable for it)"))
                    .append('\n');
        } else if (a instanceof BackupIfPresent b) {
            sb.append(ind).append("if ").append(CommandForms.exists(b.path())).append("; then ")
                    .append(CommandForms.copyPreserving(b.path(), b.backup())).append("; fi\n");
        } else if (a instanceof MarkIfDiffers m) {
            sb.append(ind).append("if ! ").append(CommandForms.same(m.source(), m.target())).append("; then ")
                    .append(CommandForms.setFlag(m.flag())).append("; fi\n");
        } else if (a instanceof WhenFlag w) {
            sb.append(ind).append("if ").append(CommandForms.exists(CommandForms.flagPath(w.flag()))).append("; then\n");
            for (Action inner : w.actions()) {
                render(inner, ind + "  ", sb);
            }
            sb.append(ind).append("  ").append(CommandForms.clearFlag(w.flag())).append('\n');
            sb.append(ind).append("fi\n");
        } else if (a instanceof Action.MergeJson m) {
            mergeJson(m, ind, sb);
        } else if (a instanceof CheckHostname h) {
            sb.append(ind).append("check_hostname ").append(ShellQuote.quote(h.planned())).append('\n');
        } else if (a instanceof ApplyConfig c) {
            sb.append(ind).append("if ! ").append(CommandForms.apply(c.config())).append("; then\n");
            sb.append(ind).append("  if ").append(CommandForms.exists(c.backup())).append("; then\n");
            sb.append(ind).append("    say 'config apply failed: restoring the previous config.toml'\n");
            sb.append(ind).append("    ").append(CommandForms.copyPreserving(c.backup(), c.config())).append('\n');
            sb.append(ind).append("    ").append(CommandForms.apply(c.config())).append(" || true\n");
            sb.append(ind).append("  fi\n");
            sb.append(ind).append("  fail 'iotedge config apply rejected the new configuration (see above)'\n");
            sb.append(ind).append("fi\n");
        } else if (a instanceof Probe p && (p.kind() == Action.ProbeKind.CHECK_TEXT
                || p.kind() == Action.ProbeKind.CHECK_JSON && p.fallback() != null && p.fallback().kind() == Action.ProbeKind.CHECK_TEXT)) {
            // On the device a technician reads the text form (every runtime version prints it); the SSH
            // engine parses the JSON form and falls back to the text form on runtimes without it.
            Probe text = p.kind() == Action.ProbeKind.CHECK_TEXT ? p : p.fallback();
            sb.append(ind).append("if ! ").append(ShellQuote.command(text.argv()))
                    .append(" </dev/null; then warn 'iotedge check reported errors (see above)'; fi\n");
        } else if (a instanceof Probe p && p.kind() == Action.ProbeKind.S_CLIENT) {
            // Show the parent's certificate and the verification result; warn unless it verifies.
            sb.append(ind).append("tls=$(").append(ShellQuote.command(p.argv())).append(" </dev/null 2>&1 || true)\n");
            sb.append(ind).append("printf '%s\\n' \"$tls\" | grep -E '^(subject|issuer)=|Verify return code' || true\n");
            sb.append(ind).append("case \"$tls\" in *'Verify return code: 0 (ok)'*) ;; *) warn ")
                    .append(ShellQuote.quote("the parent's TLS certificate did not verify: " + String.join(" ", p.argv())))
                    .append(" ;; esac\n");
        } else if (a instanceof Probe p) {
            sb.append(ind).append(ShellQuote.command(p.argv())).append(" </dev/null || true\n");
        } else {
            throw new IllegalArgumentException("unknown action " + a);
        }
    }

    /**
     * install.sh has no JSON tool on the device (no jq, no python): it writes the file only when it is
     * absent or empty, says so when the file already holds the keys ({@code json_holds}: the compact
     * {@code "key":value} texts appear in the file once its whitespace is removed), and otherwise
     * leaves the file unchanged with a warning that prints the exact JSON to add (ADR 0420).
     */
    private static void mergeJson(Action.MergeJson m, String ind, StringBuilder sb) {
        var patch = JsonMerge.patch(m.patch());
        String keys = String.join(", ", JsonMerge.keys(patch));
        String dir = m.target().substring(0, Math.max(1, m.target().lastIndexOf('/')));
        String staged = "nestedge-merge-" + m.target().substring(m.target().lastIndexOf('/') + 1);
        String json = ShellQuote.quote(JsonMerge.render(patch));
        sb.append(ind).append("if [ ! -s ").append(ShellQuote.quote(m.target())).append(" ]; then\n");
        sb.append(ind).append("  if ").append(CommandForms.exists(m.target())).append("; then ")
                .append(CommandForms.copyPreserving(m.target(), m.backup())).append("; fi\n");
        sb.append(ind).append("  ").append(ShellQuote.command("mkdir", "-p", dir)).append('\n');
        sb.append(ind).append("  printf '%s' ").append(json).append(" > ").append(ShellQuote.quote(staged)).append('\n');
        lines(CommandForms.putFile(new PutFile(staged, m.target(), 0644, "root", "root")), ind + "  ", sb);
        sb.append(ind).append("  say ").append(ShellQuote.quote(m.target() + ": " + keys + " set")).append('\n');
        sb.append(ind).append("elif json_holds ").append(ShellQuote.quote(m.target()));
        for (String f : JsonMerge.fragments(patch)) {
            sb.append(' ').append(ShellQuote.quote(f));
        }
        sb.append("; then\n");
        sb.append(ind).append("  say ").append(ShellQuote.quote(m.target() + " already holds " + keys + ": unchanged"))
                .append('\n');
        sb.append(ind).append("else\n");
        sb.append(ind).append("  warn ").append(ShellQuote.quote(m.target() + " holds other settings and this script has no "
                + "JSON tool to merge into it, so it was left unchanged. Set these keys in it (replace their values, keep "
                + "every other key), then restart the container engine (systemctl restart docker); or commission the "
                + "device over SSH or with Ansible, which merge it:")).append('\n');
        sb.append(ind).append("  printf '%s' ").append(json).append(" >&2\n");
        sb.append(ind).append("fi\n");
    }

    private static void lines(List<String> lines, String ind, StringBuilder sb) {
        for (String l : lines) {
            sb.append(ind).append(l).append('\n');
        }
    }
}
