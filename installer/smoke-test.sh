#!/usr/bin/env bash
# Smoke test of a built NestEdge Studio app-image (and, with --install-deb, of the .deb).
# Builds nothing: run `mvn -B -Pinstaller -DskipTests package` first.
#
#   installer/smoke-test.sh [--install-deb] [APP_IMAGE_DIR]
#
# APP_IMAGE_DIR defaults to installer/target/jpackage/nestedge-studio. Checks, in order:
#   1. bin/nestedge --version                      prints "NestEdge Studio <POM version>", exit 0 (the
#      version the build filtered into installer/target/jpackage-config/pom-version.txt)
#   2. bin/nestedge validate examples/sample-plant.json   exit 0 (1 = findings on the sample: reported, fails)
#   3. bin/nestedge export examples/sample-plant.json     exit 0, one signed bundle (+ .tar.gz) per
#      plant device, hub scripts, export report with the root CA fingerprint
#   4. bin/nestedge-studio examples/sample-plant.json under Xvfb: the designer window appears, the
#      process is still alive, a screenshot is saved to installer/target/smoke-screenshot.png
#   5. --install-deb (root, as in CI): the .deb declares the GTK/X libraries the runtime loads
#      (Depends) and carries the licence; apt-get install ./nestedge-studio_*.deb (next to the image),
#      /opt/nestedge-studio/bin/nestedge --version, `nestedge` on PATH, apt-get remove --purge.
# Needs: jq, xvfb, xauth, x11-utils (xwininfo), imagemagick (import, identify); the runtime needs libgtk-3-0
# and libxtst6. Exit code 0 only if every check that ran passed.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/.." && pwd)"
install_deb=false
image=""
for arg in "$@"; do
  case "$arg" in
    --install-deb) install_deb=true ;;
    -h|--help) sed -n '2,19p' "$0"; exit 0 ;;
    -*) echo "smoke-test: unknown option $arg (see --help)" >&2; exit 2 ;;
    *) image="$arg" ;;
  esac
done
image="${image:-$repo/installer/target/jpackage/nestedge-studio}"
image="$(cd "$image" 2>/dev/null && pwd)" || { echo "smoke-test: no app-image at ${image}; build it with: mvn -B -Pinstaller -DskipTests package" >&2; exit 2; }
cli="$image/bin/nestedge"
studio="$image/bin/nestedge-studio"
sample="$repo/examples/sample-plant.json"
out="$repo/installer/target"
mkdir -p "$out"
for f in "$cli" "$studio"; do
  [ -x "$f" ] || { echo "smoke-test: launcher missing or not executable: $f" >&2; exit 2; }
done

failures=0
step() { printf '\n== %s\n' "$*"; }
pass() { printf 'PASS  %s\n' "$*"; }
fail() { printf 'FAIL  %s\n' "$*"; failures=$((failures + 1)); }

work="$(mktemp -d)"
studio_pid=""
cleanup() {
  if [ -n "$studio_pid" ] && kill -0 "$studio_pid" 2>/dev/null; then kill "$studio_pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

# 1. Version.
step "nestedge --version"
pom_version_file="$repo/installer/target/jpackage-config/pom-version.txt"
pom_version="$(cat "$pom_version_file" 2>/dev/null || true)"
if [ -z "$pom_version" ]; then
  fail "no POM version at $pom_version_file (build the image with: mvn -B -Pinstaller -DskipTests package)"
elif version="$("$cli" --version 2>&1)" && [ "$version" = "NestEdge Studio $pom_version" ]; then
  pass "$version (the POM's version)"
else
  fail "nestedge --version: '${version:-}', expected 'NestEdge Studio $pom_version' (the POM's version)"
fi

# 2. Validate the sample plant. Exit 1 means the rules found something in the sample: that is a real
# finding (sample or rules), reported here with the CLI's own output, never hidden.
step "nestedge validate examples/sample-plant.json"
set +e
"$cli" validate "$sample" >"$work/validate.out" 2>&1
rc=$?
set -e
cat "$work/validate.out"
case "$rc" in
  0) pass "validate exit 0" ;;
  1) fail "validate exit 1: findings on the sample plant (see above) - fix the sample or the rule, not this test" ;;
  *) fail "validate exit $rc (unusable input or crash)" ;;
esac

