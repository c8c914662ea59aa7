#!/usr/bin/env python3
"""A synthetic conference programme in the frab schedule.json format (the c3voc schema in
docs/frab/), as pretalx exports one: N sessions over four days in as many rooms as they need,
with tracks, languages and speakers (some without ids), for the import → timetable → export
benchmark (benchmarks/frab.sh).

    python3 benchmarks/generate_frab.py N [SEED] > schedule.json

The times are a feasible programme: no room holds two sessions at once and no speaker is in
two sessions less than 15 minutes apart, so importing keeps them.
"""
import json
import random
import sys
import uuid
from datetime import date, datetime, timedelta, timezone

ZONE, OFFSET = "Europe/Berlin", timezone(timedelta(hours=1))  # December: CET, UTC+01:00
DAYS = 4
FIRST = date(2021, 12, 27)
DAY_START, DAY_END = 10 * 60, 22 * 60
TRACKS = [("Ethics, Society & Politics", "#d4e6f1"), ("Hardware & Making", "#f9e79f"),
          ("Security", "#f5b7b1"), ("Science", "#abebc6"), ("Art & Culture", "#d7bde2"),
          ("CCC", "#e5e8e8")]
DURATIONS = [30, 45, 60, 60, 90]


def main():
    n = int(sys.argv[1])
    rng = random.Random(int(sys.argv[2]) if len(sys.argv) > 2 else 1)
    rooms = max(1, -(-n // 32))
    room_names = [f"Saal {chr(ord('A') + r)}" if r < 26 else f"Room {r}" for r in range(rooms)]
    people = [{"code": f"P{k:04d}", "name": f"Speaker {k}", "public_name": f"Speaker {k}", "biography": ""}
              for k in range(max(1, n * 4 // 5))]
    for k in range(0, len(people), 17):  # a few speakers as frab writes them, without a code
        people[k] = {"name": f"Guest {k}", "public_name": f"Guest {k}"}
    busy = {}  # speaker index -> [(start, end)] in minutes of the programme
    days = []
    made = 0
    for d in range(DAYS):
        day = FIRST + timedelta(days=d)
        by_room = {}
        for name in room_names:
            events = []
            t = DAY_START
            while made < n:
                length = rng.choice(DURATIONS)
                if t + length > DAY_END:
                    break
                absolute = d * 1440 + t
                speakers = pick_speakers(rng, people, busy, absolute, absolute + length)
                events.append(event(made, day, t, length, name, rng, speakers))
                made += 1
                t += length + rng.choice([15, 15, 30])
            by_room[name] = events
        days.append({
            "index": d + 1, "date": day.isoformat(),
            "day_start": stamp(day, 0), "day_end": stamp(day, 1439),
            "rooms": by_room})
    if made < n:
        sys.exit(f"generate_frab.py: {n} sessions do not fit {rooms} rooms over {DAYS} days")
    schedule = {
        "$schema": "https://c3voc.de/schedule/schema.json",
        "generator": {"name": "convene-benchmark", "version": "1"},
        "schedule": {
            "version": "1.0",
            "base_url": "https://example.org/",
            "conference": {
                "acronym": "benchconf", "title": f"Benchmark Conference ({n} sessions)",
                "start": FIRST.isoformat(), "end": (FIRST + timedelta(days=DAYS - 1)).isoformat(),
                "daysCount": DAYS, "timeslot_duration": "00:15", "time_zone_name": ZONE,
                "tracks": [{"name": t, "color": c} for t, c in TRACKS],
                "rooms": [{"name": r, "guid": str(uuid.uuid5(uuid.NAMESPACE_URL, r))} for r in room_names]
                + [{"name": "Empty Hall", "guid": str(uuid.uuid5(uuid.NAMESPACE_URL, "empty"))}],
                "days": days,
            },
        },
    }
    json.dump(schedule, sys.stdout, indent=1, ensure_ascii=False)
    sys.stdout.write("\n")


def pick_speakers(rng, people, busy, start, end):
    chosen = []
    for _ in range(rng.choice([1, 1, 2, 3])):
        for _attempt in range(20):
            k = rng.randrange(len(people))
            if k in chosen:
                continue
            if all(end + 15 <= s or e + 15 <= start for s, e in busy.get(k, [])):
                chosen.append(k)
                busy.setdefault(k, []).append((start, end))
                break
    return [dict(people[k]) for k in chosen]


def event(k, day, minute, length, room, rng, speakers):
    track, _ = TRACKS[k % len(TRACKS)]
    start = f"{minute // 60:02d}:{minute % 60:02d}"
    return {
        "guid": str(uuid.uuid5(uuid.NAMESPACE_URL, f"benchconf/{k}")), "id": 1000 + k,
        "date": stamp(day, minute), "start": start, "duration": f"{length // 60:02d}:{length % 60:02d}",
        "room": room, "slug": f"benchconf-{1000 + k}-talk-{k}", "url": f"https://example.org/talk/{k}/",
        "title": f"Talk {k}", "subtitle": "", "track": track, "type": "Talk",
        "language": rng.choice(["en", "en", "en", "de"]), "abstract": f"What talk {k} is about.",
        "description": "", "persons": speakers, "links": [], "attachments": [],
        "do_not_record": False,
    }


def stamp(day, minute):
    return datetime(day.year, day.month, day.day, minute // 60, minute % 60, tzinfo=OFFSET).isoformat()


if __name__ == "__main__":
    main()
