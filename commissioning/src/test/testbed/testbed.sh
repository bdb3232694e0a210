#!/usr/bin/env bash
# NestEdge network-namespace test bed: one isolated "device" per plant device, each with its own
# network namespace, private mount/UTS namespace and a real Debian OpenSSH server.
#
#   testbed.sh up PLANT.json STATE_DIR      bring the bed up, print the device sheet (JSON)
#   testbed.sh down STATE_DIR               tear it down (idempotent; also run first by `up`)
#   testbed.sh sheet STATE_DIR              print the sheet of a running bed
#   testbed.sh exec STATE_DIR DEVICE_ID -- CMD...   run CMD as root in the device's view
#   testbed.sh kill-sshd STATE_DIR DEVICE_ID   SIGKILL the device's sshd and its sessions (fault tests)
#   testbed.sh start-sshd STATE_DIR DEVICE_ID  start it again (same host key and config); updates the sheet
#   testbed.sh plant STATE_DIR PLANT.json OUT.json  the plant with each device's ssh address/port/user/reach on this bed
#
# Needs root, iproute2, util-linux (unshare, nsenter), openssh-server/-client, sudo, openssl, jq.
# Environment: NESTEDGE_CP = Java classpath holding io.nestedge.commissioning.virtualplant.EmulatorMain
# (baked into the devices' `iotedge`, `docker` and `systemctl` launchers and their emulator daemons).
# NESTEDGE_EMULATOR_DAEMON=off: no emulator daemons (every emulated command starts a JVM).
# NESTEDGE_EMULATOR_DAEMON_JAVA_OPTS: JVM options of the daemons. NESTEDGE_EMULATOR_DAEMON_WARMUP=on:
# IoT Edge devices' daemons warm up before they listen (benchmarks). See docs/testbed.md.
#
# Network: instance N (1..250, allocated under /run/nestedge-testbed/locks) owns 10.77.N.0/24 and,
# for devices 64 and up, 10.78.N.0/24 .. 10.80.N.0/24 (64 links each). Device i (topological order)
# owns link i = 10.(77 + i/64).N.(4(i%64))/30: .+1 is the parent's (or the host's) end, .+2 the
# device's end. The host gets an `unreachable` route for each of those /24s, so it reaches only the
# top-layer devices' uplink addresses; namespaces have no default route and do not forward.
# No traffic ever leaves the host.
set -euo pipefail
umask 022

readonly RUN_DIR=/run/nestedge-testbed
readonly SELF_MNT=$RUN_DIR/self            # each device binds its state dir here, in its own view
readonly MARKER=.nestedge-testbed
# Per-device directories (bind mounts in the device's view; empty mount points on the host). The
# emulator keeps its state, settings, edgeHub PID file and log in the nestedge-emulator ones; the
# commissioning steps keep their flags in /var/lib/nestedge and stage bundles in /var/tmp.
# /etc/ca-certificates/update.d is private and empty: the host's hooks are not the device's (the
# JDK's jks-keystore hook would append to the host's /var/lib/ca-certificates-java and run the
# host's dpkg triggers, i.e. a JVM and the shared dpkg lock, from every device's
# update-ca-certificates); an IoT Edge device has no Java keystore to update.
readonly PRIVATE_DIRS=(/etc/aziot /var/aziot /var/lib/aziot /var/secrets
  /usr/local/share/ca-certificates /etc/ssl/certs /etc/ca-certificates/update.d /usr/local/bin /etc/docker
  /etc/nestedge-emulator /var/lib/nestedge-emulator /var/log/nestedge-emulator /run/nestedge-emulator
  /var/lib/nestedge /var/tmp)
# Launchers of the IoT Edge emulator on every device (the real update-ca-certificates, openssl,
# install, runuser, namei, sha256sum stay real).
readonly EMULATED_TOOLS=(iotedge docker systemctl)
# JVM options of the launchers: each emulated command is a short-lived JVM (sudo drops the
# environment, so NESTEDGE_EMULATOR_JAVA_OPTS only works without sudo).
readonly EMULATOR_JAVA_OPTS='-XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xss512k -XX:-UsePerfData'

readonly SYSTEM_USERS=(aziotcs aziotks aziotid aziottpm iotedge)
readonly EMULATOR_MAIN=io.nestedge.commissioning.virtualplant.EmulatorMain
# The emulator daemon of each device view (one long-lived JVM serving the launchers over a Unix
# socket; ADR 0610). Its directory is a tmpfs per mount namespace, so a daemon serves exactly the
# view it runs in (after start-sshd, the new view gets its own daemon).
readonly DAEMON_MAIN=io.nestedge.commissioning.virtualplant.daemon.EmulatorDaemonMain
readonly DAEMON_DIR=/run/nestedge-emulator-daemon
readonly DAEMON_SOCKET=$DAEMON_DIR/emulator.sock
readonly DAEMON_PID=$DAEMON_DIR/daemon.pid
# Small, C1-only JVMs (100 of them must fit): about 70 MiB resident each once warmed up.
readonly DAEMON_JAVA_OPTS_DEFAULT='-XX:+UseSerialGC -XX:TieredStopAtLevel=1 -XX:CICompilerCount=1 -Xss256k -Xms8m -Xmx48m -XX:MaxNewSize=8m -XX:MinHeapFreeRatio=10 -XX:MaxHeapFreeRatio=20 -XX:MaxMetaspaceSize=64m -XX:ReservedCodeCacheSize=16m -XX:-UsePerfData'
readonly CLIENT=/usr/local/bin/nestedge-emulator-client
readonly PERL=/usr/bin/perl   # perl-base is Essential on Debian: the client needs nothing else
readonly SCRIPT_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
readonly MAX_DEVICES=250