# 3. Export the sample plant the way the README's tour does (pass phrases from 0600 files).
step "nestedge export"
export_dir="$work/export"
printf 'smoke-ca-pass\n' >"$work/ca.pass"
printf 'smoke-usb-pass\n' >"$work/usb.pass"
chmod 600 "$work/ca.pass" "$work/usb.pass"
cp "$sample" "$work/plant.json"
set +e
"$cli" export "$work/plant.json" -o "$export_dir" --ca-passphrase-file "$work/ca.pass" \
  --bundle-passphrase-file "$work/usb.pass" >"$work/export.out" 2>&1
rc=$?
set -e
cat "$work/export.out"
devices="$(jq -r '.devices[].id' "$sample")"
if [ "$rc" -ne 0 ]; then
  fail "export exit $rc"
else
  missing=""
  for d in $devices; do
    for f in "devices/$d/SHA256SUMS" "devices/$d/SHA256SUMS.p7s" "devices/$d/install.sh" "devices/$d.tar.gz"; do
      [ -s "$export_dir/$f" ] || missing="$missing $f"
    done
  done
  for f in hub/setup-hub.sh hub/setup-hub.ps1 export-report.txt; do
    [ -s "$export_dir/$f" ] || missing="$missing $f"
  done
  if [ -n "$missing" ]; then
    fail "export exit 0 but missing:$missing"
  elif ! grep -q 'SHA-256' "$export_dir/export-report.txt"; then
    fail "export report names no root CA SHA-256 fingerprint"
  else
    pass "export exit 0: a signed bundle per device ($(echo $devices | wc -w)), hub scripts, report"
  fi
fi

# 4. The designer under Xvfb: wait for its window, screenshot, check it is still running.
step "nestedge-studio under Xvfb"
shot="$out/smoke-screenshot.png"
rm -f "$shot"
if ! command -v xvfb-run >/dev/null || ! command -v import >/dev/null || ! command -v xwininfo >/dev/null; then
  fail "needs xvfb-run, xauth, import (imagemagick) and xwininfo (x11-utils)"
else
  auth="$work/Xauthority"
  mkdir -p "$work/home"
  cat >"$work/studio.sh" <<'EOS'
#!/usr/bin/env bash
# Runs inside xvfb-run: start the designer, wait up to 60 s for its window, screenshot, stop it.
set -u
studio="$1" sample="$2" shot="$3" log="$4"
export XAUTHORITY="$5"
# A fresh home (Java takes user.home from the passwd entry, so set that too): shows whether JavaFX unpacks
# native libraries into ~/.openjfx/cache, and keeps the designer's preferences out of the real home.
export HOME="$6"
# JAVA_TOOL_OPTIONS reaches the JVM behind any launcher (jpackage's ignore JDK_JAVA_OPTIONS);
# javafx.verbose logs where each native library came from.
export JAVA_TOOL_OPTIONS="-Duser.home=$HOME -Djavafx.verbose=true"
"$studio" "$sample" >"$log" 2>&1 &
pid=$!
for _ in $(seq 1 120); do
  if xwininfo -root -tree 2>/dev/null | grep -q 'NestEdge Studio"'; then break; fi
  kill -0 "$pid" 2>/dev/null || break
  sleep 0.5
done
if ! xwininfo -root -tree 2>/dev/null | grep -q 'NestEdge Studio"'; then
  if kill -0 "$pid" 2>/dev/null; then
    echo "no window titled '… — NestEdge Studio' within 60 s"; kill "$pid"
  else
    wait "$pid"; echo "the designer exited (code $?) before its window appeared"
  fi
  exit 3
fi
# Let the first frames render: under load the window can be mapped well before it is painted, so
# screenshot until it shows more than a blank surface (up to 30 s).
for _ in $(seq 1 15); do
  sleep 2
  import -window root "$shot"
  [ "$(identify -format '%k' "$shot" 2>/dev/null || echo 0)" -gt 16 ] && break
