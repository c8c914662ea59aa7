#!/usr/bin/env python3
"""Checks a schedule against an exported model (docs/model-format.md), independently of
both solvers: every rule, read straight from its definition, and the objective.

    python3 benchmarks/model_check.py model.json schedule.json

prints {"reported": ..., "outside": [...], "objective": ..., "broken": [...]} for the
schedule.json that `convene plan --out` writes (objective and broken only when no event is
outside its slots). cpsat_reference.py uses `broken` and `objective` to check its own answers.
"""
import bisect
import json
import sys
from datetime import datetime, timezone

START, END, FIRST_DAY, END_DAY, COST, ROOM = range(6)
COORDINATES = {"minutes": (START, END), "days": (FIRST_DAY, END_DAY)}


def objective(model, choice):
    """The total cost of `choice`: one slot index per activity, plus the pair and share penalties."""
    slot = [a["slots"][k] for a, k in zip(model["activities"], choice)]
    return (sum(s[COST] for s in slot)
            + sum(pair_cost(p, slot[p["a"]], slot[p["b"]]) for p in model.get("pairPenalties", []))
            + sum(share_cost(g, choice) for g in model.get("sharePenalties", [])))


def share_cost(share, choice):
    """A wish about a group (docs/model-format.md): weight x the worst-off party's total."""
    totals = [sum(party[m][choice[a]] for m, a in enumerate(share["activities"])) for party in share["values"]]
    return share["weight"] * max(totals, default=0)


def pair_cost(pair, x, y):
    """A soft wish about two activities (docs/model-format.md)."""
    if pair["type"] == "sameRoom":
        return pair["weight"] if x[ROOM] >= 0 and y[ROOM] >= 0 and x[ROOM] != y[ROOM] else 0
    start, end = COORDINATES[pair["scale"]]
    if pair["type"] == "close":
        span = max(x[end], y[end]) - min(x[start], y[start])
        return pair["weight"] * max(0, span - pair["maximum"]) * (1440 if pair["scale"] == "days" else 1)
    gap = max(0, y[start] - x[end], x[start] - y[end])
    return pair["weight"] * max(0, pair["minimum"] - gap) * (1440 if pair["scale"] == "days" else 1)


def broken(model, choice):
    """The indices of the rules that `choice` breaks."""
    slot = [a["slots"][k] for a, k in zip(model["activities"], choice)]
    return [i for i, rule in enumerate(model["rules"]) if not holds(rule, slot)]


def bucket(rule, slot):
    """The bucket (week, month, ...) a slot starts in, by its local first day: the bucket of the
    last run starting on or before that day; a day outside the runs is a bucket of its own."""
    day = slot[FIRST_DAY]
    runs = rule["runs"]
    k = bisect.bisect_right([d for d, _ in runs], day) - 1
    return runs[k][1] if k >= 0 and day <= rule["lastDay"] else ("day", day)


def holds(rule, slot):
    kind = rule["type"]
    if kind == "countingCap":
        buckets = [bucket(rule, slot[a]) for a in rule["activities"]]
        return all(buckets.count(b) <= rule["cap"] for b in set(buckets))
    if kind == "roomsDisjoint":
        used = sorted((slot[a][ROOM], slot[a][START], slot[a][END]) for a in rule["activities"] if slot[a][ROOM] >= 0)
        return all(r1 != r2 or e1 <= s2 for (r1, _, e1), (r2, s2, _) in zip(used, used[1:]))
    start, end = COORDINATES[rule["scale"]]
    if kind == "precedence":
        before, after = slot[rule["before"]], slot[rule["after"]]
        gap = after[start] - before[end if rule["anchor"] == "end" else start]
        return gap >= rule["minGap"] and (rule["maxGap"] is None or gap <= rule["maxGap"])
    if kind == "noOverlap":
        a, b, padding = slot[rule["a"]], slot[rule["b"]], rule["padding"]
        return not (a[start] < b[end] + padding and b[start] < a[end] + padding)
    if kind == "within":
        inner, outer = slot[rule["inner"]], slot[rule["outer"]]
        return inner[start] >= outer[start] and inner[end] <= outer[end]
    raise ValueError(f"unknown rule type {kind!r}")


def utc_minute(text):
    moment = datetime.strptime(text, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=timezone.utc)
    return int(moment.timestamp()) // 60


def choice_of(model, schedule):
    """Each activity's slot index in a schedule.json, or None when its start is no allowed slot."""
    rooms = model.get("rooms", [])
    starts = {e["id"]: (utc_minute(e["startUTC"]), rooms.index(e["room"]) if e.get("room") in rooms else -1)
              for e in schedule["events"] if not e["fixed"]}
    choice = []
    for a in model["activities"]:
        index = [k for k, s in enumerate(a["slots"]) if (s[START], s[ROOM]) == starts.get(a["id"])]
        choice.append(index[0] if index else None)
    return choice


def main():
    if len(sys.argv) != 3:
        sys.exit("usage: model_check.py model.json schedule.json")
    with open(sys.argv[1]) as f:
        model = json.load(f)
    with open(sys.argv[2]) as f:
        schedule = json.load(f)
    choice = choice_of(model, schedule)
    outside = [a["id"] for a, k in zip(model["activities"], choice) if k is None]
    result = {"reported": schedule.get("objective"), "outside": outside}
    if not outside:
        result.update(objective=objective(model, choice), broken=broken(model, choice))
    print(json.dumps(result))


if __name__ == "__main__":
    main()