die() { echo "testbed: error: $*" >&2; exit 1; }
log() { echo "testbed: $*" >&2; }

need_tools() {
  [ "$(id -u)" = 0 ] || die "must run as root (network namespaces, mounts, users)"
  local t missing=()
  for t in ip unshare nsenter jq openssl ssh ssh-keygen sudo /usr/sbin/sshd mount flock; do
    command -v "$t" >/dev/null 2>&1 || missing+=("$t")
  done
  [ ${#missing[@]} -eq 0 ] || die "missing tools: ${missing[*]} (apt-get install openssh-server openssh-client sudo iproute2 openssl ca-certificates jq util-linux)"
}

# Inside a device /tmp is a private tmpfs: a classpath entry there would not exist for the launchers.
check_classpath() {
  local e
  local -a entries=()
  IFS=: read -r -a entries <<<"${NESTEDGE_CP:-}"
  for e in "${entries[@]+"${entries[@]}"}"; do
    case "$(realpath -m "$e")" in
      /tmp|/tmp/*) die "NESTEDGE_CP entry $e is under /tmp, which is private inside the devices; copy it elsewhere (the Java tests do: Testbed.emulatorClasspath)" ;;
    esac
  done
}

ns_name() { echo "nebed$1-$2"; }              # instance, device index
veth_parent() { echo "nebed$1-$2-p"; }        # end in the parent (or host)
veth_child() { echo "nebed$1-$2-c"; }         # end in the device
addr() { echo "10.$(( 77 + $2 / 64 )).$1.$(( 4 * ($2 % 64) + $3 ))"; } # instance, link, 1=parent end / 2=device end
subnets() { local b; for b in 77 78 79 80; do echo "10.$b.$1.0/24"; done; }   # every /24 instance $1 may own
daemons_enabled() { [ -n "${NESTEDGE_CP:-}" ] && [ "${NESTEDGE_EMULATOR_DAEMON:-on}" != off ] && [ -x "$PERL" ]; }

# ---------------------------------------------------------------------------------------- down
down_instance() {
  local n=$1 ns pids i
  local -a nss=()
  mapfile -t nss < <(ip netns list 2>/dev/null | awk '{print $1}' | grep -E "^nebed${n}-[0-9]+$" || true)
  # Every process in the bed's namespaces (sshd, sessions, emulator daemons with their edgeHub):
  # SIGTERM to all at once (the daemons stop their edgeHub and remove their sockets), up to 5 s,
  # then SIGKILL; the namespaces are deleted only once they hold no process.
  bed_pids() { local s; for s in "${nss[@]+"${nss[@]}"}"; do ip netns pids "$s" 2>/dev/null || true; done; }
  # A dying process leaves its network namespace before it is done exiting: wait for the processes
  # themselves (gone, or a zombie waiting for init), not only for empty namespaces.
  alive() {
    local p
    for p in $seen; do
      if [ -e "/proc/$p" ] && [ "$(awk '{print $3}' "/proc/$p/stat" 2>/dev/null)" != Z ]; then echo "$p"; fi
    done
  }
  local seen
  pids=$(bed_pids)
  seen=$pids
  if [ -n "$pids" ]; then
    kill -TERM $pids 2>/dev/null || true
    for i in $(seq 1 50); do
      pids=$(bed_pids)
      seen="$seen $pids"
      [ -z "$pids" ] && [ -z "$(alive)" ] && break
      sleep 0.1
    done
    for i in $(seq 1 20); do
      pids="$(bed_pids) $(alive)"
      [ -z "${pids// /}" ] && break
      kill -KILL $pids 2>/dev/null || true
      sleep 0.1
    done
    [ -z "${pids// /}" ] || log "warning: processes left in instance $n's namespaces: $pids"
  fi
  for ns in "${nss[@]+"${nss[@]}"}"; do
    ip netns del "$ns" 2>/dev/null || true
  done
  # Host ends of the host-to-top veths (deleting one end removes the pair).
  for i in $(ip -o link show 2>/dev/null | awk -F': ' '{print $2}' | cut -d@ -f1 | grep -E "^nebed${n}-[0-9]+-[pc]$" || true); do
    ip link del "$i" 2>/dev/null || true
  done
  for i in $(subnets "$n"); do ip route del unreachable "$i" 2>/dev/null || true; done
  rm -rf "$RUN_DIR/locks/$n"
}

cmd_down() {
  local state=$1
  [ -e "$state" ] || return 0
  if [ ! -f "$state/$MARKER" ]; then
    [ -z "$(ls -A "$state" 2>/dev/null)" ] && return 0
    die "$state is not a test bed state dir (no $MARKER); refusing to delete it"
  fi
  state=$(realpath "$state")
  if [ -f "$state/instance" ]; then
    local n owner
    n=$(cat "$state/instance")
    owner=$(cat "$RUN_DIR/locks/$n/state" 2>/dev/null || true)
    # Never tear down an instance number that was since reclaimed by another bed.
    if [ -z "$owner" ] || [ "$owner" = "$state" ]; then
      down_instance "$n"
    fi
  fi
  rm -rf "$state"
}

# ------------------------------------------------------------------------------- instance lock
allocate_instance() {
  local state=$1 n lock owner
  mkdir -p "$RUN_DIR/locks"
  exec 9>"$RUN_DIR/alloc.lock"
  flock 9
  for n in $(seq 1 250); do
    lock=$RUN_DIR/locks/$n
    if [ -d "$lock" ]; then
      owner=$(cat "$lock/state" 2>/dev/null || true)
      # Stale: its state dir is gone or now belongs to another instance (crashed run).
      if [ -n "$owner" ] && [ "$(cat "$owner/instance" 2>/dev/null || true)" = "$n" ]; then
        continue
      fi
      log "reclaiming stale instance $n (state dir ${owner:-?} is gone)"
      down_instance "$n"
    fi
    local used=0 net
    for net in $(subnets "$n"); do ip route show "$net" | grep -q . && used=1; done
    if [ $used = 1 ] || ip netns list | grep -qE "^nebed$n-"; then
      continue   # used by something we do not own
    fi
    mkdir -p "$lock"
    echo "$state" >"$lock/state"
    echo "$n" >"$state/instance"
    flock -u 9
    exec 9>&-
    echo "$n"
    return 0
  done
  die "no free test bed instance (250 in use?)"
}

# ------------------------------------------------------------------------------------ host setup
ensure_host() {
  mkdir -p "$RUN_DIR"
  exec 8>"$RUN_DIR/users.lock"
  flock 8
  local u
  for u in "${SYSTEM_USERS[@]}"; do
    getent group "$u" >/dev/null || groupadd --system "$u"
    getent passwd "$u" >/dev/null || useradd --system -g "$u" --no-create-home \
      --home-dir /nonexistent --shell /usr/sbin/nologin "$u"
  done
  for u in "$@"; do
    # Admin users: locked password on the host; each device gets its own /etc/shadow with a
    # real hash, so sudo needs that device's password only inside the device.
    getent passwd "$u" >/dev/null || useradd --create-home --shell /bin/bash -G sudo "$u"
    id -nG "$u" | tr ' ' '\n' | grep -qx sudo || usermod -aG sudo "$u"
  done
  flock -u 8
  exec 8>&-
  # Mount points for the private per-device directories (empty on the host).
  mkdir -p "${PRIVATE_DIRS[@]}" "$SELF_MNT" "$DAEMON_DIR" /run/sshd /run/sudo
  chmod 0755 /run/sshd
}

# ----------------------------------------------------------------------------------------- up
IDS=(); PARENTS=(); HOSTS=(); KINDS=(); USERS=(); PORTS=(); REACHES=()
declare -A IDX=()

read_plant() {
  local plant=$1 id parent host kind user port reach
  [ -r "$plant" ] || die "cannot read plant file $plant"
  jq -e '.devices | type == "array" and length > 0' "$plant" >/dev/null 2>&1 ||
    die "$plant: no devices array (is it a NestEdge plant file?)"
  local -a rows=()
  mapfile -t rows < <(jq -r '.devices[] | [.id, (.parentId // ""), .hostname, (.kind // ""),
      (.ssh.user // "iotadmin"), ((.ssh.port // 22) | tostring), (.ssh.reach // "")] | map(tostring) | join("\u001f")' "$plant")
  # Topological order: parents before children.
  local -a pending=("${rows[@]}") next
  local progress
  while [ ${#pending[@]} -gt 0 ]; do
    progress=0; next=()
    for row in "${pending[@]}"; do
      IFS=$'\x1f' read -r id parent host kind user port reach <<<"$row"
      [[ $id =~ ^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$ ]] || die "$plant: device id '$id' is not usable as a test bed name"
      [[ $host =~ ^[A-Za-z0-9]([A-Za-z0-9.-]{0,252})$ ]] || die "$plant: device $id: hostname '$host' is not a valid host name"
      [[ $user =~ ^[a-z_][a-z0-9_-]{0,31}$ ]] || die "$plant: device $id: ssh.user '$user' is not a valid user name"
      [[ $port =~ ^[0-9]{1,5}$ ]] && [ "$port" -ge 1 ] && [ "$port" -le 65535 ] || die "$plant: device $id: ssh.port '$port' is invalid"
      if [ -z "$parent" ] || [ -n "${IDX[$parent]+x}" ]; then
        [ -z "${IDX[$id]+x}" ] || die "$plant: device id '$id' appears twice"
        IDX[$id]=${#IDS[@]}
        IDS+=("$id"); PARENTS+=("$parent"); HOSTS+=("$host"); KINDS+=("$kind")
        USERS+=("$user"); PORTS+=("$port"); REACHES+=("$reach")
        progress=1
      else
        next+=("$row")
      fi
    done
    [ $progress = 1 ] || die "$plant: parent missing or cycle among devices: $(printf '%s ' "${next[@]%%$'\x1f'*}")"
    pending=("${next[@]+"${next[@]}"}")
  done
  [ ${#IDS[@]} -le $MAX_DEVICES ] || die "$plant: ${#IDS[@]} devices; the test bed supports at most $MAX_DEVICES"
}

device_dir() { echo "$STATE/devices/$1"; }

write_device() {
  local n=$1 i=$2 id=${IDS[$2]} host=${HOSTS[$2]} user=${USERS[$2]} port=${PORTS[$2]}
  local d; d=$(device_dir "$id")
  local short=${host%%.*} p c
  mkdir -p "$d/root"
  for p in "${PRIVATE_DIRS[@]}"; do mkdir -p "$d/root$p"; done
  cp -a /etc/ssl/certs/. "$d/root/etc/ssl/certs/"
  cp -a /usr/local/share/ca-certificates/. "$d/root/usr/local/share/ca-certificates/"
  chmod 1777 "$d/root/var/tmp"

  # /etc/hosts: own name on the uplink, the parent's name on the shared link, the children on theirs.
  {
    echo "127.0.0.1 localhost"
    echo "::1 localhost ip6-localhost ip6-loopback"
    echo "$(addr "$n" "$i" 2) $host $short"
    if [ -n "${PARENTS[$i]}" ]; then
      p=${IDX[${PARENTS[$i]}]}
      echo "$(addr "$n" "$i" 1) ${HOSTS[$p]} ${HOSTS[$p]%%.*}"
    fi
    for c in "${!IDS[@]}"; do
      [ "${PARENTS[$c]}" = "$id" ] && echo "$(addr "$n" "$c" 2) ${HOSTS[$c]} ${HOSTS[$c]%%.*}"
    done
  } >"$d/hosts"
  echo "$short" >"$d/hostname"

  # Admin user: per-device home with the bed's public key, per-device sudo password.
  local home=$d/root/home/$user
  mkdir -p "$home/.ssh"
  cp "$STATE/admin_ed25519.pub" "$home/.ssh/authorized_keys"
  chown -R "$user:$user" "$home"
  chmod 0700 "$home" "$home/.ssh"; chmod 0600 "$home/.ssh/authorized_keys"
  (umask 077; openssl rand -base64 18 | tr -d '\n/+=' >"$d/sudo-password")
  local hash; hash=$(openssl passwd -6 -stdin <"$d/sudo-password")
  (umask 077; printf '%s\n' "$hash" >"$d/.hash")
  awk -F: -v OFS=: -v u="$user" -v hf="$d/.hash" 'BEGIN { getline h < hf } $1 == u { $2 = h } { print }' \
    /etc/shadow >"$d/shadow"
  rm -f "$d/.hash"
  chown root:shadow "$d/shadow" 2>/dev/null || true
  chmod 0640 "$d/shadow"

  # Host key (ed25519), sshd config listening on every address of the device.
  ssh-keygen -q -t ed25519 -N '' -C "root@$short" -f "$d/ssh_host_ed25519_key"
  {
    echo "Port $port"
    local -a listen=("$(addr "$n" "$i" 2)")
    for c in "${!IDS[@]}"; do
      [ "${PARENTS[$c]}" = "$id" ] && listen+=("$(addr "$n" "$c" 1)")
    done
    # OpenSSH listens on at most 16 sockets (MAX_LISTEN_SOCKS): a device with more links listens on
    # the wildcard, which in its namespace means the same addresses (plus loopback).
    [ ${#listen[@]} -le 16 ] || listen=(0.0.0.0)
    printf 'ListenAddress %s\n' "${listen[@]}"
    cat <<EOF
HostKey $SELF_MNT/ssh_host_ed25519_key
PidFile $SELF_MNT/sshd.pid
AuthorizedKeysFile .ssh/authorized_keys
AllowUsers $user
PermitRootLogin no
PubkeyAuthentication yes
PasswordAuthentication no
KbdInteractiveAuthentication no
UsePAM no
AllowTcpForwarding yes
X11Forwarding no
PrintMotd no
MaxStartups 200:30:400
MaxSessions 100
LoginGraceTime 30
ClientAliveInterval 30
LogLevel VERBOSE
Subsystem sftp internal-sftp
EOF
  } >"$d/sshd_config"

  # iotedge / docker / systemctl: thin launchers of the emulator (docs/testbed.md, "Emulator contract"):
  # the device view's emulator daemon when it listens (a few ms), else one JVM for this call.
  local tool
  install -m 0755 "$SCRIPT_DIR/emulator-client.pl" "$d/root$CLIENT"
  for tool in "${EMULATED_TOOLS[@]}"; do
    {
      echo '#!/bin/sh'
      echo "# NestEdge test bed launcher: '$tool' on device $id runs the IoT Edge emulator."
      if [ -n "${NESTEDGE_CP:-}" ]; then
        echo "# Fast path: the emulator daemon of this device view; the client falls back to the JVM line below."
        printf 'if [ -z "${NESTEDGE_EMULATOR_NO_DAEMON:-}" ] && [ -S %s ] && [ -x %s ]; then\n' "$DAEMON_SOCKET" "$PERL"
        printf '  exec %s %s %s %s %s "$@"\nfi\n' "$PERL" "$CLIENT" "$DAEMON_SOCKET" "/usr/local/bin/$tool" "$tool"
        printf 'exec java ${NESTEDGE_EMULATOR_JAVA_OPTS:-%s} -cp %q %s --root / --machine-hostname %q --hosts-file /etc/hosts %s "$@"\n' \
          "$EMULATOR_JAVA_OPTS" "$NESTEDGE_CP" "$EMULATOR_MAIN" "$short" "$tool"
      else
        echo "echo '$tool: emulator classpath not configured (set NESTEDGE_CP for testbed.sh up)' >&2"
        echo 'exit 127'
      fi
    } >"$d/root/usr/local/bin/$tool"
    chmod 0755 "$d/root/usr/local/bin/$tool"
  done

  # Runs inside `ip netns exec NS unshare --mount --uts --propagation private`.
  cat >"$d/enter.sh" <<EOF
#!/bin/sh
set -e
mount --bind '$d' '$SELF_MNT'
for p in ${PRIVATE_DIRS[*]}; do mount --bind "$SELF_MNT/root\$p" "\$p"; done
mount --bind '$SELF_MNT/root/home/$user' '/home/$user'
mount --bind '$SELF_MNT/hosts' /etc/hosts
mount --bind '$SELF_MNT/hostname' /etc/hostname
mount --bind '$SELF_MNT/shadow' /etc/shadow
mount -t tmpfs -o mode=0700 tmpfs /run/sudo
mount -t tmpfs -o mode=1777 tmpfs /tmp
mount -t tmpfs -o mode=0755,size=1m tmpfs '$DAEMON_DIR'
hostname '$short'
exec /usr/sbin/sshd -f '$SELF_MNT/sshd_config' -E '$SELF_MNT/sshd.log'
EOF
  chmod 0700 "$d/enter.sh"

  # Runs in the view of the device's sshd (nsenter), once sshd is up: the view's emulator daemon.
  {
    echo '#!/bin/sh'
    daemon_line "$short" "${KINDS[$i]}"
  } >"$d/daemon.sh"
  chmod 0700 "$d/daemon.sh"
}

# The line of daemon.sh that starts the device view's emulator daemon in the background (its own
# session, no inherited descriptors but a log), or a comment when daemons are off.
# Warm-up (NESTEDGE_EMULATOR_DAEMON_WARMUP=on, for benchmarks) moves ~3 s of JVM class loading and
# compilation per daemon from the first commands to bring-up; only IoT Edge devices run
# iotedge/docker during commissioning, so only their daemons warm up.
daemon_line() {
  local short=$1 kind=$2 warm=""
  if ! daemons_enabled; then
    echo "# emulator daemon off (no NESTEDGE_CP, no $PERL, or NESTEDGE_EMULATOR_DAEMON=off)"
    return
  fi
  [ "$kind" = IOT_EDGE ] && [ "${NESTEDGE_EMULATOR_DAEMON_WARMUP:-off}" = on ] || warm=" --no-warm-up"
  printf 'MALLOC_ARENA_MAX=2 setsid java %s -cp %q %s --root / --machine-hostname %q --hosts-file /etc/hosts --socket %s --pid-file %s%s </dev/null >>/var/log/nestedge-emulator/daemon.log 2>&1 &' \
    "${NESTEDGE_EMULATOR_DAEMON_JAVA_OPTS:-$DAEMON_JAVA_OPTS_DEFAULT}" "$NESTEDGE_CP" "$DAEMON_MAIN" "$short" \
    "$DAEMON_SOCKET" "$DAEMON_PID" "$warm"
}

link_device() {
  local n=$1 i=$2 ns pc pp parent_ns=""
  ns=$(ns_name "$n" "$i"); pc=$(veth_child "$n" "$i"); pp=$(veth_parent "$n" "$i")
  ip netns add "$ns"
  ip -n "$ns" link set lo up
  [ -n "${PARENTS[$i]}" ] && parent_ns=$(ns_name "$n" "${IDX[${PARENTS[$i]}]}")
  ip link add "$pp" type veth peer name "$pc" netns "$ns"
  ip -n "$ns" addr add "$(addr "$n" "$i" 2)/30" dev "$pc"
  ip -n "$ns" link set "$pc" up
  if [ -n "$parent_ns" ]; then
    ip link set "$pp" netns "$parent_ns"
    ip -n "$parent_ns" addr add "$(addr "$n" "$i" 1)/30" dev "$pp"
    ip -n "$parent_ns" link set "$pp" up
  else
    ip addr add "$(addr "$n" "$i" 1)/30" dev "$pp"
    ip link set "$pp" up
  fi
}

start_sshd() {
  local n=$1 i=$2 d; d=$(device_dir "${IDS[$2]}")
  ip netns exec "$(ns_name "$n" "$i")" unshare --mount --uts --propagation private "$d/enter.sh" 7>&- 8>&- 9>&- \
    || die "sshd of device ${IDS[$i]} failed to start; see $d/sshd.log"
}

# Starts the emulator daemon in the view of the device with index $1 (after its sshd is up, so
# JVM starts do not delay the sshds). No-op when daemons are off.
start_daemon() {
  local d; d=$(device_dir "${IDS[$1]}")
  grep -q "$DAEMON_MAIN" "$d/daemon.sh" || return 0
  nsenter --target "$(cat "$d/sshd.pid")" --mount --net --uts -- "$SELF_MNT/daemon.sh" 7>&- 8>&- 9>&- ||
    log "warning: the emulator daemon of ${IDS[$1]} did not start"
}

wait_sshd() {
  local i d t
  for i in "${!IDS[@]}"; do
    d=$(device_dir "${IDS[$i]}")
    for t in $(seq 1 600); do
      [ -s "$d/sshd.pid" ] && kill -0 "$(cat "$d/sshd.pid")" 2>/dev/null && break
      sleep 0.05
    done
    [ -s "$d/sshd.pid" ] || die "sshd of device ${IDS[$i]} wrote no PID file; see $d/sshd.log"
  done
}

# PID of the emulator daemon serving the view of the sshd with PID $1 (empty while it is not
# listening); read through /proc/PID/root, i.e. in that mount namespace.
daemon_pid_of() {
  local root=/proc/$1/root
  [ -S "$root$DAEMON_SOCKET" ] && [ -s "$root$DAEMON_PID" ] && cat "$root$DAEMON_PID" 2>/dev/null || true
}

# Starts every device's emulator daemon, at most 2 per CPU warming up at once (a JVM start and
# warm-up take about 3 s of CPU: starting 100 at once only adds memory and context switches).
start_daemons() {
  daemons_enabled || return 0
  local i j d max=$(( 2 * $(nproc) )) started=() left
  local -A since=()
  for i in "${!IDS[@]}"; do
    while :; do
      left=()
      for j in "${started[@]+"${started[@]}"}"; do
        d=$(device_dir "${IDS[$j]}")
        # Still warming up (a daemon that never listens stops counting after 120 s).
        [ -z "$(daemon_pid_of "$(cat "$d/sshd.pid")")" ] && [ $(( SECONDS - since[$j] )) -lt 120 ] && left+=("$j")
      done
      started=("${left[@]+"${left[@]}"}")
      [ ${#started[@]} -lt $max ] && break
      sleep 0.2
    done
    start_daemon "$i"
    started+=("$i")
    since[$i]=$SECONDS
  done
}

# Waits until every device's emulator daemon listens. A daemon that does not come up is reported;
# its launchers fall back to one JVM per call.
wait_daemons() {
  daemons_enabled || return 0
  local i d pid deadline=$(( SECONDS + 60 + 5 * ${#IDS[@]} )) pending=("${!IDS[@]}") left
  while [ ${#pending[@]} -gt 0 ] && [ $SECONDS -lt $deadline ]; do
    left=()
    for i in "${pending[@]}"; do
      d=$(device_dir "${IDS[$i]}")
      [ -n "$(daemon_pid_of "$(cat "$d/sshd.pid")")" ] || left+=("$i")
    done
    pending=("${left[@]+"${left[@]}"}")
    [ ${#pending[@]} -gt 0 ] && sleep 0.2
  done
  for i in "${pending[@]+"${pending[@]}"}"; do
    log "warning: the emulator daemon of ${IDS[$i]} is not listening; its launchers start a JVM per call (see $(device_dir "${IDS[$i]}")/root/var/log/nestedge-emulator/daemon.log)"
  done
}

write_client_files() {
  local n=$1 i id d pub line
  : >"$STATE/known_hosts"
  {
    for i in "${!IDS[@]}"; do
      id=${IDS[$i]}
      echo "Host $id"
      echo "  HostName $(addr "$n" "$i" 2)"
      echo "  Port ${PORTS[$i]}"
      echo "  User ${USERS[$i]}"
      [ -n "${PARENTS[$i]}" ] && echo "  ProxyJump ${PARENTS[$i]}"
    done
    cat <<EOF
Host *
  IdentityFile $STATE/admin_ed25519
  IdentitiesOnly yes
  UserKnownHostsFile $STATE/known_hosts
  GlobalKnownHostsFile /dev/null
  StrictHostKeyChecking yes
  CheckHostIP no
  BatchMode yes
  ConnectTimeout 5
  LogLevel ERROR
EOF
  } >"$STATE/ssh_config"
  for i in "${!IDS[@]}"; do
    id=${IDS[$i]}; d=$(device_dir "$id")
    pub=$(cut -d' ' -f1,2 "$d/ssh_host_ed25519_key.pub")
    if [ "${PORTS[$i]}" = 22 ]; then
      line="${HOSTS[$i]},$(addr "$n" "$i" 2)"
    else
      line="[${HOSTS[$i]}]:${PORTS[$i]},[$(addr "$n" "$i" 2)]:${PORTS[$i]}"
    fi
    echo "$line $pub" >>"$STATE/known_hosts"
  done
}

write_sheet() {
  local n=$1 i id d fp children p devs="$STATE/.sheet-devices.jsonl"
  # One object per device in a file, slurped at the end: a big bed's sheet exceeds what one
  # command-line argument may hold (128 KiB).
  : >"$devs"
  for i in "${!IDS[@]}"; do
    id=${IDS[$i]}; d=$(device_dir "$id")
    fp=$(ssh-keygen -l -E sha256 -f "$d/ssh_host_ed25519_key.pub" | awk '{print $2}')
    local addrs
    addrs=$(jq -n --arg a "$(addr "$n" "$i" 2)" --arg peer "$(addr "$n" "$i" 1)" \
      --arg to "${PARENTS[$i]:-host}" '[{address: $a, prefixLength: 30, link: "uplink", peer: $peer, peerDevice: $to}]')
    for p in "${!IDS[@]}"; do
      [ "${PARENTS[$p]}" = "$id" ] || continue
      addrs=$(jq --arg a "$(addr "$n" "$p" 1)" --arg peer "$(addr "$n" "$p" 2)" --arg to "${IDS[$p]}" \
        '. + [{address: $a, prefixLength: 30, link: "downlink", peer: $peer, peerDevice: $to}]' <<<"$addrs")
    done
    jq -n -c --arg id "$id" --arg host "${HOSTS[$i]}" --arg kind "${KINDS[$i]}" \
      --arg parent "${PARENTS[$i]}" --arg ns "$(ns_name "$n" "$i")" --arg short "${HOSTS[$i]%%.*}" \
      --argjson addrs "$addrs" --arg sshAddr "$(addr "$n" "$i" 2)" --argjson port "${PORTS[$i]}" \
      --arg user "${USERS[$i]}" --arg key "$STATE/admin_ed25519" --arg fp "$fp" \
      --arg hostKey "$d/ssh_host_ed25519_key.pub" --arg pw "$d/sudo-password" \
      --argjson pid "$(cat "$d/sshd.pid")" --arg reach "${REACHES[$i]}" \
      --arg dpid "$(daemon_pid_of "$(cat "$d/sshd.pid")")" \
      --arg bin "$d/root/usr/local/bin" --arg root "$d/root" \
      '{id: $id, hostname: $host, machineHostname: $short, kind: $kind, parentId: $parent,
             reach: $reach, namespace: $ns, addresses: $addrs, sshAddress: $sshAddr, sshPort: $port,
             user: $user, keyPath: $key, hostKeyAlgorithm: "ssh-ed25519", hostKeyFingerprint: $fp,
             hostKeyPath: $hostKey, sudoPasswordFile: $pw, sshdPid: $pid,
             emulatorDaemonPid: (if $dpid == "" then null else ($dpid | tonumber) end),
             launcherDir: $bin, privateRoot: $root}' >>"$devs"
  done
  jq -n --argjson n "$n" --arg state "$STATE" --slurpfile devices "$devs" \
    --arg cp "${NESTEDGE_CP:-}" --arg main "$EMULATOR_MAIN" \
    '{schemaVersion: 1, instance: $n, subnet: "10.77.\($n).0/24", stateDir: $state,
      knownHosts: "\($state)/known_hosts", sshConfig: "\($state)/ssh_config",
      adminKey: "\($state)/admin_ed25519", emulator: {mainClass: $main, classpath: $cp},
      devices: $devices}' >"$STATE/sheet.json.tmp"
  rm -f "$devs"
  mv "$STATE/sheet.json.tmp" "$STATE/sheet.json"
}

cmd_up() {
  local plant=$1 n i
  STATE=$2
  need_tools
  check_classpath
  plant=$(realpath "$plant")
  cmd_down "$STATE"
  mkdir -p "$STATE"
  STATE=$(realpath "$STATE")
  chmod 0700 "$STATE"
  touch "$STATE/$MARKER"
  read_plant "$plant"
  ensure_host $(printf '%s\n' "${USERS[@]}" | sort -u)
  n=$(allocate_instance "$STATE")
  log "instance $n, ${#IDS[@]} devices, subnet 10.77.$n.0/24"
  # Any failure from here on tears down what was built.
  trap 'rc=$?; [ $rc -ne 0 ] && { log "bring-up failed; tearing down"; down_instance '"$n"'; }; exit $rc' EXIT
  ssh-keygen -q -t ed25519 -N '' -C "nestedge-testbed-admin" -f "$STATE/admin_ed25519"
  for i in $(seq 0 $(( (${#IDS[@]} - 1) / 64 ))); do ip route add unreachable "10.$(( 77 + i )).$n.0/24"; done
  mkdir -p "$STATE/devices"
  local t0=$SECONDS
  for i in "${!IDS[@]}"; do write_device "$n" "$i"; done
  for i in "${!IDS[@]}"; do link_device "$n" "$i"; done
  for i in "${!IDS[@]}"; do start_sshd "$n" "$i"; done
  wait_sshd
  log "devices, links and sshd ready after $(( SECONDS - t0 )) s"
  start_daemons
  wait_daemons
  daemons_enabled && log "emulator daemons listening after $(( SECONDS - t0 )) s"
  write_client_files "$n"
  write_sheet "$n"
  trap - EXIT
  cat "$STATE/sheet.json"
}

cmd_exec() {
  local state=$1 dev=$2 pid
  shift 2
  [ "${1:-}" = "--" ] && shift
  [ -f "$state/sheet.json" ] || die "$state: no running test bed (no sheet.json)"
  pid=$(jq -r --arg id "$dev" '.devices[] | select(.id == $id) | .sshdPid' "$state/sheet.json")
  [ -n "$pid" ] || die "$state: no device '$dev'"
  exec nsenter --target "$pid" --mount --net --uts -- "$@"
}

# Descendants of a process, deepest first (by parent PID, from /proc).
descendants() {
  local c
  for c in $(ps -o pid= --ppid "$1" 2>/dev/null); do
    descendants "$c"
    echo "$c"
  done
}

device_pid() {
  local state=$1 dev=$2 pid
  [ -f "$state/sheet.json" ] || die "$state: no running test bed (no sheet.json)"
  pid=$(jq -r --arg id "$dev" '.devices[] | select(.id == $id) | .sshdPid' "$state/sheet.json")
  [ -n "$pid" ] || die "$state: no device '$dev'"
  echo "$pid"
}

cmd_kill_sshd() {
  local state=$1 dev=$2 pid
  pid=$(device_pid "$state" "$dev")
  kill -KILL "$pid" $(descendants "$pid") 2>/dev/null || true
  rm -f "$state/devices/$dev/sshd.pid"
}

cmd_start_sshd() {
  local state dev=$2 n i pid t
  state=$(realpath "$1")
  STATE=$state
  n=$(cat "$state/instance")
  i=$(jq -r --arg id "$dev" '.devices | map(.id) | index($id)' "$state/sheet.json")
  IDS=(); mapfile -t IDS < <(jq -r '.devices[].id' "$state/sheet.json")
  start_sshd "$n" "$i"
  for t in $(seq 1 100); do
    [ -s "$state/devices/$dev/sshd.pid" ] && kill -0 "$(cat "$state/devices/$dev/sshd.pid")" 2>/dev/null && break
    sleep 0.05
  done
  pid=$(cat "$state/devices/$dev/sshd.pid" 2>/dev/null) || die "sshd of $dev did not start; see $state/devices/$dev/sshd.log"
  # The new view gets its own emulator daemon (the old view's keeps serving only its own sessions).
  local dpid=""
  if grep -q "$DAEMON_MAIN" "$state/devices/$dev/daemon.sh"; then
    start_daemon "$i"
    for t in $(seq 1 600); do
      dpid=$(daemon_pid_of "$pid")
      [ -n "$dpid" ] && break
      sleep 0.2
    done
    [ -n "$dpid" ] || log "warning: the emulator daemon of $dev is not listening; its launchers start a JVM per call"
  fi
  jq --arg id "$dev" --argjson pid "$pid" --arg dpid "$dpid" \
    '.devices |= map(if .id == $id then .sshdPid = $pid | .emulatorDaemonPid = (if $dpid == "" then null else ($dpid | tonumber) end) else . end)' \
    "$state/sheet.json" >"$state/sheet.json.tmp"
  mv "$state/sheet.json.tmp" "$state/sheet.json"
}

# The plant file a technician would write for this bed: every device's ssh.address/port/user as its
# parent (or, for the top layer, the host) dials it (the sheet's sshAddress), reach VIA_PARENT below the
# top layer (the host has no route to lower layers). Everything else is the plant's own. No secrets.
cmd_plant() {
  local state=$1 plant=$2 out=$3 missing
  [ -f "$state/sheet.json" ] || die "$state: no running test bed (no sheet.json)"
  [ -r "$plant" ] || die "cannot read plant file $plant"
  missing=$(jq -r --slurpfile s "$state/sheet.json" '[.devices[].id] - [$s[0].devices[].id] | join(" ")' "$plant" 2>/dev/null) ||
    die "$plant: not a NestEdge plant file (no devices array)"
  [ -z "$missing" ] || die "$plant: device(s) not on this bed: $missing (bring the bed up from this plant)"
  jq --slurpfile s "$state/sheet.json" '
    ($s[0].devices | map({key: .id, value: .}) | from_entries) as $bed
    | .devices |= map($bed[.id] as $b
        | .ssh = ((.ssh // {}) + {address: $b.sshAddress, port: $b.sshPort, user: $b.user,
                                  reach: (if ($b.parentId // "") == "" then "DIRECT" else "VIA_PARENT" end)}))' \
    "$plant" >"$out.tmp.$$" || { rm -f "$out.tmp.$$"; die "cannot write $out"; }
  mv "$out.tmp.$$" "$out"
}

usage() {
  sed -n '2,12p' "$0" | sed 's/^# \{0,1\}//' >&2
  exit 2
}

# Serialises up/down on one state dir (e.g. a shutdown hook's `down` waits for a running `up`).
lock_state() {
  local key
  mkdir -p "$RUN_DIR/state-locks"
  key=$(realpath -m "$1" | sha256sum | cut -c1-16)
  exec 7>"$RUN_DIR/state-locks/$key.lock"
  flock -w 300 7 || die "another testbed.sh is still working on $1"
}

case "${1:-}" in
  up) [ $# -eq 3 ] || usage; [ "$(id -u)" = 0 ] || die "must run as root"; lock_state "$3"; cmd_up "$2" "$3" ;;
  down) [ $# -eq 2 ] || usage; [ "$(id -u)" = 0 ] || die "must run as root"; lock_state "$2"; cmd_down "$2" ;;
  sheet) [ $# -eq 2 ] || usage; cat "$2/sheet.json" ;;
  exec) [ $# -ge 4 ] || usage; cmd_exec "$2" "$3" "${@:4}" ;;
  kill-sshd) [ $# -eq 3 ] || usage; cmd_kill_sshd "$2" "$3" ;;
  start-sshd) [ $# -eq 3 ] || usage; lock_state "$2"; cmd_start_sshd "$2" "$3" ;;
  plant) [ $# -eq 4 ] || usage; cmd_plant "$2" "$3" "$4" ;;
  *) usage ;;
esac
