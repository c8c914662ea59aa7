#!/usr/bin/env python3
"""Writes the fuzzers' seed corpus: fuzz/corpus/plan and fuzz/corpus/ics (see docs/fuzzing.md).

The seeds are the shipped calendars (each plan with its includes packed into one input), the
plan and calendar snippets the tests use, and small hostile files. Run from the repository's
root; the folders are rewritten from scratch, so the output is the same on every run.
"""
import hashlib
import pathlib
import re
import shutil

ROOT = pathlib.Path(__file__).resolve().parent.parent
PLAN_DIR = ROOT / "fuzz/corpus/plan"
ICS_DIR = ROOT / "fuzz/corpus/ics"
SEPARATOR = b"\n#8<\n"  # PlanFuzzInput: the line that starts the next file, inc1.yaml, inc2.yaml, ...

HEADER = "calendar:\n  id: test-2021\n  name: Test 2021\n  zone: America/New_York\n  horizon: 2021\n\n"
PLAN_KEYS = re.compile(r"^(calendar|include|events|fixed|people|places|audiences|blackouts|summit|rooms|tracks)\s*:", re.M)


def pack(root: pathlib.Path) -> bytes:
    """A plan and the files it includes as one fuzzer input, the includes renamed incN.yaml."""
    text = root.read_text()
    includes = re.findall(r"^\s*-\s*(\S+\.yaml)", text.split("include:", 1)[1], re.M) if "include:" in text else []
    parts = []
    for n, name in enumerate(includes, start=1):
        text = text.replace(name, f"inc{n}.yaml", 1)
        parts.append((root.parent / name).read_bytes())
    data = text.encode()
    for part in parts:
        data = data.rstrip(b"\n") + SEPARATOR + part
    return data


def swift_literals(source: str):
    """The string literals of a Swift file without interpolation, unescaped."""
    i = 0
    while i < len(source):
        if source.startswith('"""', i):
            end = source.find('"""', i + 3)
            if end < 0:
                return
            body = source[i + 3:end]
            i = end + 3
            lines = body.split("\n")[1:]
            indent = len(lines[-1]) if lines and not lines[-1].strip() else 0
            text = "\n".join(line[indent:] for line in lines[:-1]) + "\n"
            if "\\(" not in text:
                yield text.replace("\\r", "\r").replace("\\n", "\n").replace("\\\"", '"')
        elif source[i] == '"':
            j, out, interpolated = i + 1, [], False
            while j < len(source) and source[j] != '"':
                if source[j] == "\n":
                    break
                if source[j] == "\\":
                    nxt = source[j + 1]
                    if nxt == "(":
                        interpolated = True
                    elif nxt == "u":
                        close = source.index("}", j)
                        out.append(chr(int(source[j + 3:close], 16)))
                        j = close + 1
                        continue
                    out.append({"n": "\n", "r": "\r", "t": "\t", "0": "\0"}.get(nxt, nxt))
                    j += 2
                    continue
                out.append(source[j])
                j += 1
            if not interpolated:
                yield "".join(out)
            i = j + 1
        else:
            i += 1


def test_snippets():
    """Plans and calendars written in the tests, by name: test-FILE-N."""
    plans, calendars = {}, {}
    for path in sorted((ROOT / "Tests").glob("*/*.swift")):
        # The findings' own inputs would make every run report them again until they are fixed.
        if path.stem.endswith("FuzzFindingsTests"):
            continue
        for n, literal in enumerate(swift_literals(path.read_text())):
            name = f"test-{path.stem}-{n:03}"
            if "BEGIN:V" in literal:
                if "BEGIN:VCALENDAR" not in literal:
                    literal = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//t//EN\r\n" + literal + "END:VCALENDAR\r\n"
                calendars[name + ".ics"] = literal.encode()
            elif PLAN_KEYS.search(literal) and "\n" in literal:
                plans[name + ".yaml"] = (literal if "calendar:" in literal else HEADER + literal).encode()
    return plans, calendars


