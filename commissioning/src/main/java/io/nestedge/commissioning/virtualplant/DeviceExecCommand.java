package io.nestedge.commissioning.virtualplant;

import io.nestedge.commissioning.ssh.RootShellProtocol;
import io.nestedge.commissioning.virtualplant.runtime.CommandResult;
import io.nestedge.commissioning.virtualplant.shell.Session;
import io.nestedge.commissioning.virtualplant.shell.ShellInterpreter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import org.apache.sshd.server.Environment;
import org.apache.sshd.server.ExitCallback;
import org.apache.sshd.server.channel.ChannelSession;
import org.apache.sshd.server.command.Command;

/**
 * An SSH exec request on a virtual device: reads as much standard input as the command line needs
 * ({@link ShellInterpreter#stdinNeed}), runs it with {@link ShellInterpreter} as the login user, and
 * returns output and exit status.
 */
final class DeviceExecCommand implements Command {
    private static final int MAX_STDIN = 16 * 1024 * 1024;
    private final String line;
    private final java.util.function.Function<String, Session> sessions;
    private InputStream in;
    private OutputStream out;
    private OutputStream err;
    private ExitCallback exit;
    private Thread thread;

    DeviceExecCommand(String line, java.util.function.Function<String, Session> sessions) {
        this.line = line;
        this.sessions = sessions;
    }

    @Override
    public void setInputStream(InputStream in) {
        this.in = in;
    }

    @Override
    public void setOutputStream(OutputStream out) {
        this.out = out;
    }

    @Override
    public void setErrorStream(OutputStream err) {
        this.err = err;
    }

    @Override
    public void setExitCallback(ExitCallback callback) {
        this.exit = callback;
    }

    @Override
    public void start(ChannelSession channel, Environment env) {
        String user = channel.getSession().getUsername();
        java.util.Optional<String> rootShell = RootShellProtocol.parseBootstrap(line);
        if (rootShell.isPresent()) {
            thread = new Thread(() -> exit.onExit(rootShell(sessions.apply(user), rootShell.get())), "virtual-device-root-shell");
            thread.setDaemon(true);
            thread.start();
            return;
        }
        thread = new Thread(() -> {
            int code;
            try {
                byte[] stdin = switch (ShellInterpreter.stdinNeed(line)) {
                    case NONE -> new byte[0];
                    case LINE -> readLine(in);
                    case ALL -> ShellInterpreter.readAll(in, MAX_STDIN);
                };
                CommandResult r = ShellInterpreter.execute(sessions.apply(user), line, stdin);
                out.write(r.stdout().getBytes(StandardCharsets.UTF_8));
                out.flush();
                err.write(r.stderr().getBytes(StandardCharsets.UTF_8));
                err.flush();
                code = r.exitCode();
            } catch (IOException | RuntimeException e) {
                try {
                    err.write(("sh: 1: " + e.getMessage() + "\n").getBytes(StandardCharsets.UTF_8));
                    err.flush();
                } catch (IOException ignored) {
                    // channel gone
                }
                code = 1;
            }
            exit.onExit(code);
        }, "virtual-device-exec");
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * The engine's root shell ({@link RootShellProtocol}): like {@code sudo -S}, it writes the prompt
     * to stderr and reads the password from the next stdin line (a root login is not asked), checked
     * by running {@code sudo -S -k -p '' true} with it; then every request line runs as
     * {@code sudo -S -k -p '' sh -c …} with that password, exactly as one exec request per command
     * would, followed by the markers.
     *
     * @return the shell's exit code
     */
    private int rootShell(Session session, String marker) {
        try {
            byte[] pw = new byte[0];
            if (!"root".equals(session.loginUser())) {
                writeFlush(err, RootShellProtocol.prompt(marker));
                pw = readLine(in);
            }
            CommandResult auth = ShellInterpreter.execute(session, "sudo -S -k -p '' true", pw);
            if (auth.exitCode() != 0) {
                writeFlush(err, auth.stderr());
                return auth.exitCode();
            }
            writeFlush(out, RootShellProtocol.ready(marker));
            StringBuilder pending = new StringBuilder();
            while (true) {
                byte[] l = readLine(in);
                if (l.length == 0) {
                    return 0;
                }
                pending.append(new String(l, StandardCharsets.UTF_8));
                String text = pending.toString();
                if (!text.endsWith("\n")) {
                    continue;
                }
                java.util.Optional<String> sh = RootShellProtocol.parseRequest(marker, text.substring(0, text.length() - 1));
                if (sh.isEmpty()) {
                    continue;   // a quoted newline inside the command: read on
                }
                pending.setLength(0);
                CommandResult r = ShellInterpreter.execute(session, "sudo -S -k -p '' " + sh.get(), pw);
                writeFlush(out, r.stdout() + marker + " " + r.exitCode() + "\n");
                writeFlush(err, r.stderr() + marker + "\n");
            }
        } catch (IOException | RuntimeException e) {
            try {
                writeFlush(err, "sh: 1: " + e.getMessage() + "\n");
            } catch (IOException ignored) {
                // channel gone
            }
            return 1;
        }
    }

    private static void writeFlush(OutputStream s, String text) throws IOException {
        s.write(text.getBytes(StandardCharsets.UTF_8));
        s.flush();
    }

    private static byte[] readLine(InputStream in) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        int c;
        while ((c = in.read()) >= 0) {
            b.write(c);
            if (c == '\n' || b.size() > 4096) {
                break;
            }
        }
        return b.toByteArray();
    }

    @Override
    public void destroy(ChannelSession channel) {
        if (thread != null) {
            thread.interrupt();
        }
    }
}
