#!/usr/bin/env python3
"""Solves a model exported by `convene plan PLAN --export-model model.json` with OR-Tools CP-SAT,
as an independent reference for Convene's own solver (docs/model-format.md).

    benchmarks/.venv/bin/python benchmarks/cpsat_reference.py model.json [--time-limit S] [--workers W] [--seed N]

One boolean per allowed slot, exactly one true per activity; each coordinate a rule reads (start
or end, in minutes or local days) is an integer equal to the chosen slot's value; rules are
linear constraints on those integers. Prints one JSON line:
{"status", "objective", "bound", "seconds", "best_seconds", "peak_mb", ...}; "broken" counts the rules the answer breaks
when checked by model_check.py, and must be 0.
"""
import argparse
import json
import resource
import time

from ortools.sat.python import cp_model

import model_check
from model_check import COORDINATES, COST, END, ROOM, START, bucket

STATUS = {cp_model.OPTIMAL: "optimal", cp_model.FEASIBLE: "feasible", cp_model.INFEASIBLE: "infeasible",
          cp_model.UNKNOWN: "unknown", cp_model.MODEL_INVALID: "invalid"}


class Formulation:
    def __init__(self, model):
        self.data, self.model = model, cp_model.CpModel()
        self.activities = model["activities"]
        self.chosen = [[self.model.NewBoolVar(f"{a['id']}@{k}") for k in range(len(a["slots"]))] for a in self.activities]
        for bools in self.chosen:
            self.model.AddExactlyOne(bools)
        # Coordinates are offset by the earliest start on each scale, to keep the numbers small.
        every = [s for a in self.activities for s in a["slots"]]
        self.base = {field: min((s[first] for s in every), default=0)
                     for first, last in COORDINATES.values() for field in (first, last)}
        self.base[ROOM] = 0
        self.coordinates = {}

    def coordinate(self, a, field):
        """An integer equal to field `field` of activity `a`'s chosen slot, less the scale's base."""
        if (a, field) not in self.coordinates:
            values = [s[field] - self.base[field] for s in self.activities[a]["slots"]]
            lowest = min(values, default=0)
            var = self.model.NewIntVarFromDomain(cp_model.Domain.FromValues(sorted(set(values)) or [0]), f"{a}.{field}")
            self.model.Add(var == lowest + cp_model.LinearExpr.WeightedSum(self.chosen[a], [v - lowest for v in values]))
            self.coordinates[a, field] = var
        return self.coordinates[a, field]

    def add(self, rule):
        kind, m = rule["type"], self.model
        if kind == "countingCap":
            return self.counting_cap(rule)
        if kind == "roomsDisjoint":
            return self.rooms_disjoint(rule["activities"])
        start, end = COORDINATES[rule["scale"]]
        x = self.coordinate
        if kind == "precedence":
            before, after = rule["before"], rule["after"]
            gap = x(after, start) - x(before, end if rule["anchor"] == "end" else start)
            m.Add(gap >= rule["minGap"])
            if rule["maxGap"] is not None:
                m.Add(gap <= rule["maxGap"])
        elif kind == "noOverlap":
            a, b, padding = rule["a"], rule["b"], rule["padding"]
            a_first = m.NewBoolVar(f"{a}<{b}")
            m.Add(x(b, start) >= x(a, end) + padding).OnlyEnforceIf(a_first)
            m.Add(x(a, start) >= x(b, end) + padding).OnlyEnforceIf(a_first.Not())
        elif kind == "within":
            inner, outer = rule["inner"], rule["outer"]
            m.Add(x(inner, start) >= x(outer, start))
            m.Add(x(inner, end) <= x(outer, end))
        else:
            raise ValueError(f"unknown rule type {kind!r}")

    def counting_cap(self, rule):
        """At most `cap` of the activities start in any one bucket (week, month, ...)."""
        buckets = {}
        for a in rule["activities"]:
            for slot, chosen in zip(self.activities[a]["slots"], self.chosen[a]):
                buckets.setdefault(bucket(rule, slot), {}).setdefault(a, []).append(chosen)
        for per_activity in buckets.values():
            if len(per_activity) > rule["cap"]:
                self.model.Add(sum(sum(bools) for bools in per_activity.values()) <= rule["cap"])

    def rooms_disjoint(self, activities):
        """One optional interval per activity and room; no two intervals overlap in a room."""
        per_room = {}
        for a in activities:
            rooms = {}
            for slot, chosen in zip(self.activities[a]["slots"], self.chosen[a]):
                if slot[ROOM] >= 0:
                    rooms.setdefault(slot[ROOM], []).append(chosen)
            if not rooms:
                continue
            start, end = self.coordinate(a, START), self.coordinate(a, END)
            lengths = {slot[END] - slot[START] for slot in self.activities[a]["slots"]}
            if len(lengths) == 1:
                size = lengths.pop()
            else:
                size = self.model.NewIntVar(min(lengths), max(lengths), f"{a}.size")
                self.model.Add(end == start + size)
            for room, bools in rooms.items():
                present = self.model.NewBoolVar(f"{a}@room{room}")
                self.model.Add(present == sum(bools))
                per_room.setdefault(room, []).append(
                    self.model.NewOptionalIntervalVar(start, size, end, present, f"{a}in{room}"))
        for intervals in per_room.values():
            self.model.AddNoOverlap(intervals)

    def pair_terms(self):
        """Soft wishes about two activities, as (variable, weight) terms of the objective."""
        terms = []
        for p in self.data.get("pairPenalties", []):
            a, b, m = p["a"], p["b"], self.model
            if p["type"] == "sameRoom":
                ra, rb = self.coordinate(a, ROOM), self.coordinate(b, ROOM)
                differ = m.NewBoolVar(f"rooms{a}!={b}")
                m.Add(ra == rb).OnlyEnforceIf(differ.Not())
                terms.append((differ, p["weight"]))
            elif p["type"] == "close":
                start, end = COORDINATES[p["scale"]]
                x = self.coordinate
                first = m.NewIntVar(-(10**9), 10**9, f"first{a},{b}")
                last = m.NewIntVar(-(10**9), 10**9, f"last{a},{b}")
                m.AddMinEquality(first, [x(a, start), x(b, start)])
                m.AddMaxEquality(last, [x(a, end), x(b, end)])
                over = m.NewIntVar(0, 10**9, f"over{a},{b}")
                m.Add(over >= last - first - p["maximum"])
                terms.append((over, p["weight"] * (1440 if p["scale"] == "days" else 1)))
            else:
                start, end = COORDINATES[p["scale"]]
                x = self.coordinate
                gap = m.NewIntVar(0, 10**9, f"gap{a},{b}")
                m.AddMaxEquality(gap, [0, x(b, start) - x(a, end), x(a, start) - x(b, end)])
                short = m.NewIntVar(0, p["minimum"], f"short{a},{b}")
                m.Add(short >= p["minimum"] - gap)
                terms.append((short, p["weight"] * (1440 if p["scale"] == "days" else 1)))
        return terms

    def objective(self):
        terms = [(b, s[COST]) for a, bools in zip(self.activities, self.chosen) for b, s in zip(bools, a["slots"]) if s[COST]]
        terms += self.pair_terms()
        for g, share in enumerate(self.data.get("sharePenalties", [])):
            # Wishes about groups: weight x the worst-off party's total.
            worst = self.model.NewIntVar(0, 10**9, f"worst{g}")
            for values in share["values"]:
                self.model.Add(worst >= sum(b * v for m, a in enumerate(share["activities"])
                                            for b, v in zip(self.chosen[a], values[m]) if v))
            terms.append((worst, share["weight"]))
        self.model.Minimize(cp_model.LinearExpr.WeightedSum([b for b, _ in terms], [c for _, c in terms]))

    def choice(self, solver):
        return [next(k for k, b in enumerate(bools) if solver.BooleanValue(b)) for bools in self.chosen]


