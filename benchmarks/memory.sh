#!/usr/bin/env bash
# Memory by the window: synthetic years whose events are all timed at 15 minutes (1,000 of them)
# and the ordinary generator's 10,000 events, each loaded, modelled and solved to a work budget
# by the bench binary, which prints its own peak memory after each step, the slots modelled,
# and the model's build time against the solve's.
#
#   benchmarks/memory.sh            (`make bench` runs it)
#
# Environment: BENCH (default .build/release/ConveneBench), NODES (default 100000),
# SIZES (default "1000:1.0:15m 10000:0.3:30m", N:TIMED_SHARE:GRANULARITY).
set -euo pipefail
cd "$(dirname "$0")/.."
BENCH=${BENCH:-.build/release/ConveneBench}
work=$(mktemp -d "${TMPDIR:-/tmp}/convene-memory.XXXXXX")
trap 'rm -rf "$work"' EXIT
for size in ${SIZES:-1000:1.0:15m 10000:0.3:30m}; do
    IFS=: read -r n share granularity <<< "$size"
    plan="$work/plan-$n.yaml"
    python3 benchmarks/generate_plan.py "$n" 1 "$share" "$granularity" > "$plan"
    echo "-- $n events, $share timed, at $granularity"
    "$BENCH" memory "$plan" "${NODES:-100000}"
done
