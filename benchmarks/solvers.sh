#!/usr/bin/env bash
# Convene's solver and both CP-SAT references (cpsat_reference.py, one boolean per slot, and
# cpsat_strong.py, starts, intervals and NoOverlap), one run each, side by side, with 1 and 2
# workers: on synthetic plans of N events and on synthetic summits. See benchmarks/README.md.
#
#   benchmarks/solvers.sh        (`make bench` runs it)
#
# Environment: CONVENE (binary, default .build/release/convene), PYTHON (one with ortools,
# default benchmarks/.venv/bin/python), TIME_LIMIT (seconds per solve of a synthetic plan,
# default 30), SUMMIT_TIME_LIMIT (per summit solve, default 60), SIZES (default "50 200 1000"),
# SUMMITS (sessions rooms speakers, comma-separated; default "100 8 120,400 20 500"), SEED
# (default 1), WORKERS (default "1 2"), SOLVERS (default "convene weak strong"), WORK_LIMIT
# (Convene's --work-limit, default 1000000000 so that the time limit, the same for every solver,
# ends its search), KEEP=1 to keep the generated files.
#
# Convene gets `--workers W` only when `convene plan --help` lists it; otherwise it runs once,
# single-threaded. The solves run one after the other, never two at once.
set -euo pipefail
cd "$(dirname "$0")/.."

CONVENE=${CONVENE:-.build/release/convene}
PYTHON=${PYTHON:-benchmarks/.venv/bin/python}
TIME_LIMIT=${TIME_LIMIT:-30}
SUMMIT_TIME_LIMIT=${SUMMIT_TIME_LIMIT:-60}
SIZES=${SIZES-50 200 1000}
SUMMITS=${SUMMITS-100 8 120,400 20 500}
SEED=${SEED:-1}
WORKERS=${WORKERS:-1 2}
SOLVERS=${SOLVERS:-convene weak strong}
WORK_LIMIT=${WORK_LIMIT:-1000000000}
[ -x "$CONVENE" ] || { echo "solvers.sh: no binary at $CONVENE; run 'make bench' or set CONVENE" >&2; exit 1; }
"$PYTHON" -c 'import ortools' 2>/dev/null || { echo "solvers.sh: $PYTHON cannot import ortools; run 'make bench' or set PYTHON" >&2; exit 1; }

work=$(mktemp -d "${TMPDIR:-/tmp}/convene-solvers.XXXXXX")
if [ "${KEEP:-0}" = 1 ]; then echo "generated files: $work"; else trap 'rm -rf "$work"' EXIT; fi

help=$("$CONVENE" plan --help 2>&1 || true)
convene_workers=1
if grep -q -- '--workers' <<< "$help"; then convene_workers=$WORKERS; fi
work_limit=()
if grep -q -- '--work-limit' <<< "$help"; then work_limit=(--work-limit "$WORK_LIMIT"); fi

# measure OUT CMD...: runs CMD and writes "wall-seconds peak-MB exit-code" to OUT (the peak is
# the resident set of CMD and its children, from getrusage).
measure() {
    local out=$1
    shift
    python3 -c '
import resource, subprocess, sys, time
started = time.monotonic()
code = subprocess.call(sys.argv[2:])
peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss // 1024
with open(sys.argv[1], "w") as f:
    f.write(f"{time.monotonic() - started:.2f} {peak} {code}\n")' "$out" "$@"
}
# field NAME < JSON: one field of a JSON object, "-" when null or missing.
field() { python3 -c 'import json, sys; v = json.load(sys.stdin).get(sys.argv[1]); print("-" if v is None else v)' "$1"; }

problems=()
row() { printf '%-12s | %-14s %2s | %-10s %12s %12s %7s | %8s %8s %8s %8s | %8s | %s\n' "$@"; }
header() {
    row instance solver w status objective bound "gap %" best-s solve-s wall-s peak-MB "vs best" check
}

