package io.nestedge.commissioning.virtualplant.daemon;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The wire format between a test-bed launcher's client ({@code emulator-client.pl}) and the device's
 * emulator daemon, over a Unix stream socket; all integers are unsigned 32-bit big-endian.
 * <pre>
 * request  = "NEE1" argc (len bytes){argc}       argv as UTF-8, argv[0] = iotedge | docker | systemctl
 * response = frame* exit
 * frame    = ("o" | "e") len bytes               stdout / stderr bytes, in the order to write them
 * exit     = "x" code                            the exit code; the daemon then closes the connection
 * </pre>
 * The request carries nothing else: who the caller is comes from the socket's peer credentials
 * (SO_PEERCRED), never from the client; the emulator reads neither stdin, the environment nor the
 * working directory (device paths are taken from {@code /}), so the client sends none of them.
 */
public final class DaemonProtocol {
    /** Request magic (protocol version 1). */
    public static final byte[] MAGIC = "NEE1".getBytes(StandardCharsets.US_ASCII);
    /** Most arguments in one request. */
    public static final int MAX_ARGS = 4096;
    /** Most bytes in one argument. */
    public static final int MAX_ARG_BYTES = 1 << 20;
    /** Most bytes of all arguments together. */
    public static final int MAX_REQUEST_BYTES = 8 << 20;
    /** Frame types. */
    public static final byte STDOUT = 'o', STDERR = 'e', EXIT = 'x';

    private DaemonProtocol() {
    }

    /** A request the daemon cannot accept (wrong magic, limits, bad UTF-8). */
    public static final class BadRequestException extends IOException {
        private static final long serialVersionUID = 1L;

        /** @param message what is wrong */
        public BadRequestException(String message) {
            super(message);
        }
    }

    /**
     * Reads one request.
     *
     * @param in the connection's input
     * @return argv (at least one element)
     * @throws BadRequestException if the request breaks the format or a limit
     * @throws IOException if the connection fails or ends early
     */
    public static List<String> readRequest(DataInputStream in) throws IOException {
        byte[] magic = new byte[MAGIC.length];
        in.readFully(magic);
        if (!Arrays.equals(magic, MAGIC)) {
            throw new BadRequestException("not an emulator request (protocol NEE1 expected)");
        }
        long argc = Integer.toUnsignedLong(in.readInt());
        if (argc < 1 || argc > MAX_ARGS) {
            throw new BadRequestException("argument count " + argc + " is outside 1.." + MAX_ARGS);
        }
        List<String> argv = new ArrayList<>((int) argc);
        long total = 0;
        for (int i = 0; i < argc; i++) {
            long len = Integer.toUnsignedLong(in.readInt());
            total += len;
            if (len > MAX_ARG_BYTES || total > MAX_REQUEST_BYTES) {
                throw new BadRequestException("request larger than the limits (" + MAX_ARG_BYTES + " bytes per argument, "
                        + MAX_REQUEST_BYTES + " in all)");
            }
            byte[] b = new byte[(int) len];
            in.readFully(b);
            argv.add(utf8(b, i));
        }
        return argv;
    }

    private static String utf8(byte[] b, int index) throws BadRequestException {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(b)).toString();
        } catch (CharacterCodingException e) {
            throw new BadRequestException("argument " + index + " is not UTF-8");
        }
    }

    /**
     * Writes one request (the Java side of the client, used by tests and tools).
     *
     * @param out the connection's output (flushed)
     * @param argv command and arguments
     * @throws IOException if the connection fails
     */
    public static void writeRequest(DataOutputStream out, List<String> argv) throws IOException {
        out.write(MAGIC);
        out.writeInt(argv.size());
        for (String a : argv) {
            byte[] b = a.getBytes(StandardCharsets.UTF_8);
            out.writeInt(b.length);
            out.write(b);
        }
        out.flush();
    }

    /**
     * Writes a whole command result: stdout, then stderr (the order the JVM-per-call launcher
     * prints them in), then the exit code.
     *
     * @param out the connection's output (flushed)
     * @param stdout standard output text
     * @param stderr standard error text
     * @param exitCode exit code
     * @throws IOException if the connection fails
     */
    public static void writeResult(DataOutputStream out, String stdout, String stderr, int exitCode) throws IOException {
        frame(out, STDOUT, stdout.getBytes(StandardCharsets.UTF_8));
        frame(out, STDERR, stderr.getBytes(StandardCharsets.UTF_8));
        out.writeByte(EXIT);
        out.writeInt(exitCode);
        out.flush();
    }

    private static void frame(DataOutputStream out, byte type, byte[] data) throws IOException {
        if (data.length == 0) {
            return;
        }
        out.writeByte(type);
        out.writeInt(data.length);
        out.write(data);
    }

    /** What a client received. @param stdout bytes @param stderr bytes @param exitCode exit code */
    public record Result(byte[] stdout, byte[] stderr, int exitCode) {
        /** Standard output as UTF-8. */
        public String out() {
            return new String(stdout, StandardCharsets.UTF_8);
        }

        /** Standard error as UTF-8. */
        public String err() {
            return new String(stderr, StandardCharsets.UTF_8);
        }
    }

    /**
     * Reads a whole response (the Java side of the client).
     *
     * @param in the connection's input
     * @return output and exit code
     * @throws IOException if the connection ends before the exit frame or a frame is unknown
     */
    public static Result readResult(DataInputStream in) throws IOException {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
        while (true) {
            byte type = in.readByte();
            if (type == EXIT) {
                return new Result(out.toByteArray(), err.toByteArray(), in.readInt());
            }
            if (type != STDOUT && type != STDERR) {
                throw new IOException("unknown frame type " + type);
            }
            int len = in.readInt();
            if (len < 0 || len > MAX_REQUEST_BYTES * 8) {
                throw new IOException("frame length " + Integer.toUnsignedLong(len) + " out of range");
            }
            byte[] b = new byte[len];
            in.readFully(b);
            (type == STDOUT ? out : err).write(b);
        }
    }
}
