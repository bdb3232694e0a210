package io.nestedge.model.steps;

import io.nestedge.model.shell.ShellQuote;
import java.util.List;

/**
 * Writes a bundle's {@code install.sh}: runs offline on the device, as root, from the bundle
 * directory. It prints the root CA's SHA-256 fingerprint for the technician to compare with the
 * export report, copies the bundle to a private temporary directory, verifies the signature and
 * every checksum there before touching anything, decrypts the device keys with a pass phrase it asks
 * for (USB bundles), then runs the same {@link InstallSteps} the SSH commissioning runs.
 */
public final class InstallScript {
    private InstallScript() {
    }

    /**
     * Renders the script.
     *
     * @param spec the device's bundle description
     * @param steps the device's steps ({@link InstallSteps#forDevice})
     * @param encryptedKeys bundle-relative paths of encrypted PKCS#8 keys to decrypt into the key
     *     paths named in {@code spec.keyFiles()} (same order); empty when keys travel unencrypted
     * @param generatedBy a line naming the tool version and export time
     * @return the script text
     */
    public static String render(DeviceInstallSpec spec, List<InstallStep> steps, List<String> encryptedKeys,
            String generatedBy) {
        StringBuilder sb = new StringBuilder();
        sb.append("#!/usr/bin/env bash\n");
        sb.append("# install.sh for IoT Edge device ").append(oneLine(spec.deviceId())).append(" (")
                .append(oneLine(spec.hostname())).append(")\n");
        sb.append("# ").append(oneLine(generatedBy)).append("\n");
        sb.append("# Usage (as root, from the bundle directory): ./install.sh [--root-sha256 FP] [--passphrase-stdin]\n");
        sb.append("#   --root-sha256 FP    the root CA fingerprint from the export report: compared instead of asked\n");
        sb.append("#   --passphrase-stdin  read the key pass phrase from standard input instead of the terminal\n");
        sb.append("# Runs offline. Refuses to run on a bundle whose signature or checksums do not verify.\n");
        sb.append("set -euo pipefail\n");
        sb.append("umask 077\n");
        sb.append("DEVICE_ID=").append(ShellQuote.quote(spec.deviceId())).append('\n');
        sb.append("ROOT_CA=").append(ShellQuote.quote(spec.rootCa().source())).append('\n');
        sb.append(helpers());
        sb.append("""
                EXPECT_FP=""; PASS_STDIN=0
                while [ $# -gt 0 ]; do
                  case "$1" in
                    --root-sha256) [ $# -ge 2 ] || fail "--root-sha256 needs the fingerprint from the export report"; EXPECT_FP=$2; shift ;;
                    --root-sha256=*) EXPECT_FP=${1#*=} ;;
                    --yes) fail "--yes is not accepted: the bundle is verified against the root CA it carries, so only that CA's fingerprint proves it is your plant's. Give it instead: --root-sha256 <fingerprint from export-report.txt>" ;;
                    --passphrase-stdin) PASS_STDIN=1 ;;
                    *) fail "unknown option $1 (use --root-sha256 FP, --passphrase-stdin)" ;;
                  esac
                  shift
                done
                [ "$(id -u)" -eq 0 ] || fail "run as root: sudo ./install.sh"
                SRC_DIR=$(cd "$(dirname "$0")" && pwd)
                cd "$SRC_DIR"
                [ -f "$ROOT_CA" ] || fail "the bundle has no root CA file $ROOT_CA: it is incomplete"
                say "Device: $DEVICE_ID"
                say "Root CA SHA-256 fingerprint (compare with the export report):"
                ROOT_FP=$(openssl x509 -noout -fingerprint -sha256 -in "$ROOT_CA" | sed 's/^.*=//')
                say "  $ROOT_FP"
                if [ -n "$EXPECT_FP" ]; then
                  fp_norm() { printf '%s' "$1" | tr -d ': ' | tr 'a-f' 'A-F'; }
                  [ "$(fp_norm "$EXPECT_FP")" = "$(fp_norm "$ROOT_FP")" ] \
                    || fail "the bundle's root CA ($ROOT_FP) is not the one given with --root-sha256 ($EXPECT_FP): it was not made with your plant's CA. Nothing was changed."
                  say "It matches the fingerprint given with --root-sha256."
                else
                  [ -t 0 ] || fail "no terminal to confirm the fingerprint: compare it with the export report, then run again with --root-sha256 <that fingerprint>"
                  read -r -p "Does it match the export report? [y/N] " answer
                  case "$answer" in y|Y|yes|YES) ;; *) fail "fingerprint not confirmed: nothing was changed" ;; esac
                fi
                WORK=$(mktemp -d /tmp/nestedge-install.XXXXXX)
                trap 'rm -rf "$WORK"' EXIT
                cp -a "$SRC_DIR"/. "$WORK"/
                cd "$WORK"
                """);
        sb.append(BashRenderer.functions(steps));
        InstallStep verify = steps.stream().filter(s -> s.id().equals(InstallSteps.VERIFY_BUNDLE)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("steps lack " + InstallSteps.VERIFY_BUNDLE));
        sb.append(BashRenderer.functionName(verify)).append(" || fail 'the bundle does not verify: it was changed after export. Nothing was installed.'\n");
        if (!encryptedKeys.isEmpty()) {
            if (encryptedKeys.size() != spec.keyFiles().size()) {
                throw new IllegalArgumentException("one encrypted key per key file is needed");
            }
            sb.append("""
                    if [ "$PASS_STDIN" -eq 1 ]; then
                      IFS= read -r PASSPHRASE || true
                    else
                      [ -t 0 ] || fail "the device keys are encrypted: run from a terminal, or pass --passphrase-stdin"
                      IFS= read -r -s -p "Pass phrase for the device keys: " PASSPHRASE; echo
                    fi
                    export PASSPHRASE
                    """);
            for (int i = 0; i < encryptedKeys.size(); i++) {
                String enc = encryptedKeys.get(i);
                String plain = spec.keyFiles().get(i).source();
                sb.append(ShellQuote.command("openssl", "pkey", "-in", enc, "-passin", "env:PASSPHRASE", "-out", plain))
                        .append(" || fail ").append(ShellQuote.quote("wrong pass phrase for " + enc + ": nothing was installed"))
                        .append('\n');
            }
            sb.append("unset PASSPHRASE\n");
        }
        for (InstallStep s : steps) {
            if (!s.id().equals(InstallSteps.VERIFY_BUNDLE)) {
                sb.append(BashRenderer.functionName(s)).append('\n');
            }
        }
        sb.append("say \"Done: device $DEVICE_ID is configured.\"\n");
        return sb.toString();
    }

