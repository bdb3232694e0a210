#!/usr/bin/env bash
# Runs the README's run command exactly as written (`mvn -q compile javafx:run` from the repository
# root) under Xvfb and checks that the designer opens on the sample plant: a window titled
# "… (sample-plant.json) — NestEdge Studio" appears within 180 s, the JVM is still running, and a
# screenshot is saved to target/readme-run.png. Then stops Maven and the designer it started.
#
#   scripts/readme-run-smoke.sh
#
# Needs: xvfb, xauth, x11-utils (xwininfo), imagemagick (import, identify); the JavaFX runtime needs
# libgtk-3-0 and libxtst6 (.ci/run installs them). Exit code 0 only if the designer came up.
# The designer's preferences and recovery files go to a fresh home under target/, so a recovery prompt
# from an earlier run on this machine cannot hide the window.
set -euo pipefail
cd "$(dirname "$0")/.."
repo="$(pwd)"
out="$repo/target"
mkdir -p "$out"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
for tool in xvfb-run xwininfo import identify; do
  command -v "$tool" >/dev/null || { echo "readme-run-smoke: needs $tool (see the header)" >&2; exit 2; }
done

cat >"$work/inside.sh" <<'EOS'
#!/usr/bin/env bash
# Inside xvfb-run: the README's command in its own process group, so that stopping it stops the JVM
# that javafx:run forked too.
set -u
repo="$1" shot="$2" log="$3" home="$4"
export JAVA_TOOL_OPTIONS="-Duser.home=$home"
cd "$repo"
setsid mvn -q compile javafx:run >"$log" 2>&1 &
pid=$!
# The title is "<plant name> (sample-plant.json) — NestEdge Studio"; xwininfo may escape the dash.
shown() { xwininfo -root -tree 2>/dev/null | grep -F '(sample-plant.json)' | grep -qF 'NestEdge Studio"'; }
found=false
for _ in $(seq 1 360); do
  if shown; then found=true; break; fi
  kill -0 "$pid" 2>/dev/null || break
  sleep 0.5
done
rc=0
if ! $found; then
  if kill -0 "$pid" 2>/dev/null; then echo "no window titled '… (sample-plant.json) — NestEdge Studio' within 180 s"; rc=3
  else wait "$pid"; echo "mvn javafx:run exited (code $?) before the window appeared"; rc=3; fi
else
  # First frames: under load the window is mapped before it is painted; retry up to 30 s.
  for _ in $(seq 1 15); do
    sleep 2
    import -window root "$shot"
    [ "$(identify -format '%k' "$shot" 2>/dev/null || echo 0)" -gt 16 ] && break
  done
  if kill -0 "$pid" 2>/dev/null; then
    xwininfo -root -tree | grep -F "NestEdge Studio\"" | head -2
  else
    echo "mvn javafx:run exited after the window appeared"; rc=4
  fi
fi
kill -TERM -- "-$pid" 2>/dev/null || true
for _ in $(seq 1 20); do kill -0 -- "-$pid" 2>/dev/null || break; sleep 0.5; done
kill -KILL -- "-$pid" 2>/dev/null || true
exit "$rc"
EOS
chmod +x "$work/inside.sh"
mkdir -p "$work/home"
shot="$out/readme-run.png"
rm -f "$shot"
set +e
xvfb-run -a -s "-screen 0 1280x1024x24" "$work/inside.sh" "$repo" "$shot" "$out/readme-run.log" "$work/home"
rc=$?
set -e
if [ "$rc" -ne 0 ]; then
  echo "FAIL  the README's run command did not open the designer on the sample plant (exit $rc); log: $out/readme-run.log"
  tail -30 "$out/readme-run.log" 2>/dev/null || true
  exit 1
fi
colours="$(identify -format '%k' "$shot" 2>/dev/null || echo 0)"
if [ "$colours" -le 16 ]; then
  echo "FAIL  screenshot $shot is nearly blank ($colours colours)"
  exit 1
fi
echo "PASS  mvn -q compile javafx:run opened the designer on the sample plant; screenshot $shot ($colours colours)"
