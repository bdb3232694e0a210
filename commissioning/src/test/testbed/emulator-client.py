#!/usr/bin/python3 -I -S
# NestEdge test bed: the fast path of a device's iotedge / docker / systemctl launcher.
#
#   emulator-client.py SOCKET LAUNCHER COMMAND [ARG...]
#
# Sends COMMAND and its arguments to the device's emulator daemon over the Unix socket SOCKET
# (protocol: io.nestedge.commissioning.virtualplant.daemon.DaemonProtocol) and relays its stdout,
# stderr and exit code exactly. The daemon learns the caller's uid from the kernel (SO_PEERCRED);
# nothing here claims an identity. The emulator reads no stdin, environment or working directory,
# so none is sent. When no daemon answers (no socket, refused, nobody listening) the command has
# not run: re-execute LAUNCHER with NESTEDGE_EMULATOR_NO_DAEMON=1, i.e. the JVM-per-call fallback.
# Uses only modules of python3-minimal. See docs/testbed.md, "Emulator contract".
import os
import socket
import struct
import sys

MAGIC = b"NEE1"


def fallback(launcher, argv):
    os.environ["NESTEDGE_EMULATOR_NO_DAEMON"] = "1"
    os.execv(launcher, [launcher] + argv)


def recv_exact(sock, n):
    chunks = []
    while n > 0:
        b = sock.recv(min(n, 1 << 16))
        if not b:
            raise EOFError("the emulator daemon closed the connection before the command finished")
        chunks.append(b)
        n -= len(b)
    return b"".join(chunks)


def write_all(fd, data):
    view = memoryview(data)
    while view:
        try:
            n = os.write(fd, view)
        except BrokenPipeError:
            return
        view = view[n:]


def main():
    if len(sys.argv) < 4:
        sys.stderr.write("usage: emulator-client.py SOCKET LAUNCHER COMMAND [ARG...]\n")
        return 2
    path, launcher, argv = sys.argv[1], sys.argv[2], sys.argv[3:]
    s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    try:
        s.connect(path)
    except OSError:
        s.close()
        fallback(launcher, argv[1:])
    parts = [MAGIC, struct.pack(">I", len(argv))]
    for a in argv:
        b = os.fsencode(a)
        parts.append(struct.pack(">I", len(b)))
        parts.append(b)
    try:
        s.sendall(b"".join(parts))
        while True:
            kind = recv_exact(s, 1)
            if kind == b"x":
                return struct.unpack(">i", recv_exact(s, 4))[0] & 0xFF
            (n,) = struct.unpack(">I", recv_exact(s, 4))
            data = recv_exact(s, n)
            if kind == b"o":
                write_all(1, data)
            elif kind == b"e":
                write_all(2, data)
            else:
                raise EOFError("unknown frame from the emulator daemon: %r" % kind)
    except (OSError, EOFError) as e:
        sys.stderr.write("%s: emulator daemon: %s\n" % (argv[0], e))
        return 1
    finally:
        s.close()


if __name__ == "__main__":
    sys.exit(main())