    /**
     * The shell helper functions every rendered step may call ({@code say}, {@code warn},
     * {@code fail}, {@code check_hostname}, {@code json_holds FILE FRAGMENT…}: exit 0 when the file, its
     * whitespace removed, contains every fragment); {@code install.sh} and the Ansible playbook both start
     * with them. Expects {@code DEVICE_ID} to be set.
     */
    public static String helpers() {
        return """
                say() { printf '%s\\n' "$*"; }
                warn() { printf 'install.sh: warning: %s\\n' "$*" >&2; }
                fail() { printf 'install.sh: error: %s\\n' "$*" >&2; exit 1; }
                check_hostname() {
                  local planned actual
                  planned=$(printf '%s' "$1" | tr '[:upper:]' '[:lower:]')
                  actual=$(hostname | tr '[:upper:]' '[:lower:]')
                  case "$planned" in
                    "$actual"|"$actual".*) return 0 ;;
                  esac
                  if printf '%s' "$planned" | grep -Eq '^[0-9]+(\\.[0-9]+){3}$|:'; then return 0; fi
                  fail "this machine is '$actual' but the bundle is for hostname '$1' (device $DEVICE_ID). Use the bundle made for this device, or set the machine's hostname first (facts: set it before edgeHub is first created)."
                }
                json_holds() {
                  local flat want
                  flat=$(tr -d ' \\t\\r\\n' < "$1") || return 1
                  shift
                  for want in "$@"; do
                    case "$flat" in *"$want"*) ;; *) return 1 ;; esac
                  done
                }

                """;
    }

    private static String oneLine(String s) {
        return s.replace('\r', ' ').replace('\n', ' ');
    }
}