# solve NAME DIR SECONDS: every solver on DIR/plan.yaml, one after the other; the first Convene
# run exports DIR/model.json, which the references read.
solve() {
    local name=$1 dir=$2 seconds=$3
    local results=()
    local w solver status objective bound best solve wall peak code verdict check line own
    for solver in $SOLVERS; do
        if [ "$solver" = convene ]; then list=$convene_workers; else list=$WORKERS; fi
        for w in $list; do
            local out="$dir/$solver-w$w"
            mkdir -p "$out"
            check=-
            if [ "$solver" = convene ]; then
                local extra=("${work_limit[@]}")
                if [ "$convene_workers" != 1 ]; then extra+=(--workers "$w"); fi
                measure "$out/measure" "$CONVENE" plan "$dir/plan.yaml" --out "$out" --export-model "$dir/model.json" \
                    --time-limit "$seconds" "${extra[@]}" > "$out/table.txt" 2> "$out/stderr.txt" || true
                read -r wall peak code < "$out/measure"
                best=$(sed -n '1s/.*best at \([0-9.]*\) s.*/\1/p' "$out/table.txt")
                solve=$(sed -n '1s/.*(\([0-9.]*\) s, [0-9]* nodes.*/\1/p' "$out/table.txt")
                case $code in
                    0) status=$(field status < "$out/schedule.json"); objective=$(field objective < "$out/schedule.json")
                       bound=$(field bound < "$out/schedule.json")
                       [ "$status" = optimal ] && [ "$bound" = - ] && bound=$objective
                       verdict=$(python3 benchmarks/model_check.py "$dir/model.json" "$out/schedule.json") || verdict='{}'
                       if [ "$(field outside <<< "$verdict")" = "[]" ] && [ "$(field broken <<< "$verdict")" = "[]" ] \
                           && [ "$(field objective <<< "$verdict")" = "$objective" ]; then
                           check=ok
                       else
                           check=MISMATCH
                           problems+=("$name: Convene (w$w) against its exported model: $verdict")
                       fi ;;
                    3) status=infeasible; objective=-; bound=- ;;
                    4) status=unknown; objective=-; bound=- ;;
                    *) status="error($code)"; objective=-; bound=-
                       problems+=("$name: convene exited $code: $(head -c 300 "$out/stderr.txt")") ;;
                esac
                label=convene
            else
                local script=benchmarks/cpsat_reference.py label=cp-sat-weak
                if [ "$solver" = strong ]; then script=benchmarks/cpsat_strong.py label=cp-sat-strong; fi
                if [ ! -s "$dir/model.json" ]; then
                    "$CONVENE" plan "$dir/plan.yaml" --export-model "$dir/model.json" --time-limit 1 > /dev/null 2>&1 || true
                fi
                measure "$out/measure" "$PYTHON" "$script" "$dir/model.json" --time-limit "$seconds" --workers "$w" \
                    > "$out/result.txt" 2> "$out/stderr.txt" || true
                read -r wall peak code < "$out/measure"
                line=$(tail -n 1 "$out/result.txt")
                [ "$code" = 0 ] && [ -n "$line" ] || line="{\"status\": \"error($code)\"}"
                status=$(field status <<< "$line"); objective=$(field objective <<< "$line")
                bound=$(field bound <<< "$line"); best=$(field best_seconds <<< "$line"); solve=$(field seconds <<< "$line")
                if [ "$objective" != - ]; then
                    own=$(field cpsat_objective <<< "$line")
                    if [ "$own" != - ] && [ "$own" != "$objective" ]; then
                        check=MISMATCH
                        problems+=("$name: $label (w$w) reports $own, model_check.py computes $objective for its schedule")
                    elif [ "$(field broken <<< "$line")" = 0 ]; then check=ok; else
                        check=BROKEN
                        problems+=("$name: $label (w$w) breaks $(field broken <<< "$line") rule(s) of the model (a bug in the reference)")
                    fi
                fi
                case $status in error*) problems+=("$name: $label (w$w): $(tail -c 300 "$out/stderr.txt")") ;; esac
            fi
            results+=("$label|$w|$status|$objective|$bound|${best:--}|${solve:--}|$wall|$peak|$check")
        done
    done

    # Cross-checks, and each schedule against the best one found on this instance.
    local best_objective=- r o b s label2 o2 s2 b2
    for r in "${results[@]}"; do
        IFS='|' read -r _ _ _ o _ _ _ _ _ _ <<< "$r"
        if [ "$o" != - ] && { [ "$best_objective" = - ] || [ "$o" -lt "$best_objective" ]; }; then best_objective=$o; fi
    done
    for r in "${results[@]}"; do
        IFS='|' read -r label w s o b _ _ _ _ _ <<< "$r"
        for r2 in "${results[@]}"; do
            IFS='|' read -r label2 w2 s2 o2 b2 _ _ _ _ _ <<< "$r2"
            if [ "$b" != - ] && [ "$o2" != - ] && [ "$b" -gt "$o2" ]; then
                problems+=("$name: $label (w$w) proves a bound of $b, above the schedule of $o2 that $label2 (w$w2) found")
            fi
            if [ "$s" = infeasible ] && [ "$o2" != - ]; then
                problems+=("$name: $label (w$w) says infeasible, $label2 (w$w2) found a schedule")
            fi
        done
    done
    for r in "${results[@]}"; do
        IFS='|' read -r label w status objective bound best solve wall peak check <<< "$r"
        local gap=- versus=-
        if [ "$objective" != - ] && [ "$bound" != - ]; then
            gap=$(awk -v o="$objective" -v b="$bound" 'BEGIN { printf "%.2f", o == 0 ? 0 : 100 * (o - b) / o }')
        fi
        if [ "$objective" != - ]; then
            versus=$(awk -v o="$objective" -v b="$best_objective" 'BEGIN { printf "%+.2f%%", b == 0 ? 0 : 100 * (o - b) / b }')
        fi
        row "$name" "$label" "$w" "$status" "$objective" "$bound" "$gap" "$best" "$solve" "$wall" "$peak" "$versus" "$check"
    done
}

echo "Convene ($CONVENE): $( [ "$convene_workers" = 1 ] && echo 'no --workers option: one worker' || echo "--workers $convene_workers")," \
    "${work_limit[*]:-no --work-limit}; CP-SAT $("$PYTHON" -c 'import ortools; print(ortools.__version__)'), workers $WORKERS; seed $SEED"
echo "Synthetic plans: $TIME_LIMIT s per solve"
header
for n in $SIZES; do
    dir="$work/n$n"
    mkdir -p "$dir"
    python3 benchmarks/generate_plan.py "$n" "$SEED" > "$dir/plan.yaml"
    solve "N=$n" "$dir" "$TIME_LIMIT"
done

if [ -n "$SUMMITS" ]; then
    echo
    echo "Synthetic summits over 4 days (sessions/rooms/speakers): $SUMMIT_TIME_LIMIT s per solve"
    header
    IFS=',' read -r -a summit_specs <<< "$SUMMITS"
    for spec in "${summit_specs[@]}"; do
        read -r sessions rooms speakers <<< "$spec"
        dir="$work/summit$sessions"
        mkdir -p "$dir"
        python3 benchmarks/generate_summit.py "$sessions" "$rooms" "$speakers" "$SEED" > "$dir/plan.yaml"
        solve "summit $sessions" "$dir" "$SUMMIT_TIME_LIMIT"
    done
fi

if [ ${#problems[@]} -gt 0 ]; then
    echo
    printf 'PROBLEM: %s\n' "${problems[@]}"
    exit 1
fi
