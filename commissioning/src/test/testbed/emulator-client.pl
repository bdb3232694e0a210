#!/usr/bin/perl
# NestEdge test bed: the fast path of a device's iotedge / docker / systemctl launcher.
#
#   emulator-client.pl SOCKET LAUNCHER COMMAND [ARG...]
#
# Sends COMMAND and its arguments to the device's emulator daemon over the Unix socket SOCKET
# (protocol NEE1: io.nestedge.commissioning.virtualplant.daemon.DaemonProtocol) and relays its
# stdout, stderr and exit code exactly. The daemon learns the caller's uid from the kernel
# (SO_PEERCRED); nothing here claims an identity. The emulator reads no stdin, environment or
# working directory, so none is sent. When no daemon answers (no socket, refused, nobody
# listening) the command has not run: LAUNCHER is executed again with NESTEDGE_EMULATOR_NO_DAEMON=1,
# i.e. the JVM-per-call fallback.
#
# Plain perl-base (Essential on Debian) with no module at all: a client costs a few milliseconds,
# against tens for python3 with its socket module. Linux constants: AF_UNIX = 1, SOCK_STREAM = 1
# (elsewhere socket/connect fail and the fallback runs). See docs/testbed.md, "Emulator contract".

my ($path, $launcher, @argv) = @ARGV;
if (!defined $launcher || !@argv) {
    print STDERR "usage: emulator-client.pl SOCKET LAUNCHER COMMAND [ARG...]\n";
    exit 2;
}

sub fallback {
    $ENV{NESTEDGE_EMULATOR_NO_DAEMON} = '1';
    exec { $launcher } $launcher, @argv[1 .. $#argv];
    print STDERR "$argv[0]: cannot run $launcher: $!\n";
    exit 127;
}

$SIG{PIPE} = 'IGNORE';
socket(my $s, 1, 1, 0) or fallback();
connect($s, pack('S', 1) . $path . "\0") or fallback();

my $req = 'NEE1' . pack('N', scalar @argv);
$req .= pack('N', length $_) . $_ for @argv;
while (length $req) {
    my $n = syswrite($s, $req);
    fail("cannot send the command: $!") unless defined $n;
    substr($req, 0, $n) = '';
}

sub fail {
    print STDERR "$argv[0]: emulator daemon: $_[0]\n";
    exit 1;
}

sub take {
    my ($want) = @_;
    my $buf = '';
    while (length($buf) < $want) {
        my $n = sysread($s, $buf, $want - length($buf), length $buf);
        fail("read failed: $!") unless defined $n;
        fail('it closed the connection before the command finished') if $n == 0;
    }
    return $buf;
}

sub put {
    my ($fh, $data) = @_;
    while (length $data) {
        my $n = syswrite($fh, $data);
        return unless defined $n;    # reader gone (EPIPE): the rest is dropped, as for any program
        substr($data, 0, $n) = '';
    }
}

while (1) {
    my $kind = take(1);
    if ($kind eq 'x') {
        exit(unpack('N', take(4)) & 0xFF);
    }
    my $len = unpack('N', take(4));
    my $data = $len ? take($len) : '';
    if ($kind eq 'o') {
        put(\*STDOUT, $data);
    } elsif ($kind eq 'e') {
        put(\*STDERR, $data);
    } else {
        fail("unknown frame '$kind'");
    }
}
