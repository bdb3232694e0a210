package io.nestedge.commissioning.virtualplant.shell;

import io.nestedge.commissioning.virtualplant.cmd.DockerCommand;
import io.nestedge.commissioning.virtualplant.cmd.IotEdgeCommand;
import io.nestedge.commissioning.virtualplant.cmd.OpensslCommand;
import io.nestedge.commissioning.virtualplant.cmd.SystemctlCommand;
import io.nestedge.commissioning.virtualplant.cmd.TrustStoreCommands;
import io.nestedge.commissioning.virtualplant.runtime.CommandResult;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.List;

/**
 * A small POSIX-ish shell over the virtual device's file system: parses the command lines the
 * commissioning plan sends (words quoted by {@code ShellQuote}; {@code && || ; |}; redirections
 * {@code > >> < 2> 2>&1}) and runs the emulated commands listed in {@link #COMMANDS}. An unknown
 * command answers like dash: {@code sh: 1: X: not found}, exit 127.
 */
public final class ShellInterpreter {
    /** Every command the virtual device knows. */
    public static final List<String> COMMANDS = List.of("sudo", "id", "whoami", "hostname", "cat", "echo", "true", "false",
            "test", "[", "mkdir", "install", "chown", "chmod", "cp", "mv", "rm", "tee", "sha256sum", "stat", "df", "ls",
            "uname", "command", "which", "iotedge", "docker", "systemctl", "update-ca-certificates", "update-ca-trust",
            "openssl", "sh", "bash", "cd", "runuser", "cmp", "touch", "namei");

    private ShellInterpreter() {
    }

    /**
     * Runs one command line as the session's login user.
     *
     * @param s the session
     * @param line the command line
     * @param stdin everything the client sent on standard input (read before running)
     * @return combined result of the last pipeline (stdout/stderr of every command)
     */
    public static CommandResult execute(Session s, String line, byte[] stdin) {
        return execute(s, s.loginUser(), line, stdin);
    }

    /**
     * Runs one command line as {@code user} ({@code sh -c} under {@code sudo} runs it as root). A
     * {@code cd DIR} changes the working directory for the rest of the line.
     *
     * @param s0 the session
     * @param user the user the commands run as
     * @param line the command line
     * @param stdin standard input
     * @return combined result of the last pipeline
     */
    static CommandResult execute(Session s0, String user, String line, byte[] stdin) {
        Session s = s0;
        List<ShellParser.Pipeline> pipelines;
        try {
            pipelines = ShellParser.parse(ShellTokenizer.tokenize(line));
        } catch (ShellSyntaxException e) {
            return CommandResult.fail(2, "sh: 1: Syntax error: " + e.getMessage());
        }
        StringBuilder out = new StringBuilder();
        StringBuilder err = new StringBuilder();
        int status = 0;
        byte[] input = stdin;
        for (ShellParser.Pipeline p : pipelines) {
            if (p.joiner().equals("&&") && status != 0 || p.joiner().equals("||") && status == 0) {
                continue;
            }
            byte[] pipeIn = input;
            input = remainingAfter(p, input);
            List<String> first = p.commands().get(0).words();
            if (p.commands().size() == 1 && first.get(0).equals("cd")) {
                String dir = s.abs(first.size() > 1 ? first.get(1) : "/root");
                if (!java.nio.file.Files.isDirectory(s.fs().path(dir)) || !s.fs().canSearch(user, s.fs().path(dir))) {
                    err.append("sh: 1: cd: can't cd to ").append(first.size() > 1 ? first.get(1) : "").append('\n');
                    status = 2;
                } else {
                    s = new Session(s.ctx(), s.loginUser(), s.sudoPassword(), dir);
                    status = 0;
                }
                continue;
            }
            CommandResult last = null;
            for (int i = 0; i < p.commands().size(); i++) {
                last = runRedirected(s, user, p.commands().get(i), pipeIn);
                err.append(last.stderr());
                pipeIn = last.stdout().getBytes(StandardCharsets.UTF_8);
                if (i == p.commands().size() - 1) {
                    out.append(last.stdout());
                }
            }
            status = last == null ? 0 : last.exitCode();
        }
        return new CommandResult(status, out.toString(), err.toString());
    }

    private static CommandResult runRedirected(Session s, String user, ShellParser.Command c, byte[] stdin) {
        byte[] in = stdin;
        for (ShellParser.Redirect r : c.redirects()) {
            if (r.op().equals("<")) {
                try {
                    in = r.target().equals("/dev/null") ? new byte[0]
                            : Files.readAllBytes(FileCommands.readable(s, user, r.target(), "sh"));
                } catch (FileCommands.CmdError | IOException e) {
                    return CommandResult.fail(2, "sh: 1: cannot open " + r.target() + ": No such file");
                }
            }
        }
        CommandResult res = run(s, user, c.words(), in);
        String out = res.stdout();
        String err = res.stderr();
        for (ShellParser.Redirect r : c.redirects()) {
            try {
                switch (r.op()) {
                    case "2>&1" -> {
                        out = out + err;
                        err = "";
                    }
                    case ">", ">>" -> {
                        redirectTo(s, user, r.target(), out, r.op().equals(">>"));
                        out = "";
                    }
                    case "2>", "2>>" -> {
                        redirectTo(s, user, r.target(), err, r.op().equals("2>>"));
                        err = "";
                    }
                    default -> { }
                }
            } catch (FileCommands.CmdError e) {
                return CommandResult.fail(2, "sh: 1: cannot create " + r.target() + ": Permission denied");
            }
        }
        return new CommandResult(res.exitCode(), out, err);
    }

