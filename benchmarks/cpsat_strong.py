#!/usr/bin/env python3
"""Solves a model exported by `convene plan PLAN --export-model model.json` with OR-Tools CP-SAT,
formulated as a CP-SAT user would write it: the strong reference (docs/model-format.md).

    benchmarks/.venv/bin/python benchmarks/cpsat_strong.py model.json [--time-limit S] [--workers W] [--seed N]

Where cpsat_reference.py gives CP-SAT one boolean per slot, this model gives each activity an
integer start whose domain is its allowed starts, and derives the rest from it:

- the end (and the local days) as the start plus a constant where the slots say so, an exact
  affine function (`den * y == num * start + c`) where one fits, else a two-column table;
- the room as its own variable with one presence literal per room (the slots of every exported
  session are starts x rooms); a slot set that is not such a product is a table on (start, room);
  a model whose start does not determine a slot's other fields falls back to a slot index with
  element constraints;
- interval variables: `noOverlap` rules grouped into cliques (a person's events, a track's
  sessions), one `AddNoOverlap` per clique over intervals widened by the padding; one optional
  interval per session and room, `AddNoOverlap` per room, and a redundant `AddCumulative` of all
  sessions against the number of rooms;
- precedences and `within` as linear constraints on starts and ends;
- a counting cap as one literal per activity and bucket (the bucket's starts as a domain), at
  most `cap` true per bucket;
- a slot cost as a linear term when it is affine in the start, the greatest of its segments'
  lines (`AddMaxEquality`) when it is convex, else the lower convex hull as a cut plus one
  literal per affine piece, the start in the piece's starts and the cost on its line (`--costs
  table` uses a (start, cost) table instead of the pieces);
- `sameRoom` as `differ >= present(a, room) - present(b, room)` and `differ => room(a) !=
  room(b)`; `apart` as `short = max(0, minimum - gap)`, the gap read through the pair's order
  literal when the two may not overlap.

Every cost term equals the penalty of the slots taken (no slack above it), so the model's
objective, evaluated on the schedule CP-SAT returns, is model_check.py's ("cpsat_objective"
beside "objective" shows it; CP-SAT's own ObjectiveValue() was once seen 285 above it on a
summit run stopped by the time limit, so it is not what is reported), and the bound is a bound
on the model of docs/model-format.md.

Prints one JSON line like cpsat_reference.py's: {"status", "objective", "bound", "seconds",
"best_seconds", "peak_mb", ...}; the objective and "broken" are computed by model_check.py from
the slots the answer takes.
"""
import argparse
import json
import math
import resource
import sys
import time
from datetime import datetime, timezone

from ortools.sat.python import cp_model

import model_check
from model_check import COST, END, END_DAY, FIRST_DAY, ROOM, START, bucket

STATUS = {cp_model.OPTIMAL: "optimal", cp_model.FEASIBLE: "feasible", cp_model.INFEASIBLE: "infeasible",
          cp_model.UNKNOWN: "unknown", cp_model.MODEL_INVALID: "invalid"}
SCALES = {"minutes": (START, END), "days": (FIRST_DAY, END_DAY)}


def affine(xs, ys):
    """(num, den, c) with den * y == num * x + c at every point, den > 0, or None."""
    if len(set(ys)) == 1:
        return 0, 1, ys[0]
    x0, y0, x1, y1 = xs[0], ys[0], xs[-1], ys[-1]
    num, den = y1 - y0, x1 - x0
    g = math.gcd(num, den)
    num, den = num // g, den // g
    if den < 0:
        num, den = -num, -den
    c = den * y0 - num * x0
    return (num, den, c) if all(den * y == num * x + c for x, y in zip(xs, ys)) else None


def line(p, q):
    """(num, den, c) of the line through points p and q (p[0] < q[0])."""
    num, den = q[1] - p[1], q[0] - p[0]
    g = math.gcd(num, den)
    num, den = num // g, den // g
    return num, den, den * p[1] - num * p[0]


