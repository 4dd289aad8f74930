#!/usr/bin/env bash
# Runs every test: installs what the tests need (InfluxDB, Redis, Chromium; the tests start their own servers on free
# loopback ports), builds in Release, runs all test projects, and prints "N passed, N failed" last.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
RESULTS="$ROOT/.data/test-results"
source "$ROOT/scripts/common.sh"

ensure_dotnet
ensure_apt influxd influxdb
ensure_apt redis-server redis-server
ensure_apt mosquitto mosquitto
ensure_apt chromium chromium
ensure_apt node nodejs
ensure_apt npm npm

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
rm -rf "$RESULTS"
mkdir -p "$RESULTS"

echo "Building (Release)…"
dotnet build "$ROOT/Equipment.sln" -c Release -nologo -clp:ErrorsOnly -v:q

# One test project at a time (-m:1): the crash and failover tests kill processes and wait for Orleans to notice,
# which must not compete with other suites for the machine's two cores.
set +e
dotnet test "$ROOT/Equipment.sln" -c Release --no-build -nologo -m:1 \
  --logger "trx" --logger "console;verbosity=normal" --results-directory "$RESULTS" \
  --blame-hang-timeout 10m "$@"
status=$?
set -e

passed=0
failed=0
for trx in "$RESULTS"/*.trx; do
  [ -e "$trx" ] || continue
  counters="$(grep -o '<Counters [^>]*>' "$trx" | head -1)"
  p="$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters")"
  f="$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters")"
  e="$(sed -n 's/.* error="\([0-9]*\)".*/\1/p' <<<"$counters")"
  t="$(sed -n 's/.* timeout="\([0-9]*\)".*/\1/p' <<<"$counters")"
  a="$(sed -n 's/.* aborted="\([0-9]*\)".*/\1/p' <<<"$counters")"
  passed=$((passed + ${p:-0}))
  failed=$((failed + ${f:-0} + ${e:-0} + ${t:-0} + ${a:-0}))
done
# CI keeps only the tail of this output: name each failed test and the start of its message just above the summary.
if [ "$failed" -gt 0 ] && command -v python3 >/dev/null; then
  python3 - "$RESULTS" <<'PY'
import glob, sys, xml.etree.ElementTree as ET
ns = {"t": "http://microsoft.com/schemas/VisualStudio/TeamTest/2010"}
for trx in glob.glob(sys.argv[1] + "/*.trx"):
    for r in ET.parse(trx).getroot().iterfind(".//t:UnitTestResult", ns):
        if r.get("outcome") not in ("Passed", "NotExecuted"):
            msg = r.findtext(".//t:ErrorInfo/t:Message", "", ns).strip().replace("\n", " ")
            print(f"FAILED {r.get('testName')}: {msg[:400]}")
PY
fi
echo "$passed passed, $failed failed"
exit $status
