package io.nestedge.commissioning.virtualplant;

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
