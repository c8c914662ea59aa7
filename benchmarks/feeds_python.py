"""Python icalendar writing and parsing the feed convene-bench wrote, for the ratio in `make bench`.

Usage: feeds_python.py FEED.ics CONVENE_WRITE_SECONDS CONVENE_PARSE_SECONDS
"""
import statistics
import sys
import time

import icalendar


def median_seconds(body, runs=3):
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        body()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main():
    path, convene_write, convene_parse = sys.argv[1], float(sys.argv[2]), float(sys.argv[3])
    with open(path, "rb") as f:
        data = f.read()
    calendar = icalendar.Calendar.from_ical(data)
    parse = median_seconds(lambda: icalendar.Calendar.from_ical(data))
    write = median_seconds(lambda: calendar.to_ical())
    events = len(list(calendar.walk("VEVENT")))
    print(f"feeds: python icalendar {icalendar.__version__} on the same feed ({events} events): "
          f"write {write:.3f} s, parse {parse:.3f} s")
    print(f"feeds: convene is {write / convene_write:.1f}x faster writing and {parse / convene_parse:.1f}x faster parsing")


if __name__ == "__main__":
    main()