def lower_hull(points):
    hull = []
    for p in points:
        while len(hull) >= 2 and (hull[-1][0] - hull[-2][0]) * (p[1] - hull[-2][1]) <= (hull[-1][1] - hull[-2][1]) * (p[0] - hull[-2][0]):
            hull.pop()
        hull.append(p)
    return hull


def affine_runs(points):
    """The points split into maximal runs that lie on one line, in order."""
    runs, i = [], 0
    while i < len(points):
        j = i + 1
        if j < len(points):
            while j + 1 < len(points) and (points[j + 1][1] - points[i][1]) * (points[j][0] - points[i][0]) \
                    == (points[j][1] - points[i][1]) * (points[j + 1][0] - points[i][0]):
                j += 1
            runs.append(points[i:j + 1])
            i = j + 1
        else:
            runs.append(points[i:])
            i += 1
    return runs


class Activity:
    def __init__(self, form, index, data):
        m = form.model
        self.form, self.index, self.id, self.slots = form, index, data["id"], data["slots"]
        self.base = form.base
        by_start = {}
        for s in self.slots:
            by_start.setdefault(s[START], []).append(s)
        self.rooms = sorted({s[ROOM] for s in self.slots if s[ROOM] >= 0})
        if not self.slots:
            m.AddBoolOr([])  # no slot at all: the model is infeasible
        # The key: the start itself when it determines every field but the room, else a slot index.
        functional = all(len({(t[END], t[FIRST_DAY], t[END_DAY], t[COST]) for t in v}) == 1 for v in by_start.values())
        if functional:
            self.keys = sorted(by_start)
            self.row = {k: by_start[k][0] for k in self.keys}
            shifted = [k - self.base[START] for k in self.keys]
            self.key = m.NewIntVarFromDomain(cp_model.Domain.FromValues(shifted or [0]), f"{self.id}.start")
            self.key_value = {k: k - self.base[START] for k in self.keys}
        else:
            self.keys = list(range(len(self.slots)))
            self.row = dict(enumerate(self.slots))
            self.key = m.NewIntVar(0, max(len(self.slots) - 1, 0), f"{self.id}.slot")
            self.key_value = {k: k for k in self.keys}
        self.functional = functional
        self.fields = {}
        self.present = {}
        if self.rooms:
            for r in self.rooms:
                self.present[r] = m.NewBoolVar(f"{self.id}@room{r}")
            m.AddExactlyOne(self.present.values())
            self.room = m.NewIntVarFromDomain(cp_model.Domain.FromValues(self.rooms), f"{self.id}.room")
            m.Add(self.room == sum(r * lit for r, lit in self.present.items()))
            if functional:
                rooms = set(self.rooms)
                if not all({t[ROOM] for t in v} == rooms for v in by_start.values()):
                    pairs = sorted({(self.key_value[s[START]], s[ROOM]) for s in self.slots})
                    m.AddAllowedAssignments([self.key, self.room], pairs)
            else:
                m.AddElement(self.key, [s[ROOM] for s in self.slots], self.room)

    def field(self, f):
        """The chosen slot's field f (less the scale's base), as a linear expression."""
        if f in self.fields:
            return self.fields[f]
        m, base = self.form.model, self.base[f]
        xs = [self.key_value[k] for k in self.keys]
        ys = [self.row[k][f] - base for k in self.keys]
        fit = affine(xs, ys) if self.functional else None
        if fit and fit[1] == 1:
            expr = fit[0] * self.key + fit[2] if fit[0] else fit[2]
        else:
            expr = m.NewIntVarFromDomain(cp_model.Domain.FromValues(sorted(set(ys)) or [0]), f"{self.id}.{f}")
            if fit:
                m.Add(fit[1] * expr == fit[0] * self.key + fit[2])
            elif self.functional:
                m.AddAllowedAssignments([self.key, expr], list(zip(xs, ys)))
            else:
                m.AddElement(self.key, ys, expr)
        self.fields[f] = expr
        return expr

    def size(self, scale):
        first, last = SCALES[scale]
        sizes = {self.row[k][last] - self.row[k][first] for k in self.keys}
        return (min(sizes), max(sizes))

    def cost(self):
        """The chosen slot's cost, as a linear expression (exact at every allowed start)."""
        m = self.form.model
        xs = [self.key_value[k] for k in self.keys]
        ys = [self.row[k][COST] for k in self.keys]
        if not xs or not any(ys):
            return 0
        fit = affine(xs, ys) if self.functional else None
        if fit and fit[1] == 1:
            return fit[0] * self.key + fit[2] if fit[0] else fit[2]
        c = m.NewIntVar(min(ys), max(ys), f"{self.id}.cost")
        if not self.functional:
            m.AddElement(self.key, ys, c)
            return c
        if fit:
            m.Add(fit[1] * c == fit[0] * self.key + fit[2])
            return c
        points = list(zip(xs, ys))
        hull = lower_hull(points)
        lines = [line(p, q) for p, q in zip(hull, hull[1:])]
        if len(hull) == len(points) and all(den == 1 for _, den, _ in lines):
            # Convex: the cost is the greatest of its segments' lines at every allowed start.
            m.AddMaxEquality(c, [num * self.key + k for num, _, k in lines])
            return c
        for num, den, k in lines:
            m.Add(den * c >= num * self.key + k)  # the lower convex hull: a cut for the LP
        if self.form.costs == "table":
            m.AddAllowedAssignments([self.key, c], points)
            return c
        pieces = []
        for run in affine_runs(points):
            lit = m.NewBoolVar(f"{self.id}.piece{run[0][0]}")
            pieces.append(lit)
            m.AddLinearExpressionInDomain(self.key, cp_model.Domain.FromValues([x for x, _ in run])).OnlyEnforceIf(lit)
            if len(run) == 1:
                m.Add(c == run[0][1]).OnlyEnforceIf(lit)
            else:
                num, den, k = line(run[0], run[-1])
                m.Add(den * c == num * self.key + k).OnlyEnforceIf(lit)
        m.AddExactlyOne(pieces)
        return c

    def slot_value(self, values):
        """The chosen slot's value in `values` (one per slot), as a variable."""
        m = self.form.model
        if self.functional:
            # The key is the start: one value per start (a share's values depend on the time only).
            by_key = {}
            for k, s in enumerate(self.slots):
                by_key.setdefault(self.key_value[s[START]], values[k])
            pairs = sorted(by_key.items())
        else:
            pairs = list(enumerate(values))
        v = m.NewIntVarFromDomain(cp_model.Domain.FromValues(sorted({y for _, y in pairs}) or [0]), f"{self.id}.v")
        m.AddAllowedAssignments([self.key, v], pairs)
        return v

    def slot_of(self, solver):
        if self.functional:
            start = solver.Value(self.key) + self.base[START]
            room = solver.Value(self.room) if self.rooms else -1
            return next(k for k, s in enumerate(self.slots) if s[START] == start and s[ROOM] == room)
        return solver.Value(self.key)


