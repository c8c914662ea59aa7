#!/usr/bin/env python3
"""Writes a synthetic Convene plan with N events to place.

    python3 benchmarks/generate_plan.py N SEED [TIMED_SHARE [GRANULARITY]] > plan.yaml

TIMED_SHARE (0.3) is the share of timed events, GRANULARITY (30m) the calendar's step: the
memory benchmark writes `N 1 1.0 15m`, every event timed at 15 minutes.

The same (N, SEED) always gives the same plan. Plans are feasible by construction: events are
taken in order (dependencies only point to earlier events) and each is first given a witness
date that keeps its hard rules against the events before it — dependencies, shared people,
avoided events and fora, blackouts, the weekly cap. Its window, gaps and blackouts are then
drawn around that date. Witness dates are whole local days with a one-day margin wherever two
events in different zones meet, so they stay valid whatever time of day Convene picks.
"""
import random
import sys
from datetime import date, timedelta

YEAR = date(2021, 1, 1)
DAYS = 365
CALENDAR_ZONE = "Europe/London"
# Any 2–3 zones of one region share at least 6 hours of 08:00–18:00, so a timed event of up
# to 3 hours fits their local hours on every day of the year, daylight saving included.
REGIONS = {
    "americas": ["America/New_York", "America/Chicago", "America/Bogota", "America/Mexico_City", "America/Sao_Paulo"],
    "europe-africa": ["Europe/London", "Europe/Paris", "Europe/Berlin", "Africa/Lagos", "Africa/Nairobi", "Africa/Johannesburg"],
    "asia-pacific": ["Asia/Jakarta", "Asia/Singapore", "Asia/Manila", "Asia/Seoul", "Asia/Tokyo", "Australia/Sydney"],
}
ALL_ZONES = [z for zones in REGIONS.values() for z in zones]
MAX_EVENTS_PER_PERSON = 8
HOLIDAYS = [(0, 0), (93, 95), (184, 184), (357, 361)]  # Jan 1, Easter, Jul 4, Christmas (day offsets)


def day(offset):
    return (YEAR + timedelta(days=offset)).isoformat()


def is_weekend(offset):
    return (YEAR + timedelta(days=offset)).weekday() >= 5


class Event:
    def __init__(self, index, timed, duration, zone):
        self.id = f"ev-{index:04d}"
        self.timed, self.duration, self.zone = timed, duration, zone
        self.span = 1 if timed else duration  # local days the witness occupies
        self.people, self.after, self.avoid, self.local_zones = [], [], [], []
        self.during = self.prefer = self.weight = None
        self.first = None  # the witness: first local day (offset from 2021-01-01)

    @property
    def end(self):
        return self.first + self.span


