#!/usr/bin/env python3
"""Plants K independent conflicts in a plan written by generate_plan.py, for the conflicts and
repairs benchmark (benchmarks/repairs.sh):

    python3 benchmarks/plant_conflicts.py PLAN K [GAP_DAYS] [WINDOW_END] > infeasible.yaml

Conflict k (k = 1…K, one month each from February): an all-day event `planted-k-a` in the
month's first five days and a 2-hour call `planted-k-b` at least GAP_DAYS (default 10) after
it, in a window that ends on day WINDOW_END (default 8) of the month — too early. The smallest
repairs are known: lower the gap, or open b's window later.
"""
import sys


def planted(k, gap, window_end):
    month = f"2021-{k + 1:02d}"
    return (
        f"  - id: planted-{k}-a\n    title: Planted {k} A\n    duration: 1d\n"
        f"    window: {month}-01..{month}-05\n"
        f"  - id: planted-{k}-b\n    title: Planted {k} B\n    duration: 2h\n"
        f"    window: {month}-01..{month}-{window_end:02d}\n"
        f"    after: [{{event: planted-{k}-a, min-gap: {gap}}}]\n"
    )


def main():
    path, k = sys.argv[1], int(sys.argv[2])
    gap = sys.argv[3] if len(sys.argv) > 3 else "10d"
    window_end = int(sys.argv[4]) if len(sys.argv) > 4 else 8
    text = open(path).read()
    marker = "\nblackouts:\n"
    insert = "".join(planted(i, gap, window_end) for i in range(1, k + 1))
    sys.stdout.write(text.replace(marker, "\n" + insert + marker, 1) if marker in text else text + insert)


if __name__ == "__main__":
    main()