class Formulation:
    def __init__(self, data, costs="pieces"):
        self.data, self.model, self.costs = data, cp_model.CpModel(), costs
        every = [s for a in data["activities"] for s in a["slots"]]
        self.base = {f: min((s[f] for s in every), default=0) for f in (START, END, FIRST_DAY, END_DAY)}
        self.base[END], self.base[END_DAY] = self.base[START], self.base[FIRST_DAY]  # one origin per scale
        self.base[COST] = self.base[ROOM] = 0
        self.acts = [Activity(self, i, a) for i, a in enumerate(data["activities"])]
        self.intervals = {}
        self.order = {}
        self.no_overlap_pairs = {}  # (a, b, scale) with a < b: the padding of a noOverlap rule between them

    def coordinates(self, a, scale):
        first, last = SCALES[scale]
        return self.acts[a].field(first), self.acts[a].field(last)

    def interval(self, a, scale, padding=0):
        """An interval from a's start to its end widened by padding, on the scale."""
        if (a, scale, padding) not in self.intervals:
            start, end = self.coordinates(a, scale)
            low, high = self.acts[a].size(scale)
            size = low + padding if low == high else self.model.NewIntVar(low + padding, high + padding, f"{a}.size{padding}")
            self.intervals[a, scale, padding] = self.model.NewIntervalVar(start, size, end + padding, f"{a}.{scale}+{padding}")
        return self.intervals[a, scale, padding]

    def build(self):
        m = self.model
        groups = {}
        for rule in self.data["rules"]:
            kind = rule["type"]
            if kind == "countingCap":
                self.counting_cap(rule)
            elif kind == "roomsDisjoint":
                self.rooms_disjoint(rule["activities"])
            elif kind == "noOverlap":
                a, b = sorted((rule["a"], rule["b"]))
                groups.setdefault((rule["scale"], rule["padding"]), set()).add((a, b))
                self.no_overlap_pairs.setdefault((a, b, rule["scale"]), rule["padding"])
            elif kind == "precedence":
                start, _ = self.coordinates(rule["after"], rule["scale"])
                b_start, b_end = self.coordinates(rule["before"], rule["scale"])
                gap = start - (b_end if rule["anchor"] == "end" else b_start)
                m.Add(gap >= rule["minGap"])
                if rule["maxGap"] is not None:
                    m.Add(gap <= rule["maxGap"])
            elif kind == "within":
                i_start, i_end = self.coordinates(rule["inner"], rule["scale"])
                o_start, o_end = self.coordinates(rule["outer"], rule["scale"])
                m.Add(i_start >= o_start)
                m.Add(i_end <= o_end)
            else:
                raise ValueError(f"unknown rule type {kind!r}")
        self.cliques = 0
        for (scale, padding), pairs in groups.items():
            for clique in clique_cover(pairs):
                self.cliques += 1
                m.AddNoOverlap([self.interval(a, scale, padding) for a in clique])
        self.objective = sum(a.cost() for a in self.acts) + self.pair_penalties() + self.share_penalties()
        m.Minimize(self.objective)

    def counting_cap(self, rule):
        buckets = {}
        for a in rule["activities"]:
            act = self.acts[a]
            mine = {}
            for k in act.keys:
                mine.setdefault(bucket(rule, act.row[k]), []).append(act.key_value[k])
            if len(mine) == 1:
                buckets.setdefault(next(iter(mine)), []).append(1)
                continue
            lits = []
            for b, values in mine.items():
                lit = self.model.NewBoolVar(f"{act.id}.in{b}")
                self.model.AddLinearExpressionInDomain(act.key, cp_model.Domain.FromValues(values)).OnlyEnforceIf(lit)
                lits.append(lit)
                buckets.setdefault(b, []).append(lit)
            self.model.AddExactlyOne(lits)
        for terms in buckets.values():
            if len(terms) > rule["cap"]:
                self.model.Add(sum(terms) <= rule["cap"])

    def rooms_disjoint(self, activities):
        per_room, all_sessions = {}, []
        for a in activities:
            act = self.acts[a]
            if not act.rooms:
                continue
            start, end = self.coordinates(a, "minutes")
            low, high = act.size("minutes")
            size = low if low == high else self.model.NewIntVar(low, high, f"{a}.roomsize")
            for r, lit in act.present.items():
                per_room.setdefault(r, []).append(self.model.NewOptionalIntervalVar(start, size, end, lit, f"{a}in{r}"))
            all_sessions.append(self.interval(a, "minutes"))
        for intervals in per_room.values():
            self.model.AddNoOverlap(intervals)
        if len(per_room) > 1:
            self.model.AddCumulative(all_sessions, [1] * len(all_sessions), len(per_room))

    def order_literal(self, a, b, scale, padding):
        """True when a comes first: start(b) >= end(a) + padding, else start(a) >= end(b) + padding."""
        key = (a, b, scale, padding)
        if key not in self.order:
            a_start, a_end = self.coordinates(a, scale)
            b_start, b_end = self.coordinates(b, scale)
            lit = self.model.NewBoolVar(f"{a}<{b}")
            self.model.Add(b_start >= a_end + padding).OnlyEnforceIf(lit)
            self.model.Add(a_start >= b_end + padding).OnlyEnforceIf(lit.Not())
            self.order[key] = lit
        return self.order[key]

    def pair_penalties(self):
        m, terms = self.model, []
        for p in self.data.get("pairPenalties", []):
            a, b = p["a"], p["b"]
            if p["type"] == "sameRoom":
                A, B = self.acts[a], self.acts[b]
                if not A.rooms or not B.rooms:
                    continue
                differ = m.NewBoolVar(f"rooms{a}!={b}")
                for r in set(A.rooms) | set(B.rooms):
                    if r in A.present:
                        m.Add(differ >= A.present[r] - B.present.get(r, 0))
                    if r in B.present:
                        m.Add(differ >= B.present[r] - A.present.get(r, 0))
                m.Add(A.room != B.room).OnlyEnforceIf(differ)  # exact: differ is 1 only when they differ
                terms.append(p["weight"] * differ)
                continue
            unit = p["weight"] * (1440 if p["scale"] == "days" else 1)
            a_start, a_end = self.coordinates(a, p["scale"])
            b_start, b_end = self.coordinates(b, p["scale"])
            if p["type"] == "close":
                first = m.NewIntVar(-(10**9), 10**9, f"first{a},{b}")
                last = m.NewIntVar(-(10**9), 10**9, f"last{a},{b}")
                m.AddMinEquality(first, [a_start, b_start])
                m.AddMaxEquality(last, [a_end, b_end])
                over = m.NewIntVar(0, 10**9, f"over{a},{b}")
                m.AddMaxEquality(over, [0, last - first - p["maximum"]])
                terms.append(unit * over)
                continue
            short = m.NewIntVar(0, max(p["minimum"], 0), f"short{a},{b}")
            lo, hi = sorted((a, b))
            padding = self.no_overlap_pairs.get((lo, hi, p["scale"]))
            if padding is not None:
                # They never overlap: an order literal says which comes first, and the gap is linear.
                scale = p["scale"]
                first = self.order_literal(lo, hi, scale, padding)
                lo_start, lo_end = self.coordinates(lo, scale)
                hi_start, hi_end = self.coordinates(hi, scale)
                gap = m.NewIntVar(0, 10**9, f"gap{a},{b}")
                m.Add(gap == hi_start - lo_end).OnlyEnforceIf(first)
                m.Add(gap == lo_start - hi_end).OnlyEnforceIf(first.Not())
            else:
                gap = m.NewIntVar(0, 10**9, f"gap{a},{b}")
                m.AddMaxEquality(gap, [0, b_start - a_end, a_start - b_end])
            m.AddMaxEquality(short, [0, p["minimum"] - gap])
            terms.append(unit * short)
        return sum(terms)

    def share_penalties(self):
        """Wishes about groups: weight x the worst-off party's total, the worst above every party's sum."""
        m, terms = self.model, []
        for g, share in enumerate(self.data.get("sharePenalties", [])):
            worst = m.NewIntVar(0, 10**9, f"worst{g}")
            for values in share["values"]:
                m.Add(worst >= sum(self.acts[a].slot_value(values[i]) for i, a in enumerate(share["activities"])))
            terms.append(share["weight"] * worst)
        return sum(terms)

    def choice(self, solver):
        return [act.slot_of(solver) for act in self.acts]


