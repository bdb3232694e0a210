package io.nestedge.commissioning.ssh;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import org.apache.sshd.client.channel.ChannelExec;
import org.apache.sshd.client.session.ClientSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One long-lived root shell on an SSH session ({@link RootShellProtocol}): sudo authenticates once
 * ({@code sudo -S -k}; the password goes on stdin only after sudo's prompt, never on a command line
 * or in a log), then every {@link #run} is one line on the shell's stdin instead of one SSH channel, one
 * login shell and one sudo authentication per command. Each command still runs as a fresh
 * {@code sh -c COMMAND} with empty stdin, its stdout and stderr kept apart, and its exit status
 * returned. A command that outlives its timeout closes the
 * shell (the next {@code run} needs a new one). Thread-safe; commands run one at a time.
 */
public final class RootShell implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RootShell.class);

    private final Hop device;
    private final ChannelExec channel;
    private final OutputStream stdin;
    private final Streams streams;
    private final byte[] marker;

    private RootShell(Hop device, ChannelExec channel, OutputStream stdin, Streams streams, String marker) {
        this.device = device;
        this.channel = channel;
        this.stdin = stdin;
        this.streams = streams;
        this.marker = marker.getBytes(StandardCharsets.US_ASCII);
    }

    /**
     * Starts a root shell and waits until sudo let it in.
     *
     * @param session the device's authenticated session
     * @param device the device (for messages)
     * @param sudoPassword the login user's sudo password (not modified; clear it yourself)
     * @param timeout how long opening and authenticating may take
     * @return the ready shell
     * @throws SudoException WRONG_PASSWORD, NOT_ALLOWED or NOT_INSTALLED
     * @throws RemoteTimeoutException when the shell is not ready in time
     * @throws RemoteAccessException when the channel cannot be opened or the shell ends
     */
    static RootShell open(ClientSession session, Hop device, char[] sudoPassword, Duration timeout)
            throws RemoteAccessException {
        String marker = RootShellProtocol.newMarker();
        long deadline = System.nanoTime() + timeout.toNanos();
        Streams streams = new Streams();
        ChannelExec ch = null;
        boolean ok = false;
        try {
            ch = session.createExecChannel(RootShellProtocol.bootstrap(marker));
            ch.setOut(streams.out);
            ch.setErr(streams.err);
            if (!ch.open().await(timeout)) {
                throw new RemoteTimeoutException("Opening a root shell on " + device, timeout);
            }
            RootShell shell = new RootShell(device, ch, ch.getInvertedIn(), streams, marker);
            shell.awaitReady(marker, sudoPassword, deadline, timeout);
            ok = true;
            LOG.debug("{}: root shell open", device);
            return shell;
        } catch (RemoteAccessException e) {
            throw e;
        } catch (IOException e) {
            throw new RemoteAccessException("Starting a root shell on " + device + " failed: " + e.getMessage(), e);
        } finally {
            if (!ok && ch != null) {
                ch.close(true);
            }
        }
    }

    /**
     * Waits for the ready line; sends the password once, and only when sudo prompted for it (a sudo
     * that needs none must not pass it on to the shell, which would run it as a command line). What
     * sudo wrote before the shell was ready (prompt, lecture) is dropped, not given to the first command.
     */
    private void awaitReady(String markerText, char[] sudoPassword, long deadline, Duration timeout)
            throws RemoteAccessException, IOException {
        byte[] ready = RootShellProtocol.ready(markerText).getBytes(StandardCharsets.US_ASCII);
        byte[] prompt = RootShellProtocol.prompt(markerText).getBytes(StandardCharsets.US_ASCII);
        boolean sent = false;
        while (true) {
            boolean sendNow = false;
            synchronized (streams) {
                if (streams.out.indexOf(ready, 0) >= 0) {
                    streams.out.clear();
                    streams.err.clear();
                    return;
                }
                String err = streams.err.text();
                if (err.contains("Sorry, try again") || err.contains("incorrect password attempt")) {
                    throw new SudoException(SudoException.Reason.WRONG_PASSWORD,
                            "sudo on " + device + " refused the password of user " + device.credentials().user());
                }
                if (err.contains("is not in the sudoers file") || err.contains("is not allowed to")
                        || err.contains("may not run sudo")) {
                    throw new SudoException(SudoException.Reason.NOT_ALLOWED,
                            "user " + device.credentials().user() + " may not use sudo on " + device.address());
                }
                if (!sent && streams.err.indexOf(prompt, 0) >= 0) {
                    streams.err.clear();
                    sendNow = true;
                } else if (channel.isClosing() || channel.isClosed()) {
                    Integer status = channel.getExitStatus();
                    if (err.toLowerCase(Locale.ROOT).contains("sudo") && err.contains("not found")) {
                        throw new SudoException(SudoException.Reason.NOT_INSTALLED, "sudo is not installed on " + device.address());
                    }
                    throw new RemoteAccessException("The root shell on " + device + " ended before it was ready (exit "
                            + status + "): " + err.strip());
                } else {
                    waitOn(deadline, "A root shell on " + device, timeout);
                }
            }
            if (sendNow) {
                // outside the monitor: MINA's reader thread needs it to deliver output
                byte[] pw = encode(sudoPassword);
                try {
                    stdin.write(pw);
                    stdin.write('\n');
                    stdin.flush();
                } finally {
                    Arrays.fill(pw, (byte) 0);
                }
                sent = true;
            }
        }
    }

    /**
     * Runs one command line as root.
     *
     * @param command the command line (built with {@code ShellQuote}), run by {@code sh -c}
     * @param timeout how long it may run; after that the shell is closed
     * @return exit status, stdout and stderr
     * @throws RemoteTimeoutException when the command runs longer than {@code timeout}
     * @throws RemoteAccessException when the shell or the session is gone
     */
    public synchronized ExecResult run(String command, Duration timeout) throws RemoteAccessException {
        LOG.debug("{}: exec (root shell) {}", device, command);
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            stdin.write(RootShellProtocol.request(new String(marker, StandardCharsets.US_ASCII), command)
                    .getBytes(StandardCharsets.UTF_8));
            stdin.flush();
        } catch (IOException e) {
            close();
            throw new RemoteAccessException("Running `" + command + "` on " + device + " failed: the root shell is gone ("
                    + e.getMessage() + ")", e);
        }
        synchronized (streams) {
            while (true) {
                int o = streams.out.indexOf(marker, 0);
                int eol = o < 0 ? -1 : streams.out.indexOf(new byte[] {'\n'}, o);
                int e = streams.err.indexOf(marker, 0);
                int eEol = e < 0 ? -1 : streams.err.indexOf(new byte[] {'\n'}, e);
                if (eol >= 0 && eEol >= 0) {
                    byte[] out = streams.out.take(eol + 1);
                    byte[] err = streams.err.take(eEol + 1);
                    String status = new String(out, o + marker.length, eol - o - marker.length, StandardCharsets.US_ASCII).strip();
                    try {
                        return new ExecResult(Integer.parseInt(status), Arrays.copyOf(out, o), Arrays.copyOf(err, e));
                    } catch (NumberFormatException bad) {
                        close();
                        throw new RemoteAccessException("The root shell on " + device + " printed no exit status for `"
                                + command + "`");
                    }
                }
                if (channel.isClosing() || channel.isClosed()) {
                    if (ConnectionLoss.sessionGone(channel.getSession())) {
                        throw ConnectionLoss.lost(channel.getSession(), device, command);
                    }
                    throw new RemoteAccessException("Running `" + command + "` on " + device + " failed: the root shell ended"
                            + " (exit " + channel.getExitStatus() + ")");
                }
                try {
                    waitOn(deadline, "`" + command + "` on " + device, timeout);
                } catch (RemoteTimeoutException t) {
                    close();
                    throw t;
                }
            }
        }
    }

    private void waitOn(long deadline, String what, Duration timeout) throws RemoteTimeoutException {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
            throw new RemoteTimeoutException(what, timeout);
        }
        try {
            // Woken by output; the channel's close is polled (MINA closes without touching our streams).
            streams.wait(Math.max(1, Math.min(50, left / 1_000_000)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RemoteTimeoutException(what + " (interrupted)", timeout);
        }
    }

    /** Whether the shell can still take commands. */
    public boolean isOpen() {
        return channel.isOpen() && !channel.isClosing();
    }

    /** Ends the shell (closes its channel; a running command loses its pipes). */
    @Override
    public void close() {
        channel.close(true);
    }

    private static byte[] encode(char[] chars) {
        ByteBuffer bb = StandardCharsets.UTF_8.encode(CharBuffer.wrap(chars));
        byte[] out = new byte[bb.remaining()];
        bb.get(out);
        if (bb.hasArray()) {
            Arrays.fill(bb.array(), (byte) 0);
        }
        return out;
    }

    /** The shell's stdout and stderr, buffered under one monitor (the {@code Streams} object). */
    private static final class Streams {
        final Buffer out = new Buffer(this);
        final Buffer err = new Buffer(this);
    }

    /** A growable byte buffer written by MINA; readers wait on the shared monitor. */
    private static final class Buffer extends OutputStream {
        private final Object monitor;
        private byte[] data = new byte[4096];
        private int len;

        Buffer(Object monitor) {
            this.monitor = monitor;
        }

        @Override
        public void write(int b) {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int n) {
            synchronized (monitor) {
                if (len + n > data.length) {
                    data = Arrays.copyOf(data, Math.max(data.length * 2, len + n));
                }
                System.arraycopy(b, off, data, len, n);
                len += n;
                monitor.notifyAll();
            }
        }

        int indexOf(byte[] what, int from) {
            outer:
            for (int i = from; i <= len - what.length; i++) {
                for (int j = 0; j < what.length; j++) {
                    if (data[i + j] != what[j]) {
                        continue outer;
                    }
                }
                return i;
            }
            return -1;
        }

        /** Removes and returns the first {@code end} bytes. */
        byte[] take(int end) {
            byte[] head = Arrays.copyOf(data, end);
            System.arraycopy(data, end, data, 0, len - end);
            len -= end;
            return head;
        }

        void clear() {
            len = 0;
        }

        String text() {
            return new String(data, 0, len, StandardCharsets.UTF_8);
        }
    }
}
