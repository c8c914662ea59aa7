#!/usr/bin/env bash
# The same answer on every machine: the Seoul summit solved with 1 and 2 workers (status,
# objective, bound, gap, time), then solved again with 2 workers while another process keeps a
# core busy, and the two schedule.json files compared byte for byte.
#
#   benchmarks/determinism.sh            (`make bench` runs it)
#
# Environment: CONVENE (default .build/release/convene), PLAN (default the Seoul summit).
set -euo pipefail
cd "$(dirname "$0")/.."
CONVENE=${CONVENE:-.build/release/convene}
PLAN=${PLAN:-calendars/seoul-summit-2021.yaml}
work=$(mktemp -d "${TMPDIR:-/tmp}/convene-determinism.XXXXXX")
busy=""
trap '[ -n "$busy" ] && kill "$busy" 2>/dev/null; rm -rf "$work"' EXIT
summary() {
    python3 - "$1/schedule.json" "$2" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
objective, bound = d.get("objective"), d.get("bound")
gap = (objective - bound) / objective * 100 if objective and bound is not None else 0
print(f"  {sys.argv[2]}: {d['status']}, objective {objective}, bound {bound}, gap {gap:.1f} %, "
      f"stopped by {d.get('stoppedBy')}, {d.get('workers')} worker(s)")
PY
}
for workers in 1 2; do
    start=$(date +%s.%N)
    "$CONVENE" plan "$PLAN" --out "$work/w$workers" --workers "$workers" > /dev/null
    end=$(date +%s.%N)
    summary "$work/w$workers" "$workers worker(s), $(echo "$end - $start" | bc | xargs printf '%.1f') s"
done
# The other core busy for the second run with 2 workers.
python3 -c 'while True: pass' & busy=$!
start=$(date +%s.%N)
"$CONVENE" plan "$PLAN" --out "$work/busy" --workers 2 > /dev/null
end=$(date +%s.%N)
kill "$busy"; busy=""
summary "$work/busy" "2 workers, a core busy, $(echo "$end - $start" | bc | xargs printf '%.1f') s"
if cmp -s "$work/w2/schedule.json" "$work/busy/schedule.json"; then
    echo "  idle and busy runs: byte-identical schedule.json"
else
    echo "  idle and busy runs: schedule.json DIFFERS"
    exit 1
fi