    private static void redirectTo(Session s, String user, String target, String text, boolean append) throws FileCommands.CmdError {
        if (target.equals("/dev/null")) {
            return;
        }
        FileCommands.write(s, user, s.abs(target), text.getBytes(StandardCharsets.UTF_8), append, "sh");
    }

    /** Runs one command's words as {@code user}. */
    static CommandResult run(Session s, String user, List<String> words, byte[] stdin) {
        String cmd = words.get(0);
        List<String> a = words.subList(1, words.size());
        return switch (cmd) {
            case "sudo" -> sudo(s, user, a, stdin);
            case "id" -> InfoCommands.id(user, a);
            case "whoami" -> CommandResult.ok(user + "\n");
            case "hostname" -> CommandResult.ok(s.ctx().machineHostname() + "\n");
            case "cat" -> InfoCommands.cat(s, user, a, stdin);
            case "echo" -> InfoCommands.echo(a);
            case "true" -> CommandResult.ok("");
            case "false" -> new CommandResult(1, "", "");
            case "test", "[" -> InfoCommands.test(s, user, a);
            case "mkdir" -> FileCommands.mkdir(s, user, a);
            case "install" -> FileCommands.install(s, user, a);
            case "chown" -> FileCommands.chown(s, user, a);
            case "chmod" -> FileCommands.chmod(s, user, a);
            case "cp" -> FileCommands.cp(s, user, a);
            case "mv" -> FileCommands.mv(s, user, a);
            case "rm" -> FileCommands.rm(s, user, a);
            case "tee" -> FileCommands.tee(s, user, a, stdin);
            case "sha256sum" -> InfoCommands.sha256sum(s, user, a, stdin);
            case "stat" -> InfoCommands.stat(s, a);
            case "df" -> InfoCommands.df(s, a);
            case "ls" -> InfoCommands.ls(s, user, a);
            case "uname" -> CommandResult.ok(a.contains("-a") ? "Linux " + s.ctx().machineHostname()
                    + " 5.15.0-nestedge-virtual #1 SMP x86_64 GNU/Linux\n" : "Linux\n");
            case "command", "which" -> which(a);
            case "iotedge" -> IotEdgeCommand.run(s.ctx(), user, a);
            case "docker" -> DockerCommand.run(s.ctx(), user, a);
            case "systemctl" -> SystemctlCommand.run(s.ctx(), user, a);
            case "update-ca-certificates" -> TrustStoreCommands.updateCaCertificates(s.fs(), user);
            case "update-ca-trust" -> TrustStoreCommands.updateCaTrust(s.fs(), user);
            case "openssl" -> !a.isEmpty() && a.get(0).equals("cms") ? ExtraCommands.cmsVerify(s, user, a) : OpensslCommand.run(s.ctx(), a);
            case "sh", "bash" -> ExtraCommands.shDashC(s, user, cmd, a, stdin);
            case "runuser" -> ExtraCommands.runuser(s, user, a, stdin);
            case "cmp" -> ExtraCommands.cmp(s, user, a);
            case "touch" -> ExtraCommands.touch(s, user, a);
            case "namei" -> ExtraCommands.namei(s, a);
            default -> CommandResult.fail(127, "sh: 1: " + cmd + ": not found");
        };
    }

    private static CommandResult which(List<String> a) {
        List<String> names = a.stream().filter(x -> !x.startsWith("-")).toList();
        StringBuilder out = new StringBuilder();
        boolean all = true;
        for (String n : names) {
            if (COMMANDS.contains(n) && !n.equals("[")) {
                out.append("/usr/bin/").append(n).append('\n');
            } else {
                all = false;
            }
        }
        return new CommandResult(all ? 0 : 1, out.toString(), "");
    }

