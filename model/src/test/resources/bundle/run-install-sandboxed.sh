#!/usr/bin/env bash
# Runs a bundle's install.sh for real, as root, in a private mount and UTS namespace: tmpfs over the
# directories it writes (/etc/aziot, /var/aziot, /var/lib/aziot, /var/lib/nestedge, the trust store,
# /etc/docker), an optional daemon.json placed there first (NESTEDGE_DAEMON_JSON: a file to copy),
# the machine hostname set to the device's, and stand-ins only for iotedge, docker and systemctl
# (first on PATH). After install.sh, prints what was installed (owner, group, mode) so the test can
# check it; the namespace and its mounts vanish when this script ends.
# Before each run, stale runtime files stand in for what certd/keyd issued from an earlier Edge CA
# (/var/lib/aziot/certd/certs/stale-edgehub.cert.pem, /var/lib/aziot/keyd/keys/stale-edgehub.key);
# with NESTEDGE_RUN_TWICE=1 install.sh runs a second time on the same machine (same Edge CA), after
# seeding them again. Afterwards it prints what is left in certd/keyd, the installed Edge CA key's
# first line and whether that key matches the installed Edge CA certificate.
# Usage: run-install-sandboxed.sh BUNDLE_DIR MACHINE_HOSTNAME STANDINS_DIR [install.sh args...]
set -euo pipefail
bundle=$1; host=$2; standins=$3; shift 3
exec unshare --mount --uts --propagation private bash -c '
  set -u
  bundle=$1; host=$2; standins=$3; shift 3
  hostname "$host"
  certs_copy=$(mktemp -d)
  cp -a /etc/ssl/certs/. "$certs_copy"/
  for d in /etc/aziot /var/aziot /var/lib/aziot /var/lib/nestedge /usr/local/share/ca-certificates /etc/ssl/certs /etc/docker; do
    mkdir -p "$d"
    mount -t tmpfs -o mode=0755 tmpfs "$d"
  done
  cp -a "$certs_copy"/. /etc/ssl/certs/ && rm -rf "$certs_copy"
  if [ -n "${NESTEDGE_DAEMON_JSON:-}" ]; then cp "$NESTEDGE_DAEMON_JSON" /etc/docker/daemon.json; fi
  seed() {
    mkdir -p /var/lib/aziot/certd/certs /var/lib/aziot/keyd/keys
    echo stale > /var/lib/aziot/certd/certs/stale-edgehub.cert.pem
    echo stale > /var/lib/aziot/keyd/keys/stale-edgehub.key
  }
  seed
  PATH="$standins:$PATH" "$bundle/install.sh" "$@"
  rc=$?
  if [ "$rc" = 0 ] && [ -n "${NESTEDGE_RUN_TWICE:-}" ]; then
    echo "=== second run"
    seed
    PATH="$standins:$PATH" "$bundle/install.sh" "$@"
    rc=$?
  fi
  echo "=== installed"
  for f in /var/aziot/certs /var/aziot/certs/* /var/aziot/secrets /var/aziot/secrets/* /etc/aziot/config.toml; do
    [ -e "$f" ] && stat -c "%n %U %G %a" "$f"
  done
  echo "=== daemon.json"
  [ -e /etc/docker/daemon.json ] && stat -c "%n %U %G %a" /etc/docker/daemon.json && cat /etc/docker/daemon.json
  echo "=== runtime certs and keys"
  for d in /var/lib/aziot/certd/certs /var/lib/aziot/keyd/keys; do
    if [ -d "$d" ]; then echo "$d: $(ls -A "$d" | tr "\n" " ")"; else echo "$d: absent"; fi
  done
  echo "=== edge ca key"
  for k in /var/aziot/secrets/iot-edge-device-ca-*.key.pem; do
    [ -e "$k" ] || continue
    c=/var/aziot/certs/$(basename "$k" .key.pem)-full-chain.cert.pem
    echo "$k first line: $(head -n 1 "$k")"
    if [ "$(openssl pkey -in "$k" -pubout 2>&1)" = "$(openssl x509 -in "$c" -noout -pubkey 2>&1)" ]; then
      echo "$k matches $c: yes"
    else
      echo "$k matches $c: no"
    fi
  done
  echo "=== trust store"
  ls /usr/local/share/ca-certificates
  echo "=== rc $rc"
  exit $rc
' _ "$bundle" "$host" "$standins" "$@"
