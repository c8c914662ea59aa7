"""After a real client (vdirsyncer) synced a feed into a vdir, every event must be there with
the times schedule.json gives.

Usage: check_vdir.py VDIR SCHEDULE.json EXPECTED_COUNT

vdirsyncer 0.19's http storage replaces every UID with a hash of the item, so events are
matched to schedule.json by UID when it survives and by title otherwise.
"""
import datetime as dt
import json
import os
import sys

import icalendar

UTC = dt.timezone.utc


def normalise(value):
    if isinstance(value, dt.datetime):
        return value.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    return value.isoformat()


def main():
    vdir, schedule_path, expected_count = sys.argv[1], sys.argv[2], int(sys.argv[3])
    with open(schedule_path, encoding="utf-8") as f:
        events = json.load(f)["events"]
    schedule = {e["id"]: e for e in events}
    by_title = {e["title"]: e for e in events}
    found = 0
    failures = 0
    for name in sorted(os.listdir(vdir)):
        if not name.endswith(".ics"):
            continue
        with open(os.path.join(vdir, name), "rb") as f:
            calendar = icalendar.Calendar.from_ical(f.read())
        for event in calendar.walk("VEVENT"):
            found += 1
            uid = str(event["UID"]).split("@")[0]
            want = schedule.get(uid) or by_title.get(str(event.get("SUMMARY", "")))
            got = (normalise(event.decoded("DTSTART")), normalise(event.decoded("DTEND")))
            expected = (want["start"], want["end"]) if want and want["allDay"] else (want["startUTC"], want["endUTC"]) if want else None
            if got != expected:
                failures += 1
                print(f"{name}: {uid} synced as {got}, schedule.json says {expected}")
    print(f"{found} events synced")
    if found != expected_count:
        print(f"expected {expected_count} events")
        failures += 1
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
