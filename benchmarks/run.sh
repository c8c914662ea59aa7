#!/usr/bin/env bash
# Convene's solver against the CP-SAT reference (the weak one, cpsat_reference.py) on synthetic
# plans, and the time to plan the OGP 2021 calendar. See benchmarks/README.md for what each
# figure means; solvers.sh puts Convene and both references side by side with 1 and 2 workers.
#
#   benchmarks/run.sh            (or `make bench`, which builds and installs what it needs first)
#
# Environment: CONVENE (binary, default .build/release/convene), PYTHON (one with ortools,
# default benchmarks/.venv/bin/python), TIME_LIMIT (seconds per solve, default 30),
# SIZES (default "50 200 1000"), SEED (default 1), KEEP=1 to keep the generated files.
set -euo pipefail
cd "$(dirname "$0")/.."

CONVENE=${CONVENE:-.build/release/convene}
PYTHON=${PYTHON:-benchmarks/.venv/bin/python}
TIME_LIMIT=${TIME_LIMIT:-30}
SIZES=${SIZES-50 200 1000}
SEED=${SEED:-1}
[ -x "$CONVENE" ] || { echo "run.sh: no binary at $CONVENE; run 'make bench' or set CONVENE" >&2; exit 1; }
"$PYTHON" -c 'import ortools' 2>/dev/null || { echo "run.sh: $PYTHON cannot import ortools; run 'make bench' or set PYTHON" >&2; exit 1; }

work=$(mktemp -d "${TMPDIR:-/tmp}/convene-bench.XXXXXX")
if [ "${KEEP:-0}" = 1 ]; then echo "generated files: $work"; else trap 'rm -rf "$work"' EXIT; fi

now() { date +%s.%N; }
elapsed() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", b - a }'; }
# field NAME < JSON: one field of a JSON object, "-" when null or missing.
field() { python3 -c 'import json, sys; v = json.load(sys.stdin).get(sys.argv[1]); print("-" if v is None else v)' "$1"; }

problems=()
row() { printf '%-5s | %-10s %12s %12s %8s %8s %8s %8s | %-10s %12s %12s %8s | %7s | %s\n' "$@"; }
[ -z "$SIZES" ] || row N convene objective bound best-s solve-s wall-s nodes cp-sat objective bound seconds "gap %" check
for n in $SIZES; do
    dir="$work/n$n"
    mkdir -p "$dir"
    python3 benchmarks/generate_plan.py "$n" "$SEED" > "$dir/plan.yaml"

    # Convene: the table's first line gives the solve time and nodes, schedule.json the result.
    started=$(now)
    code=0
    "$CONVENE" plan "$dir/plan.yaml" --out "$dir" --export-model "$dir/model.json" --time-limit "$TIME_LIMIT" \
        > "$dir/table.txt" 2> "$dir/stderr.txt" || code=$?
    wall=$(elapsed "$started" "$(now)")
    read -r solve nodes < <(sed -n '1s/.*(\([0-9.]*\) s, \([0-9]*\) nodes[^)]*).*/\1 \2/p' "$dir/table.txt"; echo "- -")
    best_at=$(sed -n '1s/.*best at \([0-9.]*\) s.*/\1/p' "$dir/table.txt")
    bound=
    case $code in
        0) status=$(field status < "$dir/schedule.json"); objective=$(field objective < "$dir/schedule.json")
           bound=$(field bound < "$dir/schedule.json"); [ "$bound" = - ] && bound=
           [ "$status" = optimal ] && bound=$objective ;;
        3) status=infeasible; objective=- ;;
        4) status=unknown; objective=- ;;
        *) status="error($code)"; objective=-; problems+=("N=$n: convene exited $code: $(head -c 300 "$dir/stderr.txt")") ;;
    esac

    # Convene's schedule, checked against the exported model by model_check.py.
    check=-
    if [ "$code" = 0 ]; then
        verdict=$(python3 benchmarks/model_check.py "$dir/model.json" "$dir/schedule.json") || verdict='{}'
        if [ "$(field outside <<< "$verdict")" = "[]" ] && [ "$(field broken <<< "$verdict")" = "[]" ] \
            && [ "$(field objective <<< "$verdict")" = "$objective" ]; then
            check=ok
        else
            check=MISMATCH
            problems+=("N=$n: Convene's schedule against its exported model: $verdict")
        fi
    fi

    # The CP-SAT reference on the very same model, with the same time limit.
    cpsat='{}'
    if [ -s "$dir/model.json" ]; then
        cpsat=$("$PYTHON" benchmarks/cpsat_reference.py "$dir/model.json" --time-limit "$TIME_LIMIT" | tail -n 1) \
            || cpsat='{"status": "error"}'
    fi
    c_status=$(field status <<< "$cpsat"); c_objective=$(field objective <<< "$cpsat")
    c_bound=$(field bound <<< "$cpsat"); c_seconds=$(field seconds <<< "$cpsat")
    gap=-
    if [ "$objective" != - ] && [ "$c_objective" != - ]; then
        gap=$(awk -v a="$objective" -v b="$c_objective" 'BEGIN { printf "%.1f", b == 0 ? (a == 0 ? 0 : 100) : 100 * (a - b) / b }')
        if [ "$status" = optimal ] && [ "$c_objective" -lt "$objective" ]; then
            problems+=("N=$n: Convene claims optimal $objective but CP-SAT found $c_objective (a bug in Convene)")
        fi
        if [ "$c_status" = optimal ] && [ "$objective" -lt "$c_objective" ]; then
            problems+=("N=$n: CP-SAT claims optimal $c_objective but Convene found $objective (a bug in the reference)")
        fi
    fi
    if [ -n "$bound" ] && [ "$c_objective" != - ] && [ "$bound" -gt "$c_objective" ]; then
        problems+=("N=$n: Convene's bound $bound is above CP-SAT's schedule $c_objective (a bug in Convene's bound)")
    fi
    if [ "$c_objective" != - ] && [ "$(field broken <<< "$cpsat")" != 0 ]; then
        problems+=("N=$n: CP-SAT's answer breaks $(field broken <<< "$cpsat") rule(s) of the model (a bug in the reference)")
    fi
    if { [ "$status" = infeasible ] && [ "$c_objective" != - ]; } || { [ "$c_status" = infeasible ] && [ "$objective" != - ]; }; then
        problems+=("N=$n: one solver says infeasible, the other found a schedule")
    fi
    row "$n" "$status" "$objective" "${bound:--}" "${best_at:--}" "$solve" "$wall" "$nodes" "$c_status" "$c_objective" "$c_bound" "$c_seconds" "$gap" "$check"
