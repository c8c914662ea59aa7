#!/usr/bin/env python3
"""How high a bound on room wishes could go from room capacity alone (benchmarks/README.md,
"Why the Seoul summit's bound stays at 2,160").

    benchmarks/.venv/bin/python benchmarks/room_capacity.py model.json MINUTES [--fixed ID ...]
        [--time-limit S]

Reads a model exported by `convene plan PLAN --export-model model.json` and asks CP-SAT for the
cheapest partition of the sessions into rooms (each session in one of the rooms its slots
allow) in which no room holds more than MINUTES of sessions, the sessions named by --fixed
left out of that sum, paying each `sameRoom` wish whose two sessions are apart. A session that
may overlap no other (a plenary: a `noOverlap` rule with every other activity) holds every room
while it runs, so its minutes come off each room's MINUTES and it is left out of the sums.
Times are otherwise ignored, so the optimum is a lower bound on the room wishes of every
schedule, and the best partition found an upper bound on what any capacity-only bound could
prove.

For the Seoul summit: `--fixed opening closing` and 2,085 minutes (3 h after the opening on
15 December, 17 h 30 on the 16th, 14 h 15 before the closing's latest start on the 17th, the
lunch breaks out).
"""
import argparse
import json

from ortools.sat.python import cp_model


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("model")
    parser.add_argument("minutes", type=int)
    parser.add_argument("--fixed", nargs="*", default=[])
    parser.add_argument("--time-limit", type=float, default=30)
    args = parser.parse_args()
    data = json.load(open(args.model))
    acts = data["activities"]
    rooms = range(len(data["rooms"]))
    fixed = {i for i, a in enumerate(acts) if a["id"] in args.fixed}
    length = [a["slots"][0][1] - a["slots"][0][0] for a in acts]
    apart = {i: set() for i in range(len(acts))}
    for r in data["rules"]:
        if r["type"] == "noOverlap":
            apart[r["a"]].add(r["b"])
            apart[r["b"]].add(r["a"])
    alone = {i for i in range(len(acts)) if len(apart[i] - {i}) == len(acts) - 1} - fixed
    capacity = args.minutes - sum(length[i] for i in alone)
    m = cp_model.CpModel()
    x = {}
    for i, a in enumerate(acts):
        allowed = sorted({s[5] for s in a["slots"] if s[5] >= 0})
        for r in allowed:
            x[i, r] = m.NewBoolVar(f"{a['id']}@{r}")
        if allowed:
            m.AddExactlyOne(x[i, r] for r in allowed)
    for r in rooms:
        m.Add(sum(length[i] * v for (i, q), v in x.items() if q == r and i not in fixed | alone) <= capacity)
    cost = []
    for p in data["pairPenalties"]:
        if p["type"] != "sameRoom":
            continue
        apart = m.NewBoolVar("")
        for r in rooms:
            m.Add(apart >= x.get((p["a"], r), 0) - x.get((p["b"], r), 0))
        cost.append(p["weight"] * apart)
    m.Minimize(sum(cost))
    solver = cp_model.CpSolver()
    solver.parameters.max_time_in_seconds = args.time_limit
    solver.parameters.num_workers = 2
    status = solver.Solve(m)
    print(json.dumps({"status": solver.StatusName(status), "alone": sorted(acts[i]["id"] for i in alone),
                      "room_minutes": capacity, "best_partition": solver.ObjectiveValue(),
                      "bound": solver.BestObjectiveBound(), "seconds": round(solver.WallTime(), 2)}))


if __name__ == "__main__":
    main()
