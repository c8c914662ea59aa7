#!/usr/bin/env python3
"""A lower bound on the room wishes of every schedule from a linear relaxation of the room
partition (benchmarks/README.md, "What would certify the Seoul summit").

    benchmarks/.venv/bin/python benchmarks/room_metric_lp.py model.json MINUTES [--fixed ID ...]

Reads a model exported by `convene plan PLAN --export-model model.json`. Each two sessions a, b
get a distance d(a, b) between 0 (same room) and 1 (different rooms), and the LP minimises the
`sameRoom` weights times their distances subject to:

- the triangle inequality, d(a, b) <= d(a, c) + d(c, b): "same room" is an equivalence;
- d(a, b) = 1 where the two sessions' slots share no room;
- for each session a, its room's minutes, the sum of len(b) (1 - d(a, b)) over all b with a
  itself, at most MINUTES. The sessions named by --fixed and those that may overlap no other
  session (plenaries, which hold every room while they run) count 0 minutes there, and the
  plenaries' minutes come off MINUTES, as in room_capacity.py.

Every schedule's room assignment is a solution with distances 0 or 1, so the LP's optimum is a
lower bound on the room wishes it pays; times are ignored. Solved with OR-Tools' GLOP. For the
Seoul summit: `--fixed opening closing` and 2,085 minutes.
"""
import argparse
import itertools
import json
import time

from ortools.linear_solver import pywraplp


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("model")
    parser.add_argument("minutes", type=int)
    parser.add_argument("--fixed", nargs="*", default=[])
    args = parser.parse_args()
    data = json.load(open(args.model))
    acts = data["activities"]
    n = len(acts)
    apart = {i: set() for i in range(n)}
    for r in data["rules"]:
        if r["type"] == "noOverlap":
            apart[r["a"]].add(r["b"])
            apart[r["b"]].add(r["a"])
    fixed = {i for i, a in enumerate(acts) if a["id"] in args.fixed}
    alone = {i for i in range(n) if len(apart[i] - {i}) == n - 1} - fixed
    length = [a["slots"][0][1] - a["slots"][0][0] for a in acts]
    capacity = args.minutes - sum(length[i] for i in alone)
    counted = [0 if i in fixed | alone else length[i] for i in range(n)]
    rooms = [{s[5] for s in a["slots"] if s[5] >= 0} for a in acts]
    weight = {}
    for p in data["pairPenalties"]:
        if p["type"] == "sameRoom" and p["a"] != p["b"]:
            key = (min(p["a"], p["b"]), max(p["a"], p["b"]))
            weight[key] = weight.get(key, 0) + p["weight"]

    lp = pywraplp.Solver.CreateSolver("GLOP")
    d = {(a, b): lp.NumVar(0, 1, f"d{a}_{b}") for a, b in itertools.combinations(range(n), 2)}

    def dist(a, b):
        return d[min(a, b), max(a, b)]

    for (a, b), v in d.items():
        if not rooms[a] & rooms[b]:
            lp.Add(v == 1)
    for a, b, c in itertools.combinations(range(n), 3):
        lp.Add(dist(a, b) <= dist(a, c) + dist(c, b))
        lp.Add(dist(a, c) <= dist(a, b) + dist(b, c))
        lp.Add(dist(b, c) <= dist(b, a) + dist(a, c))
    for a in range(n):
        lp.Add(counted[a] + sum(counted[b] * (1 - dist(a, b)) for b in range(n) if b != a) <= capacity)
    lp.Minimize(sum(w * dist(a, b) for (a, b), w in weight.items()))
    started = time.time()
    status = lp.Solve()
    print(json.dumps({"status": "optimal" if status == pywraplp.Solver.OPTIMAL else str(status),
                      "alone": sorted(acts[i]["id"] for i in alone), "room_minutes": capacity,
                      "bound": round(lp.Objective().Value(), 2), "seconds": round(time.time() - started, 2)}))


if __name__ == "__main__":
    main()