class Generator:
    def __init__(self, n, seed, timed_share=0.3, granularity="30m"):
        self.n, self.rng = n, random.Random(seed)
        self.timed_share, self.granularity = timed_share, granularity
        self.events, self.load = [], {}
        self.weekly_cap = max(4, -(-2 * n // 52))
        self.per_week = {}

    def build(self):
        rng = self.rng
        self.people = [(f"p{i:03d}", rng.choice(list(REGIONS))) for i in range(max(3, self.n // 5))]
        self.person_zone = {pid: rng.choice(REGIONS[region]) for pid, region in self.people}
        self.fora = [(f"forum-{k}", rng.randrange(10, DAYS - 10), rng.randint(1, 4), rng.choice(ALL_ZONES))
                     for k in range(max(3, self.n // 40))]
        self.weekend_ids, self.holiday_ids = set(), set()
        for i in range(self.n):
            self.events.append(self.place(i))

    def new_event(self, i):
        rng = self.rng
        if rng.random() < self.timed_share:
            region = rng.choice(list(REGIONS))
            zones = rng.sample(REGIONS[region], rng.randint(2, 3))
            event = Event(i, True, rng.choice([60, 90, 120, 150, 180]), zones[0])
            event.local_zones, event.region = zones, region
        else:
            event = Event(i, False, rng.randint(1, 5), rng.choice([CALENDAR_ZONE] + ALL_ZONES))
            event.region = None
        return event

    def place(self, i):
        rng = self.rng
        event = self.new_event(i)
        target = int(i * 320 / self.n) + rng.randint(0, 10)  # events move forward through the year
        self.pick_people(event)
        self.pick_relations(event, target)
        weekends = rng.random() < 0.4
        holidays = rng.random() < 0.5
        event.first = self.witness(event, target, weekends, holidays)
        if event.first is None:  # rare: drop the relations and people that got in the way
            event.after, event.avoid, event.during = [], [], None
            for p in event.people:
                self.load[p] -= 1
            event.people = []
            event.first = self.witness(event, target - 60, weekends, holidays)
            if event.first is None:
                sys.exit(f"generate_plan.py: found no date for {event.id}; try another seed")
        if weekends:
            self.weekend_ids.add(event.id)
        if holidays:
            self.holiday_ids.add(event.id)
        self.per_week[self.week(event.first)] = self.per_week.get(self.week(event.first), 0) + 1
        self.draw_window(event)
        self.draw_max_gaps(event)
        if rng.random() < 0.85:
            event.weight = rng.randint(1, 5)
            kind = rng.choice(["early", "late", "date"])
            event.prefer = day(rng.randrange(event.window[0], event.window[1] + 1)) if kind == "date" else kind
        return event

    def pick_people(self, event):
        rng = self.rng
        pool = [p for p, region in self.people if self.load.get(p, 0) < MAX_EVENTS_PER_PERSON
                and (event.region is None or region == event.region)]
        for p in rng.sample(pool, min(len(pool), rng.randint(0, 3))):
            event.people.append(p)
            self.load[p] = self.load.get(p, 0) + 1

    def pick_relations(self, event, target):
        rng, earlier = self.rng, self.events
        recent = [e for e in earlier if target - 60 <= e.end <= target - 3]
        for before in rng.sample(recent, min(len(recent), rng.choice([0, 1, 1, 2]))):
            event.after.append({"event": before, "min": rng.randint(0, 10), "start": rng.random() < 0.1,
                                "max": rng.random() < 0.3})
        nearby = [e for e in earlier[-40:] if abs(e.first - target) < 15]
        if nearby and rng.random() < 0.05:
            event.avoid.append(rng.choice(nearby).id)
        fora = [f for f in self.fora if abs(f[1] - target) < 30]
        if fora and rng.random() < 0.15:
            event.avoid.append(rng.choice(fora)[0])
        hosts = [e for e in earlier[-40:] if not e.timed and e.duration >= 3 and e.first >= target - 20]
        if event.timed and not event.after and hosts and rng.random() < 0.1:
            event.during = rng.choice(hosts)

    @staticmethod
    def week(first):
        return (first + 4) // 7  # 2021-01-04 is a Monday

    def earliest(self, event, before, rule):
        """The first witness day that keeps the dependency `rule` on `before`."""
        if not event.timed and not before.timed:  # local days, gaps in calendar days
            ref = before.first if rule["start"] else before.end
            return ref + rule["min"]
        ref = before.end  # instants: one day of margin for zone offsets
        return ref + rule["min"] + 1

    def witness(self, event, target, weekends, holidays):
        if event.during is not None:
            candidates = [event.during.first + 1]
        else:
            start = max([max(0, target)] + [self.earliest(event, r["event"], r) for r in event.after])
            candidates = range(start, DAYS - event.span + 1)
        for first in candidates:
            if self.fits(event, first, weekends, holidays):
                return first
        return None

    def fits(self, event, first, weekends, holidays):
        end = first + event.span
        margin = 1  # between events in (possibly) different zones
        if end > DAYS or self.per_week.get(self.week(first), 0) >= self.weekly_cap:
            return False
        if weekends and any(is_weekend(d) for d in range(first, end)):
            return False
        pad = 1 if event.timed else 0  # a timed event's dates on the calendar zone's clock
        if holidays and any(first - pad <= h2 and h1 <= end - 1 + pad for h1, h2 in HOLIDAYS):
            return False
        for other in self.events:
            if (set(other.people) & set(event.people) or other.id in event.avoid) \
                    and not (other.end + margin <= first or end + margin <= other.first):
                return False
        for fid, f_first, f_days, _ in self.fora:
            if fid in event.avoid and not (f_first + f_days + margin <= first or end + margin <= f_first):
                return False
        return True

    def draw_window(self, event):
        length = max(event.span + 1, self.rng.randint(14, 70))
        lo = max(0, min(event.first, event.first - self.rng.randint(0, length - event.span)))
        hi = min(DAYS, max(lo + length, event.end))
        event.window = (lo, hi - 1)

    def draw_max_gaps(self, event):
        for rule in event.after:
            if rule["max"]:
                before = rule["event"]
                actual = event.first - (before.first if rule["start"] else before.end)
                if event.timed or before.timed:  # instants: allow for any time of day in any zone
                    actual += 3
                rule["max"] = max(actual, rule["min"]) + self.rng.randint(0, 10)

    def yaml(self):
        out = ["# Synthetic plan written by benchmarks/generate_plan.py", "calendar:",
               f"  id: synthetic-{self.n}", f"  name: Synthetic plan with {self.n} events",
               f"  zone: {CALENDAR_ZONE}", "  horizon: 2021", f"  granularity: {self.granularity}",
               f"  max-events-per-week: {self.weekly_cap}", "", "people:"]
        for pid, _ in self.people:
            out += [f"  - id: {pid}", f"    name: Person {pid[1:]}", f"    zone: {self.person_zone[pid]}"]
        out += ["", "fixed:"]
        for fid, first, days, zone in self.fora:
            out += [f"  - id: {fid}", f"    title: Forum {fid[6:]}", f"    dates: {day(first)}..{day(first + days - 1)}",
                    f"    zone: {zone}"]
        out += ["", "events:"]
        for e in self.events:
            out += self.event_yaml(e)
        out += ["", "blackouts:"]  # an empty applies-to would mean every event, so skip those
        if self.weekend_ids:
            out += ["  - id: weekends", "    weekends: true", f"    applies-to: [{', '.join(sorted(self.weekend_ids))}]"]
        if self.holiday_ids:
            out += ["  - id: holidays", "    name: Holidays",
                    f"    dates: [{', '.join(f'{day(a)}..{day(b)}' for a, b in HOLIDAYS)}]",
                    f"    applies-to: [{', '.join(sorted(self.holiday_ids))}]"]
        return "\n".join(out) + "\n"

    def event_yaml(self, e):
        duration = f"{e.duration}d" if not e.timed else (f"{e.duration // 60}h" + (f"{e.duration % 60}m" if e.duration % 60 else ""))
        out = [f"  - id: {e.id}", f"    title: Event {e.id[3:]}", f"    duration: {duration}",
               f"    window: {day(e.window[0])}..{day(e.window[1])}", f"    zone: {e.zone}"]
        if e.people:
            out.append(f"    participants: [{', '.join(e.people)}]")
        if e.after:
            out.append("    after:")
            for r in e.after:
                keys = [f"event: {r['event'].id}"] + ([f"min-gap: {r['min']}d"] if r["min"] else []) \
                    + ([f"max-gap: {r['max']}d"] if r["max"] else []) + (["from: start"] if r["start"] else [])
                out.append(f"      - {{{', '.join(keys)}}}")
        if e.avoid:
            out.append(f"    avoid: [{', '.join(e.avoid)}]")
        if e.during:
            out.append(f"    during: {e.during.id}")
        if e.timed:
            out.append(f"    local-hours: [{{between: 08:00-18:00, zones: [{', '.join(e.local_zones)}]}}]")
        if e.prefer:
            out += [f"    prefer: {e.prefer}", f"    weight: {e.weight}"]
        return out


def main():
    if len(sys.argv) not in (3, 4, 5):
        sys.exit("usage: generate_plan.py N SEED [TIMED_SHARE [GRANULARITY]]")
    share = float(sys.argv[3]) if len(sys.argv) > 3 else 0.3
    granularity = sys.argv[4] if len(sys.argv) > 4 else "30m"
    generator = Generator(int(sys.argv[1]), int(sys.argv[2]), share, granularity)
    generator.build()
    sys.stdout.write(generator.yaml())


if __name__ == "__main__":
    main()