def clique_cover(pairs):
    """Cliques of the graph of pairs that cover every pair, greedily grown."""
    adjacent = {}
    for a, b in pairs:
        adjacent.setdefault(a, set()).add(b)
        adjacent.setdefault(b, set()).add(a)
    uncovered = set(pairs)
    cliques = []
    for a, b in sorted(pairs, key=lambda e: -min(len(adjacent[e[0]]), len(adjacent[e[1]]))):
        if (a, b) not in uncovered:
            continue
        clique = [a, b]
        candidates = adjacent[a] & adjacent[b]
        while candidates:
            # Prefer the candidate that covers most still-uncovered pairs, then the lowest index.
            c = max(candidates, key=lambda c: (sum((min(c, x), max(c, x)) in uncovered for x in clique), -c))
            clique.append(c)
            candidates &= adjacent[c]
        for i, x in enumerate(clique):
            for y in clique[i + 1:]:
                uncovered.discard((min(x, y), max(x, y)))
        cliques.append(sorted(clique))
    return cliques


class Progress(cp_model.CpSolverSolutionCallback):
    """Records when each better schedule was found."""

    def __init__(self):
        super().__init__()
        self.best_seconds = None
        self.solutions = 0

    def on_solution_callback(self):
        self.solutions += 1
        self.best_seconds = self.WallTime()


