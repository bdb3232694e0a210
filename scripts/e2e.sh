#!/usr/bin/env bash
# The main job end to end, as a technician runs it with the CLI (docs/e2e.md):
#  1. the sample plant rehearsed on the virtual plant:
#     build -> validate -> export -> plan -> commission --virtual -> report;
#  2. the same plant on the network-namespace test bed (commissioning/src/test/testbed/testbed.sh):
#     real Debian OpenSSH, sudo and update-ca-certificates, lower layers reachable only through their
#     parents: validate -> export -> commission over SSH (key login, pinned host keys, each device's
#     own sudo password from its 0600 file) -> report, then the bed is torn down (also on failure).
# Part 2 needs root (network namespaces) and the bed's packages; without them it is skipped with the
# reason, except under CI=true or NESTEDGE_TESTBED=required, where that is a failure.
# Run from anywhere in the clone (CI runs it on a clean clone). Needs JDK 17, Maven, openssl,
# pdftotext (poppler-utils); part 2 also openssh-server openssh-client sudo iproute2 jq.
# Prints "e2e: N passed, M failed" last; exits non-zero on any failure. E2E_SKIP_BUILD=1: use the jar
# already built; E2E_KEEP=1: keep the work directory (outputs, journals, reports; the bed still goes).
set -uo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
testbed="$root/commissioning/src/test/testbed/testbed.sh"
work=$(mktemp -d /tmp/nestedge-e2e.XXXXXX)
bed=""       # state dir of a running test bed (torn down by cleanup)
cp_copy=""   # copy of the jar outside /tmp for the bed's emulator launchers (/tmp is private in devices)
skipped=""
child=""     # the step running now (killed by cleanup when the script is interrupted)

