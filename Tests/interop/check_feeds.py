"""Independent parsers read every feed of a release and must agree with schedule.json.

Usage: check_feeds.py RELEASE_DIR

Each feed is parsed with python `icalendar`, `ical` (pydantic, strict), `ics` (strict: it
refuses properties RFC 5545 does not define, such as RFC 7808's TZUNTIL) and `vobject` (and
`khal printics` when khal is installed). Every reader must find exactly the feed's confirmed
events (by UID, from the text itself), and every event's start and end, in UTC for timed
events and as dates for all-day ones, must equal its entry in schedule.json. A reader that
refuses a feed is a failure. Prints one line per feed; exits 1 on any disagreement.
"""
import datetime as dt
import json
import os
import shutil
import subprocess
import sys
import tempfile

import ics
import icalendar
import vobject
from ical.calendar_stream import IcsCalendarStream

UTC = dt.timezone.utc


def expected(release):
    with open(os.path.join(release, "schedule.json"), encoding="utf-8") as f:
        schedule = json.load(f)
    result = {}
    for e in schedule["events"]:
        if e["allDay"]:
            result[e["id"]] = (e["start"], e["end"])
        else:
            result[e["id"]] = (e["startUTC"], e["endUTC"])
    return result


def normalise(value):
    if isinstance(value, dt.datetime):
        if value.tzinfo is None:
            raise ValueError(f"floating time {value}")
        return value.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    return value.isoformat()


def with_icalendar(text):
    cal = icalendar.Calendar.from_ical(text)
    out = {}
    for e in cal.walk("VEVENT"):
        if str(e.get("STATUS", "")).upper() == "CANCELLED":
            continue
        out[str(e["UID"]).split("@")[0]] = (normalise(e.decoded("DTSTART")), normalise(e.decoded("DTEND")))
    return out


def with_ical(text):
    cal = IcsCalendarStream.calendar_from_ics(text)
    out = {}
    for e in cal.events:
        if e.status is not None and str(e.status.value).upper() == "CANCELLED":
            continue
        out[e.uid.split("@")[0]] = (normalise(e.dtstart), normalise(e.dtend))
    return out


def with_ics(text):
    """Python `ics` (0.7): Arrow times; an all-day event's begin is midnight of its first day."""
    cal = ics.Calendar(text)
    out = {}
    for e in cal.events:
        if str(e.status or "").upper() == "CANCELLED":
            continue
        if e.all_day:
            times = (e.begin.date().isoformat(), e.end.date().isoformat())
        else:
            times = (normalise(e.begin.datetime), normalise(e.end.datetime))
        out[e.uid.split("@")[0]] = times
    return out


def with_vobject(text):
    # vobject keeps every VTIMEZONE it has read in a process-wide table by TZID; forget them, so
    # that each feed is read with its own.
    getattr(vobject.icalendar, "__tzidMap").clear()
    cal = vobject.readOne(text)
    out = {}
    for e in cal.contents.get("vevent", []):
        status = e.contents.get("status")
        if status and status[0].value.upper() == "CANCELLED":
            continue
        out[e.uid.value.split("@")[0]] = (normalise(e.dtstart.value), normalise(e.dtend.value))
    return out


def confirmed_uids(text):
    """The UIDs of the feed's events that are not cancelled, read from the unfolded text."""
    unfolded = text.replace("\r\n ", "").replace("\r\n\t", "")
    uids, uid, cancelled, inside = set(), None, False, False
    for line in unfolded.split("\r\n"):
        if line == "BEGIN:VEVENT":
            inside, uid, cancelled = True, None, False
        elif line == "END:VEVENT":
            inside = False
            if uid is not None and not cancelled:
                uids.add(uid.split("@")[0])
        elif inside and line.startswith("UID:"):
            uid = line[4:]
        elif inside and line == "STATUS:CANCELLED":
            cancelled = True
    return uids


def with_khal(path):
    """khal's own reading of the file: `khal printics` lists each event's UTC start and end."""
    khal = shutil.which("khal")
    if khal is None:
        return None
    with tempfile.TemporaryDirectory() as home:
        os.makedirs(os.path.join(home, "cal"))
        config = os.path.join(home, "config")
        with open(config, "w", encoding="utf-8") as f:
            f.write(f"[calendars]\n[[c]]\npath = {home}/cal\n[locale]\nlocal_timezone = UTC\ndefault_timezone = UTC\n"
                    "timeformat = %H:%M\ndateformat = %Y-%m-%d\nlongdateformat = %Y-%m-%d\n"
                    "datetimeformat = %Y-%m-%dT%H:%M\nlongdatetimeformat = %Y-%m-%dT%H:%M\n")
        run = subprocess.run([khal, "-c", config, "printics", "--format",
                              "{uid}|{start-date-long}|{start-time}|{end-date-long}|{end-time}|{status}", path],
                             capture_output=True, text=True, check=False)
    if run.returncode != 0:
        raise ValueError(f"khal failed: {run.stderr.strip()}")
    out = {}
    for line in run.stdout.splitlines():
        parts = line.split("|")
        if len(parts) != 6 or "@" not in parts[0]:
            continue
        uid, sd, st, ed, et, status = parts
        if "CANCELLED" in status.upper():
            continue
        if st:
            out[uid.split("@")[0]] = (f"{sd}T{st}:00Z", f"{ed}T{et}:00Z")
        else:
            # khal shows an all-day event's last day; iCalendar's end is the day after.
            end = dt.date.fromisoformat(ed) + dt.timedelta(days=1)
            out[uid.split("@")[0]] = (sd, end.isoformat())
    return out


def main():
    release = sys.argv[1]
    want = expected(release)
    failures = 0
    for folder in ("feeds", "private"):
        directory = os.path.join(release, folder)
        for name in sorted(os.listdir(directory)):
            if not name.endswith(".ics"):
                continue
            path = os.path.join(directory, name)
            with open(path, encoding="utf-8", newline="") as f:
                text = f.read()
            failures_before = failures
            readers = {}
            for reader, read in (("icalendar", with_icalendar), ("ical", with_ical), ("ics", with_ics),
                                 ("vobject", with_vobject), ("khal", lambda _: with_khal(path))):
                try:
                    events = read(text)
                except Exception as error:  # a reader that refuses the feed is the failure we look for
                    failures += 1
                    print(f"{folder}/{name}: {reader} refuses the feed: {type(error).__name__}: {error}")
                    continue
                if events is not None:
                    readers[reader] = events
            present = confirmed_uids(text)
            for reader, events in readers.items():
                if set(events) != present:
                    failures += 1
                    print(f"{folder}/{name}: {reader} finds {len(events)} events, the feed has {len(present)}: "
                          f"missing {sorted(present - set(events))}, extra {sorted(set(events) - present)}")
                for uid, times in events.items():
                    if want.get(uid) != times:
                        failures += 1
                        print(f"{folder}/{name}: {reader} reads {uid} as {times}, schedule.json says {want.get(uid)}")
            counts = ", ".join(f"{reader} {len(events)}" for reader, events in readers.items())
            print(f"{folder}/{name}: {counts} events {'agree' if failures == failures_before else 'read'}")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