def write_schedule(path, data, choice, result):
    rooms = data.get("rooms", [])
    events = []
    for a, k in zip(data["activities"], choice):
        slot = a["slots"][k]
        utc = lambda minute: datetime.fromtimestamp(minute * 60, timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
        events.append({"id": a["id"], "fixed": False, "startUTC": utc(slot[START]), "endUTC": utc(slot[END]),
                       "room": rooms[slot[ROOM]] if slot[ROOM] >= 0 else None})
    with open(path, "w") as f:
        json.dump({"calendar": data.get("calendar"), "status": result["status"], "objective": result["cpsat_objective"],
                   "bound": result["bound"], "events": events}, f, indent=2)
        f.write("\n")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("model")
    parser.add_argument("--time-limit", type=float, default=30)
    parser.add_argument("--workers", type=int, default=1, help="search threads (default 1, like Convene)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--costs", choices=["pieces", "table"], default="pieces",
                        help="non-convex slot costs: a literal per affine piece (default) or a (start, cost) table")
    parser.add_argument("--log", action="store_true", help="CP-SAT's search log on stderr")
    parser.add_argument("--schedule", metavar="FILE",
                        help="write the answer as a schedule.json that model_check.py reads (id, startUTC, room)")
    args = parser.parse_args()

    started = time.monotonic()
    with open(args.model) as f:
        data = json.load(f)
    form = Formulation(data, args.costs)
    form.build()
    built = time.monotonic() - started

    solver = cp_model.CpSolver()
    solver.parameters.max_time_in_seconds = args.time_limit
    solver.parameters.num_workers = args.workers
    solver.parameters.random_seed = args.seed
    solver.parameters.log_search_progress = args.log
    solver.parameters.log_to_stdout = False
    solver.log_callback = lambda line: print(line, file=sys.stderr)
    progress = Progress()
    status = solver.Solve(form.model, progress)
    result = {"model": "strong", "workers": args.workers, "status": STATUS.get(status, str(status)),
              "objective": None, "bound": None, "seconds": round(solver.WallTime(), 2),
              "best_seconds": None if progress.best_seconds is None else round(progress.best_seconds, 2),
              "build_seconds": round(built, 2),
              "slots": sum(len(a["slots"]) for a in data["activities"]), "rules": len(data["rules"]),
              "cliques": form.cliques}
    if status in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        choice = form.choice(solver)
        objective = model_check.objective(data, choice)
        result.update(objective=objective, bound=round(solver.BestObjectiveBound()),
                      broken=len(model_check.broken(data, choice)),
                      cpsat_objective=solver.Value(form.objective))
        if args.schedule:
            write_schedule(args.schedule, data, choice, result)
    result["peak_mb"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
    print(json.dumps(result))


if __name__ == "__main__":
    main()
