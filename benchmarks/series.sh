#!/usr/bin/env bash
# The year's recurring structure: a synthetic year of 20 call series (200 occurrences, zones
# taking turns with `rotate:`) and 100 other events (benchmarks/generate_series.py). Prints the
# solve's time and status, and for the rotating calls each zone's share of the inconvenience
# (minutes outside 08:00–20:00 local time) against an even split (one third each).
#
#   benchmarks/series.sh            (`make bench` runs it)
#
# Environment: CONVENE (default .build/release/convene), WORK_LIMIT (default 1000000),
# TIME_LIMIT (default 120).
set -euo pipefail
cd "$(dirname "$0")/.."
CONVENE=${CONVENE:-.build/release/convene}
work=$(mktemp -d "${TMPDIR:-/tmp}/convene-series.XXXXXX")
trap 'rm -rf "$work"' EXIT
python3 benchmarks/generate_series.py 20 100 1 > "$work/plan.yaml"
"$CONVENE" plan "$work/plan.yaml" --out "$work" --work-limit "${WORK_LIMIT:-1000000}" \
    --time-limit "${TIME_LIMIT:-120}" > "$work/table.txt"
head -1 "$work/table.txt"
python3 - "$work/plan.yaml" "$work/schedule.json" <<'PY'
import json, re, sys
from datetime import datetime
from zoneinfo import ZoneInfo
plan, schedule = open(sys.argv[1]).read(), json.load(open(sys.argv[2]))
rotations = {m.group(1): m.group(2).split(", ") for m in re.finditer(
    r"id: (call-\d+)\n(?:.*\n){3}    repeat: \{.*rotate: \[(.*)\]\}", plan)}
def outside(start, end, zone):
    a, b = (datetime.fromisoformat(t.replace("Z", "+00:00")).astimezone(ZoneInfo(zone)) for t in (start, end))
    lo, hi = a.replace(hour=8, minute=0), a.replace(hour=20, minute=0)
    inside = max(0, (min(b, hi) - max(a, lo)).total_seconds() / 60)
    return (b - a).total_seconds() / 60 - inside
worst, total_series = [], 0
for series, zones in sorted(rotations.items()):
    share = {z: 0.0 for z in zones}
    for e in schedule["events"]:
        if e["id"].startswith(series + "-"):
            for z in zones:
                share[z] += outside(e["startUTC"], e["endUTC"], z)
    total = sum(share.values())
    if total:
        worst.append(max(share.values()) / total)
    total_series += 1
even = 1 / 3
print(f"rotating calls: {total_series} series; worst zone's share of the minutes outside 08:00-20:00: "
      f"mean {sum(worst) / len(worst):.2f}, max {max(worst):.2f} (an even split is {even:.2f}; "
      f"{len(worst)} series had any such minutes)")
PY