done

SUMMITS=${SUMMITS-100 8 120,400 20 500}
if [ -n "$SUMMITS" ]; then
    echo
    echo "Synthetic summits over 4 days (seed $SEED, $TIME_LIMIT s each): Convene's first timetable, best, and CP-SAT on the same model"
fi
IFS=',' read -r -a summit_specs <<< "$SUMMITS"
for spec in "${summit_specs[@]}"; do
    read -r sessions rooms speakers <<< "$spec"
    dir="$work/summit$sessions"
    mkdir -p "$dir"
    python3 benchmarks/generate_summit.py "$sessions" "$rooms" "$speakers" "$SEED" > "$dir/plan.yaml"
    "$CONVENE" plan "$dir/plan.yaml" --out "$dir" --export-model "$dir/model.json" --time-limit "$TIME_LIMIT" \
        > "$dir/table.txt" 2> "$dir/stderr.txt" || true
    first_line=$(head -n 1 "$dir/table.txt")
    cpsat=$("$PYTHON" benchmarks/cpsat_reference.py "$dir/model.json" --time-limit "$TIME_LIMIT" | tail -n 1) || cpsat='{}'
    verdict=$(python3 benchmarks/model_check.py "$dir/model.json" "$dir/schedule.json" 2>/dev/null) || verdict='{}'
    echo "summit $sessions sessions / $rooms rooms / $speakers speakers: convene: $first_line"
    echo "    checked against the export: $(echo "$verdict" | cut -c1-160)"
    echo "    cp-sat: $cpsat"
done

# The real calendar: five runs, median wall time.
[ -z "$SIZES$SUMMITS" ] || echo
times=()
for _ in 1 2 3 4 5; do
    started=$(now)
    "$CONVENE" plan calendars/ogp-2021.yaml --time-limit "$TIME_LIMIT" > "$work/ogp.txt" 2>&1 || true
    times+=("$(elapsed "$started" "$(now)")")
done
median=$(printf '%s\n' "${times[@]}" | sort -n | sed -n 3p)
echo "calendars/ogp-2021.yaml: $(head -n 1 "$work/ogp.txt"); median wall ${median} s over 5 runs (${times[*]})"

if [ ${#problems[@]} -gt 0 ]; then
    echo
    printf 'PROBLEM: %s\n' "${problems[@]}"
    exit 1
fi
