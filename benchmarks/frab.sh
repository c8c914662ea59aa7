#!/usr/bin/env bash
# A conference system's programme through Convene: import a generated frab schedule.json of N
# sessions (benchmarks/generate_frab.py), timetable it keeping its times (`agenda --keep`,
# which also exports frab/schedule.xml and .json), and import the export again. Prints the
# time and peak memory of each step, the timetable's status and objective, and whether the
# second import gives back the same sessions, rooms and times.
#
#   benchmarks/frab.sh [N ...]      (default 400; `make bench` runs it)
#
# Environment: CONVENE (binary, default .build/release/convene), TIME_LIMIT (seconds for the
# timetable, default 60), KEEP=1 to keep the generated files.
set -euo pipefail
cd "$(dirname "$0")/.."
CONVENE=${CONVENE:-.build/release/convene}
TIME_LIMIT=${TIME_LIMIT:-60}
[ -x "$CONVENE" ] || { echo "frab.sh: no binary at $CONVENE; run 'make bench' or set CONVENE" >&2; exit 1; }
work=$(mktemp -d "${TMPDIR:-/tmp}/convene-frab.XXXXXX")
if [ "${KEEP:-0}" = 1 ]; then echo "generated files: $work"; else trap 'rm -rf "$work"' EXIT; fi

# step NAME CMD...: runs CMD under /usr/bin/time, printing seconds and peak memory.
step() {
    local name=$1; shift
    local code=0
    /usr/bin/time -f '%e %M' -o "$work/time.txt" "$@" > "$work/$name.out" 2> "$work/$name.err" || code=$?
    read -r seconds kb < "$work/time.txt"
    printf '  %-22s %8s s %9s MB  exit %s\n' "$name" "$seconds" "$((kb / 1024))" "$code"
    [ "$code" = 0 ] || { echo "  $name failed:"; head -5 "$work/$name.err"; }
}

for n in "${@:-400}"; do
    dir="$work/n$n"
    mkdir -p "$dir"
    python3 benchmarks/generate_frab.py "$n" 1 > "$dir/schedule.json"
    echo "== a frab programme of $n sessions ($(du -k "$dir/schedule.json" | cut -f1) KB)"
    step import "$CONVENE" import "$dir/schedule.json" --out "$dir/plan"
    step timetable+export "$CONVENE" agenda "$dir/plan/benchconf.yaml" --keep "$dir/plan/benchconf.previous.json" \
        --out "$dir/agenda" --time-limit "$TIME_LIMIT"
    sed -n 's/.*(\(.*\)).*/  timetable: \1/p' "$work/timetable+export.out" | head -1
    step import-again "$CONVENE" import "$dir/agenda/frab/schedule.json" --out "$dir/again"
    python3 - "$dir/plan/benchconf.previous.json" "$dir/again/benchconf.previous.json" <<'PY'
import json, sys
def programme(path):
    return sorted((e["title"], e["start"], e["end"], e.get("room")) for e in json.load(open(path))["events"])
a, b = programme(sys.argv[1]), programme(sys.argv[2])
same = sum(x == y for x, y in zip(a, b))
print(f"  round trip: {same} of {len(a)} sessions with the same title, start, end and room"
      + ("" if len(a) == len(b) else f" ({len(b)} came back)"))
PY
done