done
if ! kill -0 "$pid" 2>/dev/null; then echo "the designer exited"; exit 4; fi
xwininfo -root -tree | grep '"NestEdge Studio' | head -3
kill "$pid"; wait "$pid" 2>/dev/null
exit 0
EOS
  chmod +x "$work/studio.sh"
  set +e
  xvfb-run -a -f "$auth" -s "-screen 0 1280x1024x24" "$work/studio.sh" "$studio" "$sample" "$shot" "$out/smoke-studio.log" "$auth" "$work/home"
  rc=$?
  set -e
  if [ "$rc" -eq 0 ] && [ -s "$shot" ]; then
    colours="$(identify -format '%k' "$shot" 2>/dev/null || echo 0)"
    if [ "$colours" -gt 16 ]; then
      pass "designer window shown, screenshot $shot ($colours colours)"
    else
      fail "screenshot $shot is nearly blank ($colours colours)"
    fi
  else
    fail "designer did not come up (exit $rc); log: $out/smoke-studio.log"
    tail -20 "$out/smoke-studio.log" 2>/dev/null || true
  fi
  if [ "$rc" -ne 0 ]; then
    : # no verdict on native libraries without a running designer
  elif [ -d "$work/home/.openjfx" ]; then
    fail "JavaFX unpacked native libraries into ~/.openjfx instead of loading the runtime's: $(find "$work/home/.openjfx" -name '*.so' | head -3 | tr '\n' ' ')"
  else
    pass "JavaFX loaded its native libraries from the runtime (nothing unpacked into ~/.openjfx)"
  fi
fi

# 5. The .deb: install, run the installed CLI, remove.
if $install_deb; then
  step "install the .deb"
  deb="$(ls "$(dirname "$image")"/nestedge-studio_*.deb 2>/dev/null | head -1 || true)"
  if [ -z "$deb" ]; then
    fail "no nestedge-studio_*.deb next to $image"
  elif [ "$(id -u)" -ne 0 ]; then
    fail "--install-deb needs root (apt-get install)"
  else
    export DEBIAN_FRONTEND=noninteractive
    depends="$(dpkg-deb -f "$deb" Depends)"
    for lib in libgtk-3-0 libxtst6 libgl1; do
      case "$depends" in
        *"$lib"*) ;;
        *) fail "the .deb does not declare $lib (Depends: $depends)" ;;
      esac
    done
    echo "INFO  Depends: $depends"
    if apt-get install -y -qq "$deb" >"$work/apt.out" 2>&1; then
      # jpackage puts --license-file into <install dir>/share/doc/copyright (the runtime's own legal
      # files are under lib/runtime/legal and do not count).
      licence="$(dpkg -L nestedge-studio | grep -E '/share/doc/copyright$' | head -1)"
      if [ -n "$licence" ] && grep -q 'Apache License' "$licence"; then
        pass "licence installed: $licence"
      else
        fail "no licence (copyright file with the Apache License text) in the package: '${licence:-}'"
      fi
      if v="$(/opt/nestedge-studio/bin/nestedge --version 2>&1)" && [[ "$v" == "NestEdge Studio "* ]]; then
        pass "installed $(basename "$deb"): /opt/nestedge-studio/bin/nestedge --version -> $v"
      else
        fail "installed CLI: '${v:-}'"
      fi
      if v2="$(nestedge --version 2>&1)" && [ "$v2" = "$v" ]; then
        pass "nestedge on PATH: $(command -v nestedge) -> $(readlink "$(command -v nestedge)")"
      else
        fail "nestedge not on PATH after install: '${v2:-}'"
      fi
      [ -f /opt/nestedge-studio/lib/nestedge-studio-nestedge-studio.desktop ] \
        && pass "menu entry shipped: /opt/nestedge-studio/lib/nestedge-studio-nestedge-studio.desktop" \
        || fail "no menu entry (.desktop) in the package"
      if [ -f /usr/share/applications/nestedge-studio-nestedge-studio.desktop ]; then
        echo "INFO  menu entry registered in /usr/share/applications"
      else
        echo "INFO  menu entry not registered (this system has no desktop menu directory; postinst skipped it)"
      fi
      apt-get remove --purge -y -qq nestedge-studio >>"$work/apt.out" 2>&1 || fail "apt-get remove nestedge-studio"
      if [ ! -e /opt/nestedge-studio ] && [ ! -L /usr/bin/nestedge ]; then
        pass "removed (/opt/nestedge-studio and /usr/bin/nestedge gone)"
      else
        fail "left behind after remove: $(ls -d /opt/nestedge-studio /usr/bin/nestedge 2>/dev/null | tr '\n' ' ')"
      fi
    else
      cat "$work/apt.out"
      fail "apt-get install $deb"
    fi
  fi
fi

echo
if [ "$failures" -eq 0 ]; then echo "smoke-test: all checks passed"; else echo "smoke-test: $failures check(s) failed"; fi
[ "$failures" -eq 0 ]
