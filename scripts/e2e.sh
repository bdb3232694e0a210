#!/usr/bin/env bash
# The main job end to end, exactly as the README's tour runs it, on the sample plant:
# build -> validate -> export -> plan -> commission --virtual -> report.
# Run from the repository root (CI runs it on a clean clone). Needs JDK 17, Maven, openssl,
# pdftotext (poppler-utils). Prints "e2e: N passed, M failed" last; exits non-zero on any failure.
set -uo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
work=$(mktemp -d /tmp/nestedge-e2e.XXXXXX)
trap 'rm -rf "$work"' EXIT
passed=0; failed=0
ok()   { passed=$((passed + 1)); printf 'e2e: PASS %s\n' "$*"; }
bad()  { failed=$((failed + 1)); printf 'e2e: FAIL %s\n' "$*"; }

if [ "${E2E_SKIP_BUILD:-0}" != 1 ]; then
  mvn -q -B -ntp -DskipTests package || { echo "e2e: build failed"; echo "e2e: 0 passed, 1 failed"; exit 1; }
fi
jar="$root/app/target/nestedge.jar"
cp examples/sample-plant.json "$work/plant.json"
printf 'e2e-ca-pass-phrase\n' > "$work/ca.pass"
printf 'e2e-usb-pass-phrase\n' > "$work/usb.pass"
chmod 600 "$work"/*.pass
cd "$work"

java -jar "$jar" validate plant.json > validate.out 2>&1 \
  && grep -q '0 error(s)' validate.out && ok "validate: sample plant has no errors" || { bad "validate"; cat validate.out; }

if java -jar "$jar" export plant.json -o out --ca-passphrase-file ca.pass --bundle-passphrase-file usb.pass > export.out 2>&1; then
  n=$(find out/devices -maxdepth 1 -name '*.tar.gz' | wc -l)
  [ "$n" -eq 4 ] && ok "export: 4 signed bundles" || bad "export: $n bundles"
  fp=$(sed -n 's/^Root CA SHA-256: //p' export.out)
  (cd out/devices/ops-gw && openssl cms -verify -binary -inform PEM -in SHA256SUMS.p7s -content SHA256SUMS \
      -CAfile certs/azure-iot-test-only.root.ca.cert.pem -purpose any -out /dev/null 2>/dev/null \
      && sha256sum --check --strict --quiet SHA256SUMS) && ok "export: ops-gw bundle signature and checksums verify" \
      || bad "export: bundle does not verify"
  grep -q "$fp" out/export-report.txt && ok "export: report carries the root CA fingerprint" || bad "export report"
else
  bad "export"; cat export.out
fi

java -jar "$jar" plan plant.json --bundle out > plan.out 2>&1 \
  && grep -q 'through site-gw -> ops-gw' plan.out && ok "plan: line1-edge is reached through its parents" \
  || { bad "plan"; tail -5 plan.out; }

if java -jar "$jar" commission plant.json --bundle out --virtual --bundle-passphrase-file usb.pass > commission.out 2> commission.err; then
  ok "commission --virtual: every device green"
else
  bad "commission --virtual"; cat commission.out; tail -20 commission.err
fi
grep -Eq '^ops-gw +L3 +(ok|warning) ' commission.out && ok "commission: ops-gw commissioned" || bad "commission table"

if java -jar "$jar" report plant.commissioning.jsonl -o report.pdf --plant plant.json --bundle out > report.out 2>&1; then
  missing=0
  pdftotext report.pdf report.txt
  for d in site-gw ops-gw line1-edge press-sensor-01; do
    grep -q -- "$d" report.txt || missing=$((missing + 1))
  done
  [ "$missing" -eq 0 ] && ok "report: PDF names every device" || bad "report: $missing device(s) missing"
else
  bad "report"; cat report.out
fi

printf 'e2e: %d passed, %d failed\n' "$passed" "$failed"
[ "$failed" -eq 0 ]