class Progress(cp_model.CpSolverSolutionCallback):
    """Records when the last (best) schedule was found."""

    def __init__(self):
        super().__init__()
        self.best_seconds = None

    def on_solution_callback(self):
        self.best_seconds = self.WallTime()


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("model")
    parser.add_argument("--time-limit", type=float, default=30)
    parser.add_argument("--workers", type=int, default=1, help="search threads (default 1, like Convene)")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()

    started = time.monotonic()
    with open(args.model) as f:
        data = json.load(f)
    form = Formulation(data)
    for rule in data["rules"]:
        form.add(rule)
    form.objective()
    built = time.monotonic() - started

    solver = cp_model.CpSolver()
    solver.parameters.max_time_in_seconds = args.time_limit
    solver.parameters.num_workers = args.workers
    solver.parameters.random_seed = args.seed
    progress = Progress()
    status = solver.Solve(form.model, progress)
    result = {"model": "weak", "workers": args.workers, "status": STATUS.get(status, str(status)),
              "objective": None, "bound": None, "seconds": round(solver.WallTime(), 2),
              "best_seconds": None if progress.best_seconds is None else round(progress.best_seconds, 2),
              "build_seconds": round(built, 2),
              "slots": sum(len(a["slots"]) for a in data["activities"]), "rules": len(data["rules"])}
    if status in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        choice = form.choice(solver)
        result.update(objective=model_check.objective(data, choice), bound=round(solver.BestObjectiveBound()),
                      broken=len(model_check.broken(data, choice)))
    result["peak_mb"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
    print(json.dumps(result))


if __name__ == "__main__":
    main()
