#!/usr/bin/env bash
# Saves screenshots of the designer and of a commissioning rehearsal, taken under Xvfb with software
# rendering, into app/target/screenshots/ (or the directory given): designer-light.png,
# designer-dark.png, designer-findings.png, designer-overview.png (see DesignerScreenshots), and
# commissioning-running.png, commissioning-finished.png, commissioning-check.png,
# commissioning-report.png (see CommissioningScreenshots: a rehearsal of the sample plant with one
# device broken, about a minute; the report is page 1 of the PDF, rendered by pdftoppm).
# Needs: xvfb xauth libgtk-3-0 libxtst6 poppler-utils (Debian packages). Run from anywhere; builds what it needs
# with the reactor (never `mvn install`). Set SCREENSHOTS_SKIP_BUILD=1 when app/target/test-classes
# and app/target/screenshots-cp.txt are already up to date.
set -euo pipefail
root="$(cd "$(dirname "$0")/../../.." && pwd)"
cd "$root"
out="${1:-app/target/screenshots}"
cpfile="$root/app/target/screenshots-cp.txt"
if [ "${SCREENSHOTS_SKIP_BUILD:-0}" != 1 ] || [ ! -s "$cpfile" ]; then
  mvn -q -B -ntp test-compile dependency:build-classpath -pl app -am -Dmdep.includeScope=test \
      -Dmdep.outputFile="$cpfile"
fi
# The worktree's own module classes first: ~/.m2 may hold stale snapshot jars.
cp="app/target/classes:app/target/test-classes:model/target/classes:commissioning/target/classes:$(cat "$cpfile")"
mkdir -p "$out"
prefs_home="$(mktemp -d)"
trap 'rm -rf "$prefs_home"' EXIT
timeout 600 xvfb-run -a -s "-screen 0 1600x1000x24" \
  java -Djava.util.prefs.userRoot="$prefs_home" -Duser.home="$prefs_home" -Dprism.order=sw \
       -cp "$cp" io.nestedge.app.ui.DesignerScreenshots examples/sample-plant.json "$out" ops-gw press-sensor-01
timeout 900 xvfb-run -a -s "-screen 0 1600x1000x24" \
  java -Djava.util.prefs.userRoot="$prefs_home" -Duser.home="$prefs_home" -Dprism.order=sw \
       -cp "$cp" io.nestedge.app.ui.CommissioningScreenshots examples/sample-plant.json "$out"
shots="designer-light.png designer-dark.png designer-findings.png designer-overview.png
       commissioning-running.png commissioning-finished.png commissioning-check.png commissioning-report.png"
for f in $shots; do
  if [ ! -s "$out/$f" ]; then
    echo "screenshots: $out/$f was not written" >&2
    exit 1
  fi
done
echo "screenshots: $(echo $shots | wc -w) written to $out"