cleanup() {
  if [ -n "$child" ] && kill -0 "$child" 2>/dev/null; then
    echo "e2e: interrupted; stopping the running step (pid $child)"
    # The step may be a subshell running a function (nestedge -> java): stop its children too.
    kill -TERM $(ps -o pid= --ppid "$child" 2>/dev/null) "$child" 2>/dev/null; wait "$child" 2>/dev/null
  fi
  if [ -n "$bed" ] && [ -e "$bed" ]; then
    echo "e2e: tearing the test bed down ($bed)"
    "$testbed" down "$bed" >/dev/null 2>&1 || echo "e2e: WARNING: '$testbed down $bed' failed; run it by hand"
  fi
  [ -n "$cp_copy" ] && rm -rf "$cp_copy"
  if [ "${E2E_KEEP:-0}" = 1 ]; then echo "e2e: kept $work (E2E_KEEP=1)"; else rm -rf "$work"; fi
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

passed=0; failed=0
ok()   { passed=$((passed + 1)); printf 'e2e: PASS %s\n' "$*"; }
bad()  { failed=$((failed + 1)); printf 'e2e: FAIL %s\n' "$*"; }

# The CLI as a technician calls it (the installed launcher is `nestedge`).
jar="$root/app/target/nestedge.jar"
nestedge() { java -jar "$jar" "$@"; }

# run NAME CMD...: show the command, run it (stdout -> NAME.out, stderr -> NAME.err), show exit code and time.
run() {
  local name=$1 rc t0
  shift
  printf 'e2e: $'; printf ' %q' "$@"; printf '\n'
  t0=$(date +%s%N)
  # In the background and waited for, so INT/TERM reach the traps at once (cleanup stops the step,
  # then tears the bed down) instead of after a long step ends.
  "$@" >"$name.out" 2>"$name.err" </dev/null &
  child=$!
  wait "$child"
  rc=$?
  child=""
  printf 'e2e:   exit %d in %d.%d s\n' "$rc" $(( ($(date +%s%N) - t0) / 1000000000 )) $(( ($(date +%s%N) - t0) / 100000000 % 10 ))
  return $rc
}

# show NAME: the tool's own output of step NAME (progress-bar frames dropped), indented.
show() {
  { cat "$1.out"; tr '\r' '\n' <"$1.err" | grep -Ev '^(Commission|Export) +[0-9]+% '; } | tail -n 60 | sed 's/^/e2e:   | /'
}

if [ "${E2E_SKIP_BUILD:-0}" != 1 ]; then
  echo "e2e: \$ mvn -q -B -ntp -DskipTests package"
  mvn -q -B -ntp -DskipTests package || { echo "e2e: build failed"; echo "e2e: 0 passed, 1 failed"; exit 1; }
fi
[ -f "$jar" ] || { echo "e2e: $jar is missing: build first (mvn -q -B -DskipTests package)"; echo "e2e: 0 passed, 1 failed"; exit 1; }
cp examples/sample-plant.json "$work/plant.json"
printf 'e2e-ca-pass-phrase\n' > "$work/ca.pass"
printf 'e2e-usb-pass-phrase\n' > "$work/usb.pass"
chmod 600 "$work"/*.pass
cd "$work"

# ------------------------------------------------------------------------------------------------
echo "e2e: == 1. the sample plant, rehearsed on the virtual plant =="

run validate nestedge validate plant.json && grep -q '0 error(s)' validate.out \
  && ok "validate: sample plant has no errors" || { bad "validate"; show validate; }

if run export nestedge export plant.json -o out --ca-passphrase-file ca.pass --bundle-passphrase-file usb.pass; then
  n=$(find out/devices -maxdepth 1 -name '*.tar.gz' | wc -l)
  [ "$n" -eq 4 ] && ok "export: 4 signed bundles" || bad "export: $n bundles"
  fp=$(sed -n 's/^Root CA SHA-256: //p' export.out)
  (cd out/devices/ops-gw && openssl cms -verify -binary -inform PEM -in SHA256SUMS.p7s -content SHA256SUMS \
      -CAfile certs/azure-iot-test-only.root.ca.cert.pem -purpose any -out /dev/null 2>/dev/null \
      && sha256sum --check --strict --quiet SHA256SUMS) && ok "export: ops-gw bundle signature and checksums verify" \
      || bad "export: bundle does not verify"
  grep -q "$fp" out/export-report.txt && ok "export: report carries the root CA fingerprint" || bad "export report"
else
  bad "export"; show export
fi

run plan nestedge plan plant.json --bundle out && grep -q 'through site-gw -> ops-gw' plan.out \
  && ok "plan: line1-edge is reached through its parents" || { bad "plan"; show plan; }

if run commission nestedge commission plant.json --bundle out --virtual --bundle-passphrase-file usb.pass; then
  ok "commission --virtual: every device green"
else
  bad "commission --virtual"; show commission
fi
grep -Eq '^ops-gw +L3 +ok +[0-9]+/0/0 ' commission.out && ok "commission: ops-gw ok, no check warnings" || { bad "commission table"; show commission; }

if run report nestedge report plant.commissioning.jsonl -o report.pdf --plant plant.json --bundle out; then
  missing=0
  pdftotext report.pdf report.txt
  for d in site-gw ops-gw line1-edge press-sensor-01; do
    grep -q -- "$d" report.txt || missing=$((missing + 1))
  done
  [ "$missing" -eq 0 ] && ok "report: PDF names every device" || bad "report: $missing device(s) missing"
else
  bad "report"; show report
fi

# ------------------------------------------------------------------------------------------------
# Why the test bed cannot run here (empty: it can). Same rule as the Java bed tests (TestbedRequirement).
bed_unavailable() {
  local why=() t missing=()
  [ "$(uname -s)" = Linux ] || why+=("needs Linux network namespaces")
  [ "$(id -u)" = 0 ] || why+=("needs root for network namespaces, mounts and users (uid $(id -u))")
  for t in ip unshare nsenter flock jq openssl ssh ssh-keygen sudo /usr/sbin/sshd pdftotext timeout; do
    command -v "$t" >/dev/null 2>&1 || missing+=("$t")
  done
  [ ${#missing[@]} -eq 0 ] || why+=("missing programs: ${missing[*]} (apt-get install openssh-server openssh-client sudo iproute2 openssl ca-certificates jq util-linux poppler-utils)")
  local w out=""
  for w in "${why[@]+"${why[@]}"}"; do out+="${out:+; }$w"; done
  echo "$out"
}

# sheet JQ: query the running bed's sheet (docs/testbed.md, "The sheet").
sheet() { jq -r "$@" bed/sheet.json; }

bed_part() {
  # 2.1 Bring the bed up from the sample plant; its iotedge/docker/systemctl run the emulator in the jar.
  local cp="$jar"
  case "$(realpath "$jar")" in
    /tmp/*) cp_copy=/run/nestedge-testbed/cp/e2e-$$; mkdir -p "$cp_copy" && cp "$jar" "$cp_copy/" && cp="$cp_copy/nestedge.jar" ;;
  esac
  bed="$work/bed"
  if ! run bed-up env NESTEDGE_CP="$cp" "$testbed" up plant.json bed; then
    bad "test bed: up"; show bed-up; return
  fi
  local n ids id
  n=$(sheet .instance)
  mapfile -t ids < <(sheet '.devices[].id')
  ok "test bed: up (instance $n, ${#ids[@]} devices: ${ids[*]}; real OpenSSH in network namespaces)"

  # The laptop reaches the top layer only: a lower layer's address has no route.
  local mid_addr
  mid_addr=$(sheet '.devices[] | select(.parentId != "") | .sshAddress' | head -n 1)
  if timeout 5 bash -c "exec 3<>/dev/tcp/$mid_addr/22" 2>/dev/null; then
    bad "test bed: $mid_addr (a lower layer) is reachable from the laptop; it must not be"
  else
    ok "test bed: lower layer $mid_addr is unreachable from the laptop (the CLI has to jump through parents)"
  fi

  # 2.2 The plant file for the bed: the sample plant with each device's ssh address as its parent dials it.
  if run bed-plant "$testbed" plant bed plant.json bed-plant.json \
      && [ "$(jq -r '[.devices[] | "\(.id) \(.ssh.address) \(.ssh.reach)"] | join(",")' bed-plant.json)" \
         = "$(sheet '[.devices[] | "\(.id) \(.sshAddress) \(if .parentId == "" then "DIRECT" else "VIA_PARENT" end)"] | join(",")')" ]; then
    ok "bed plant: every device carries its bed address; lower layers VIA_PARENT"
  else
    bad "bed plant"; show bed-plant; return
  fi

  run bed-validate nestedge validate bed-plant.json && grep -q ' 0 error(s)' bed-validate.out \
    && ok "validate: bed plant has no errors" || { bad "validate bed plant"; show bed-validate; }

  # 2.3 Export: SSH bundles (plain device keys, the documented mode for commissioning over SSH).
  if run bed-export nestedge export bed-plant.json -o bed-out --plain-keys --ca-passphrase-file ca.pass; then
    local nb
    nb=$(find bed-out/devices -mindepth 1 -maxdepth 1 -type d | wc -l)
    [ "$nb" -eq "${#ids[@]}" ] && ok "export: ${nb} bundles for the bed plant" || bad "export: $nb bundles for ${#ids[@]} devices"
  else
    bad "export bed plant"; show bed-export; return
  fi

  # Credentials exactly as a technician passes them: key file, each device's sudo password from its
  # own 0600 file (never on the command line), every host key pinned to the fingerprint on the sheet.
  local key sudo_args=() pins=() f top top_addr top_fp
  key=$(realpath --relative-to=. "$(sheet .adminKey)")
  for id in "${ids[@]}"; do
    f=$(realpath --relative-to=. "$(sheet --arg id "$id" '.devices[] | select(.id == $id) | .sudoPasswordFile')")
    sudo_args+=(--device-sudo-password-file "$id=$f")
  done
  mapfile -t pins < <(sheet '.devices[] | "--pin", "\(.sshAddress):\(.sshPort)=\(.hostKeyFingerprint)"')
  top=${ids[0]}
  top_addr=$(sheet '.devices[0].sshAddress'); top_fp=$(sheet '.devices[0].hostKeyFingerprint')

  # 2.4 Without a pin or --accept-new-host-keys an unknown host key stops the device before login.
  if run bed-refused nestedge commission bed-plant.json --bundle bed-out --devices "$top" -i "$key" \
      --known-hosts known_hosts --device-sudo-password-file "$top=$(realpath --relative-to=. "$(sheet '.devices[0].sudoPasswordFile')")" \
      --journal refused.jsonl; then
    bad "commission without pins: accepted an unknown host key"; show bed-refused
  elif grep -qF "Unknown host key of $top_addr: ssh-ed25519 $top_fp" bed-refused.err \
      && ! grep -q 'Accepted publickey' "bed/devices/$top/sshd.log"; then
    ok "commission: $top's unknown host key refused without --pin/--accept-new-host-keys (fingerprint shown = the device's; no login)"
  else
    bad "commission without pins: not refused as expected"; show bed-refused
  fi

  # 2.5 Commission every device over real SSH, lower layers through their parents.
  if run bed-commission nestedge commission bed-plant.json --bundle bed-out -i "$key" --known-hosts known_hosts \
      "${pins[@]}" "${sudo_args[@]}"; then
    ok "commission: exit 0 over real OpenSSH"
  else
    bad "commission over real OpenSSH"; show bed-commission
  fi
  local row
  for id in "${ids[@]}"; do
    row=$(grep -E "^$id +" bed-commission.out | head -n 1)
    if [[ $row =~ ^$id\ +[^\ ]+\ +(ok)\ +([0-9]+/0/0|-)( |$) ]]; then
      ok "commission: $id ${BASH_REMATCH[1]} (checks ok/warn/err ${BASH_REMATCH[2]})"
    else
      bad "commission: $id: ${row:-no row in the table}"
    fi
  done

  # Every login a lower layer accepted came from its parent's address: the jump chain was used.
  local from peer wrong=0 lower=()
  mapfile -t lower < <(sheet '.devices[] | select(.parentId != "") | .id')
  for id in "${lower[@]}"; do
    peer=$(sheet --arg id "$id" '.devices[] | select(.id == $id) | .addresses[] | select(.link == "uplink") | .peer')
    from=$(sed -n 's/.*Accepted publickey for [^ ]* from \([0-9.]*\) port.*/\1/p' "bed/devices/$id/sshd.log" | sort -u | tr '\n' ' ')
    [ "$from" = "$peer " ] || { wrong=1; echo "e2e:   $id accepted logins from: ${from:-none} (its parent is $peer)"; }
  done
  [ "$wrong" -eq 0 ] && ok "commission: ${lower[*]} were logged into from their parent's address only (jump chain)" \
    || bad "commission: logins not through the parent chain"

  # Checked on the devices themselves, not through the tool.
  local leaf parent parent_host
  leaf=$(sheet '.devices[] | select(.kind == "LEAF") | .id' | head -n 1)
  parent=$(sheet --arg id "$leaf" '.devices[] | select(.id == $id) | .parentId')
  parent_host=$(sheet --arg id "$parent" '.devices[] | select(.id == $id) | .hostname')
  if run bed-tls "$testbed" exec bed "$leaf" -- timeout 20 openssl s_client -connect "$parent_host:8883" \
      -verify_hostname "$parent_host" -verify_return_error </dev/null && grep -q 'Verify return code: 0 (ok)' bed-tls.out; then
    ok "device: $leaf verifies $parent's edgeHub ($parent_host:8883) with its OS trust store (real openssl)"
  else
    bad "device: $leaf cannot verify $parent's edgeHub"; show bed-tls
  fi
  if run bed-list "$testbed" exec bed "$parent" -- iotedge list && grep -Eq '^edgeHub +running' bed-list.out; then
    ok "device: iotedge list on $parent shows edgeHub running"
  else
    bad "device: iotedge list on $parent"; show bed-list
  fi

  # 2.6 The report from the run's journal.
  if run bed-report nestedge report bed-plant.commissioning.jsonl -o bed-report.pdf --plant bed-plant.json --bundle bed-out \
      && pdftotext bed-report.pdf bed-report.txt; then
    local absent=()
    for id in "${ids[@]}"; do grep -q -- "$id" bed-report.txt || absent+=("$id"); done
    [ ${#absent[@]} -eq 0 ] && ok "report: bed-report.pdf names every device" || bad "report: missing ${absent[*]}"
  else
    bad "report from the bed run"; show bed-report
  fi

  # 2.7 Tear down; nothing of the bed may be left.
  if run bed-down "$testbed" down bed && [ ! -e bed ] && ! ip netns list | grep -qE "^nebed$n-"; then
    ok "test bed: torn down (no namespaces, no state dir)"
    bed=""
  else
    bad "test bed: teardown"; show bed-down
  fi
}

echo "e2e: == 2. the sample plant on the namespace test bed: real OpenSSH, through the CLI =="
why=$(bed_unavailable)
if [ -z "$why" ]; then
  bed_part
elif [ "${CI:-}" = true ] || [ "${NESTEDGE_TESTBED:-}" = required ]; then
  bad "test bed: cannot run here: $why (required: CI=true or NESTEDGE_TESTBED=required)"
else
  skipped="test bed part skipped: $why"
  echo "e2e: SKIP the test bed part: $why."
  echo "e2e:   As root (CI runs it so) it commissions the sample plant over real OpenSSH; see docs/e2e.md."
fi

printf 'e2e: %d passed, %d failed%s\n' "$passed" "$failed" "${skipped:+ ($skipped)}"
[ "$failed" -eq 0 ]