def hostile_plans():
    laughs = ["x0: &a0 [x, x, x, x, x, x, x, x, x]"] + [
        f"x{n}: &a{n} [" + ", ".join([f"*a{n - 1}"] * 9) + "]" for n in range(1, 10)]
    laughs = "\n".join(laughs) + "\n"
    nested = "".join("  " * n + "a:\n" for n in range(100)) + "  " * 100 + "b\n"
    events = "".join(f"  - {{id: e{n}, title: E{n}, duration: 1d, window: 2021, after: [e{(n + 1) % 300}]}}\n" for n in range(300))
    return {
        "deep-flow-sequence": HEADER + "events: " + "[" * 5000 + "]" * 5000 + "\n",
        "deep-flow-mapping": HEADER + "events: " + "{a: " * 2000 + "b" + "}" * 2000 + "\n",
        "deep-block-mapping": HEADER + "events:\n  - " + nested,
        "billion-laughs": HEADER + laughs,
        "alias-key": HEADER + laughs + "y: { *a9 : 1 }\n",
        "merge-keys": HEADER + "base: &b {title: T, duration: 1d, window: 2021-05}\nevents:\n  - <<: *b\n    id: a\n  - {<<: [*b, *b], id: b}\n",
        "huge-numbers": (
            "calendar: {id: t, name: T, zone: UTC, horizon: 0001-01..9999-12, granularity: 1m, max-events-per-week: 9223372036854775808}\n"
            "events:\n  - {id: a, title: A, duration: 99999999999999999999999d, window: 2021-05, weight: 1e309}\n"
            "  - {id: b, title: B, duration: 2147483648h, window: 2021, after: [{event: a, min-gap: -9223372036854775809d}]}\n"
            "rooms:\n  - {id: r, name: R, capacity: 1e400}\n"),
        "ten-year-horizon": "calendar: {id: t, name: T, zone: Pacific/Kiritimati, horizon: 2021-01-01..2030-12-31, granularity: 1m}\n"
            "events:\n  - {id: a, title: A, duration: 1m, window: 2021-01-01..2030-12-31, pinned: 2030-12-31T23:59}\n",
        "dependency-ring": HEADER + "events:\n" + events,
        "bad-dates": HEADER + "events:\n  - {id: a, title: A, duration: 1d, window: 2021-02-29}\n  - {id: b, title: B, duration: 0d, window: 0000-00-00}\n"
            "  - {id: c, title: C, duration: 25h, window: 2021-Q5, pinned: 2021-13-45T24:61}\n"
            "  - {id: d, title: D, duration: 1h, window: 2021-W99, local-hours: [{between: 25:00-24:00, zones: [UTC]}]}\n",
        "bad-zones": HEADER + "people:\n  - {id: a, name: A, zone: ../../etc/passwd}\n  - {id: b, name: B, zone: ''}\n  - {id: c, name: C, zone: UTC+99}\n",
        "tags": HEADER + "events: !!set {a, b}\nfixed: !!binary aGVsbG8=\npeople: !custom [x]\nplaces: !!timestamp 2021-05-01\n? [complex, key]\n: value\n",
        "multi-document": HEADER + "---\nevents: []\n...\n---\npeople: []\n",
        "long-title": HEADER + "events:\n  - {id: a, title: " + "x" * 10000 + ", duration: 1d, window: 2021}\n",
        "unicode-breaks": HEADER.replace("\n", "\u2028") + "events:\u0085  - {id: é\u0301, title: \u202eA, duration: 1d, window: 2021}\n",
        "crlf-bom": "\ufeff" + HEADER.replace("\n", "\r\n") + "events:\r\n  - {id: a, title: A, duration: 1d, window: 2021-05}\r\n",
        "include-self": HEADER + "include: [plan.yaml, ./plan.yaml, inc1.yaml]\n#8<\ninclude: [inc1.yaml, ../inc1.yaml, /etc/passwd, '']\n",
        "include-chain": HEADER + "include: [inc1.yaml]\n#8<\ninclude: [inc2.yaml]\nevents:\n  - {id: a, title: A, duration: 1d, window: 2021-05}\n"
            "#8<\ninclude: [inc1.yaml]\nevents:\n  - {id: a, title: B, duration: 1d, window: 2021-06, after: [a]}\n",
        "include-calendar": HEADER + "include: [inc1.yaml, inc2.yaml]\n#8<\n" + HEADER + "#8<\n# only a comment\n",
        "blackout-ics": HEADER + "blackouts:\n  - {id: h, ics: inc1.yaml}\n  - {id: i, ics: missing.ics, dates: [2021-05-01], weekends: true}\n#8<\nBEGIN:VCALENDAR\n",
    }


def hostile_plan_bytes():
    return {
        "utf8-overlong": HEADER.encode() + b"events:\n  - id: \xc0\xaf\n",
        "utf8-surrogate": HEADER.encode() + b"events:\n  - id: \xed\xa0\x80\n",
        "utf8-truncated": HEADER.encode() + b"events:\n  - id: caf\xc3",
        "utf8-ff": b"\xff\xfe" + HEADER.encode(),
        "nul-bytes": HEADER.encode() + b"events:\n  - {id: a\x00b, title: A, duration: 1d, window: 2021}\n",
    }


def ics(body: str) -> str:
    return "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//t//EN\r\n" + body + "END:VCALENDAR\r\n"


def event(*lines: str) -> str:
    return "BEGIN:VEVENT\r\nUID:u\r\n" + "".join(line + "\r\n" for line in lines) + "END:VEVENT\r\n"


