#!/usr/bin/env bash
# Conflicts and repairs on infeasible plans: a synthetic plan of N events
# (benchmarks/generate_plan.py) with K planted conflicts (benchmarks/plant_conflicts.py).
# Prints the time `convene plan --format json` takes to report the conflicts and their repairs,
# how many it found, and for the smallest plan a brute-force check of the repairs' sizes: the
# plan with each repaired value is feasible and with one step less is not.
#
#   benchmarks/repairs.sh            (`make bench` runs it)
#
# Environment: CONVENE (default .build/release/convene), SIZES (default "50 300 1000"),
# CONFLICTS (default "1 3"), TIME_LIMIT (default 30).
set -euo pipefail
cd "$(dirname "$0")/.."
CONVENE=${CONVENE:-.build/release/convene}
SIZES=${SIZES-50 300 1000}
CONFLICTS=${CONFLICTS-1 3}
TIME_LIMIT=${TIME_LIMIT:-30}
work=$(mktemp -d "${TMPDIR:-/tmp}/convene-repairs.XXXXXX")
trap 'rm -rf "$work"' EXIT
now() { date +%s.%N; }

printf '%-5s %-3s | %8s %9s %8s %8s | %s\n' N K seconds conflicts repairs exit brute-force
for n in $SIZES; do
    python3 benchmarks/generate_plan.py "$n" 1 > "$work/base-$n.yaml"
    for k in $CONFLICTS; do
        plan="$work/plan-$n-$k.yaml"
        python3 benchmarks/plant_conflicts.py "$work/base-$n.yaml" "$k" > "$plan"
        started=$(now)
        code=0
        "$CONVENE" plan "$plan" --format json --time-limit "$TIME_LIMIT" > "$work/out.json" 2> "$work/err.txt" || code=$?
        seconds=$(awk -v a="$started" -v b="$(now)" 'BEGIN { printf "%.2f", b - a }')
        read -r conflicts repairs < <(python3 -c '
import json, sys
try: d = json.load(open(sys.argv[1]))
except Exception: print("- -"); sys.exit()
print(len(d["conflicts"]), sum(len(c["repairs"]) for c in d["conflicts"]))' "$work/out.json")
        brute=-
        if [ "$n" = "$(echo $SIZES | cut -d' ' -f1)" ] && [ "$k" = 1 ]; then
            # The first conflict's repairs: lower-gap to G (feasible) and G plus 30 minutes, one step
            # less of a change (not); widen-window to end E (feasible) and E minus a day (not).
            read -r gap end < <(python3 -c '
import json, sys
d = json.load(open(sys.argv[1]))
gap = next((r["new"] for r in d["repairs"] if r["kind"] == "lower-gap"), "-")
end = next((r["new"].split("..")[1][-2:] for r in d["repairs"] if r["kind"] == "widen-window" and r["event"] == "planted-1-b"), "-")
print(gap, end)' "$work/out.json")
            plus() { python3 -c '
import re, sys
m = re.fullmatch(r"(?:(\d+)d)?(?:(\d+)h)?(?:(\d+)m)?", sys.argv[1]); d, h, mi = (int(x or 0) for x in m.groups())
t = d * 1440 + h * 60 + mi + 30; print(f"{t // 60}h{t % 60}m" if t % 60 else f"{t // 60}h")' "$1"; }
            feasible() { "$CONVENE" plan "$1" --time-limit "$TIME_LIMIT" > /dev/null 2>&1; echo $?; }
            python3 benchmarks/plant_conflicts.py "$work/base-$n.yaml" 1 "$gap" > "$work/g.yaml"
            python3 benchmarks/plant_conflicts.py "$work/base-$n.yaml" 1 "$(plus "$gap")" > "$work/g1.yaml"
            python3 benchmarks/plant_conflicts.py "$work/base-$n.yaml" 1 10d "$((10#$end))" > "$work/w.yaml"
            python3 benchmarks/plant_conflicts.py "$work/base-$n.yaml" 1 10d "$((10#$end - 1))" > "$work/w1.yaml"
            brute="gap $gap: exit $(feasible "$work/g.yaml"), $(plus "$gap"): exit $(feasible "$work/g1.yaml"); "
            brute+="window to day $end: exit $(feasible "$work/w.yaml"), day $((10#$end - 1)): exit $(feasible "$work/w1.yaml")"
        fi
        printf '%-5s %-3s | %8s %9s %8s %8s | %s\n' "$n" "$k" "$seconds" "$conflicts" "$repairs" "$code" "$brute"
    done
done
echo "(exit 3 = infeasible, as expected for the planted plans; brute force: 0 = feasible, 3 = infeasible)"