    /**
     * {@code sudo [-S] [-k] [-n] [-p PROMPT] [-u USER] [--] CMD…}: with {@code -S} the password is the
     * first line of standard input (the rest goes to the command); without it there is no terminal to
     * ask on, as in an SSH exec channel.
     */
    private static CommandResult sudo(Session s, String user, List<String> a, byte[] stdin) {
        boolean readStdin = false;
        String target = "root";
        int i = 0;
        while (i < a.size() && a.get(i).startsWith("-")) {
            String o = a.get(i++);
            if (o.equals("--")) {
                break;
            }
            if (o.equals("-p") || o.equals("-u")) {
                if (i >= a.size()) {
                    return CommandResult.fail(1, "sudo: option requires an argument -- '" + o.charAt(1) + "'");
                }
                String v = a.get(i++);
                if (o.equals("-u")) {
                    target = v;
                }
            } else if (o.indexOf('S') > 0) {
                readStdin = true;
            }
        }
        List<String> rest = a.subList(Math.min(i, a.size()), a.size());
        if (rest.isEmpty()) {
            return CommandResult.fail(1, "usage: sudo -h | -K | -k | -V");
        }
        if ("root".equals(user)) {
            return run(s, target, rest, stdin);
        }
        if (!user.equals(s.loginUser())) {
            return CommandResult.fail(1, user + " is not in the sudoers file.  This incident will be reported.");
        }
        if (!readStdin) {
            return CommandResult.fail(1, "sudo: a terminal is required to read the password; either use the -S option to"
                    + " read from standard input or configure an askpass helper\nsudo: a password is required");
        }
        int nl = indexOf(stdin, (byte) '\n');
        String pw = new String(stdin, 0, nl < 0 ? stdin.length : nl, StandardCharsets.UTF_8).replace("\r", "");
        byte[] remaining = nl < 0 ? new byte[0] : Arrays.copyOfRange(stdin, nl + 1, stdin.length);
        if (s.sudoPassword() == null || !s.sudoPassword().equals(pw)) {
            return CommandResult.fail(1, "Sorry, try again.\nsudo: no password was provided\nsudo: 1 incorrect password attempt");
        }
        return run(s, target, rest, remaining);
    }

    private static int indexOf(byte[] b, byte x) {
        for (int i = 0; i < b.length; i++) {
            if (b[i] == x) {
                return i;
            }
        }
        return -1;
    }

    /** What is left of the standard input after a pipeline's first command took its part. */
    private static byte[] remainingAfter(ShellParser.Pipeline p, byte[] input) {
        StdinNeed need = need(p.commands().get(0));
        if (need == StdinNeed.ALL) {
            return new byte[0];
        }
        if (need == StdinNeed.LINE) {
            int nl = indexOf(input, (byte) '\n');
            return nl < 0 ? new byte[0] : Arrays.copyOfRange(input, nl + 1, input.length);
        }
        return input;
    }

    /** How much standard input a command line consumes. */
    public enum StdinNeed {
        /** Nothing: the channel's input is not read. */ NONE,
        /** One line (the password for {@code sudo -S}). */ LINE,
        /** Everything until EOF ({@code tee}, {@code cat} without files, {@code sha256sum -c} without a file). */ ALL
    }

    /**
     * Decides how much of the channel's input to read before running {@code line}, so a client that
     * keeps its input open does not block a command that reads none.
     */
    public static StdinNeed stdinNeed(String line) {
        List<ShellParser.Pipeline> pipelines;
        try {
            pipelines = ShellParser.parse(ShellTokenizer.tokenize(line));
        } catch (ShellSyntaxException e) {
            return StdinNeed.NONE;
        }
        StdinNeed need = StdinNeed.NONE;
        for (ShellParser.Pipeline p : pipelines) {
            StdinNeed n = need(p.commands().get(0));
            if (n == StdinNeed.ALL) {
                return n;
            }
            if (n == StdinNeed.LINE) {
                need = n;
            }
        }
        return need;
    }

    private static StdinNeed need(ShellParser.Command c) {
        List<String> w = c.words();
        StdinNeed need = StdinNeed.NONE;
        int k = 0;
        if (w.get(0).equals("sudo")) {
            k = 1;
            while (k < w.size() && w.get(k).startsWith("-")) {
                if (w.get(k).matches("-[a-zA-Z]*S[a-zA-Z]*")) {
                    need = StdinNeed.LINE;
                }
                k += w.get(k).equals("-p") || w.get(k).equals("-u") ? 2 : 1;
            }
        }
        if (k < w.size()) {
            List<String> args = w.subList(k + 1, w.size());
            String cmd = w.get(k);
            boolean files = args.stream().anyMatch(x -> !x.startsWith("-"));
            if (cmd.equals("tee") || (cmd.equals("cat") && !files)
                    || (cmd.equals("sha256sum") && args.contains("-c") && !files)) {
                return StdinNeed.ALL;
            }
        }
        return need;
    }

    /** Reads all of a stream (helper for the SSH exec command). */
    public static byte[] readAll(java.io.InputStream in, int limit) throws IOException {
        ByteArrayOutputStream bo = new ByteArrayOutputStream();
        byte[] buf = new byte[8192];
        int n;
        while ((n = in.read(buf)) >= 0) {
            bo.write(buf, 0, n);
            if (bo.size() > limit) {
                throw new IOException("standard input larger than " + limit + " bytes");
            }
        }
        return bo.toByteArray();
    }
}