def hostile_calendars():
    zone = ("BEGIN:VTIMEZONE\r\nTZID:Odd/Zone\r\nBEGIN:STANDARD\r\nDTSTART:19701025T030000\r\nRRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=10\r\n"
            "TZOFFSETFROM:+9959\r\nTZOFFSETTO:-9959\r\nEND:STANDARD\r\nEND:VTIMEZONE\r\n")
    return {
        "endless-secondly": ics(event("DTSTART:20210101T000000Z", "RRULE:FREQ=SECONDLY", "SUMMARY:Every second")),
        "endless-minutely-many-events": ics("".join(event("DTSTART:20210101T000000Z", f"RRULE:FREQ=MINUTELY;INTERVAL={n}") for n in range(1, 6))),
        "impossible-rule": ics(event("DTSTART;VALUE=DATE:20210101", "RRULE:FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30")),
        "impossible-weekno": ics(event("DTSTART:20210101T000000Z", "RRULE:FREQ=YEARLY;BYWEEKNO=53;BYDAY=MO;BYMONTH=1;BYMONTHDAY=31")),
        "huge-count": ics(event("DTSTART:20210101T000000Z", "RRULE:FREQ=DAILY;COUNT=2147483647;INTERVAL=0")),
        "negative-interval": ics(event("DTSTART:20210101T000000Z", "RRULE:FREQ=WEEKLY;INTERVAL=-1;UNTIL=99991231T235959Z")),
        "bysetpos": ics(event("DTSTART:20210101T000000Z", "RRULE:FREQ=MONTHLY;BYSETPOS=-366;BYYEARDAY=-366;BYDAY=-53MO;WKST=XX")),
        "far-years": ics(event("DTSTART:99991231T235959Z", "DTEND:00000101T000000Z") + event("DTSTART;VALUE=DATE:00010101", "RRULE:FREQ=YEARLY")),
        "reversed-and-durations": ics(event("DTSTART:20210105T000000Z", "DTEND:20210101T000000Z") + event("DTSTART:20210101T000000Z", "DURATION:P999999W")
                                      + event("DTSTART;VALUE=DATE:20210101", "DURATION:-P1D") + event("DTSTART;VALUE=DATE:20210101", "DTEND:20210102T120000Z")),
        "rdates-exdates": ics(event("DTSTART:20210101T090000Z", "RRULE:FREQ=DAILY", "RDATE:" + ",".join(f"2021{m:02}{d:02}T090000Z" for m in range(1, 13) for d in range(1, 29)),
                                    "EXDATE:20210102T090000Z", "EXRULE:FREQ=WEEKLY")),
        "unknown-tzid": ics(event("DTSTART;TZID=../../etc/passwd:20210101T090000", "DTEND;TZID=Not/AZone:20210101T100000", "RRULE:FREQ=HOURLY;COUNT=50")),
        "odd-vtimezone": ics(zone + event("DTSTART;TZID=Odd/Zone:20210301T090000", "RRULE:FREQ=DAILY;COUNT=400")),
        "deep-nesting": ics("BEGIN:X\r\n" * 1000 + "END:X\r\n" * 1000),
        "many-events": ics("".join(event(f"DTSTART;VALUE=DATE:2021{1 + n % 12:02}{1 + n % 28:02}", f"SUMMARY:E{n}") for n in range(400))),
        "folded-long-line": ics(event("DTSTART:20210101T000000Z", "SUMMARY:" + "\r\n ".join(["x" * 70] * 300))),
        "mixed-breaks": "BEGIN:VCALENDAR\rVERSION:2.0\nBEGIN:VEVENT\r\nDTSTART:20210101T000000Z\n\rEND:VEVENT\rEND:VCALENDAR",
        "lowercase": ics(event("dtstart;value=date:20210101", "rrule:freq=monthly;count=3")).lower(),
        "nul-inside": ics(event("DTSTART:20210101T000000Z", "SUMMARY:a\0b")) + event("DTSTART:20210101T000000Z"),
        "quoted-colon-param": ics(event('DTSTART;TZID="a:b":20210101T090000', 'X-Y;P="x;y:z":value')),
        "no-calendar": event("DTSTART:20210101T000000Z"),
        "end-without-begin": "END:VEVENT\r\n" + ics(""),
    }


def write(folder: pathlib.Path, seeds: dict):
    seen = set()
    for name, data in seeds.items():
        digest = hashlib.sha1(data).digest()
        if digest in seen:
            continue
        seen.add(digest)
        (folder / name).write_bytes(data)


def main():
    for folder in (PLAN_DIR, ICS_DIR):
        shutil.rmtree(folder, ignore_errors=True)
        folder.mkdir(parents=True)
    plans, calendars = test_snippets()
    plan_seeds = {}
    for path in sorted((ROOT / "calendars").glob("*.yaml")):
        plan_seeds[f"calendar-{path.stem}.yaml"] = pack(path)
    for path in sorted((ROOT / "calendars").glob("*/*.yaml")):
        plan_seeds[f"calendar-{path.parent.name}-{path.stem}.yaml"] = path.read_bytes()
    plan_seeds.update(plans)
    plan_seeds.update({f"hostile-{k}.yaml": v.encode() for k, v in hostile_plans().items()})
    plan_seeds.update({f"hostile-{k}.yaml": v for k, v in hostile_plan_bytes().items()})
    write(PLAN_DIR, plan_seeds)
    ics_seeds = dict(calendars)
    ics_seeds.update({f"hostile-{k}.ics": v.encode() for k, v in hostile_calendars().items()})
    write(ICS_DIR, ics_seeds)


if __name__ == "__main__":
    main()
