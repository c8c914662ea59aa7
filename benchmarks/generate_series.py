#!/usr/bin/env python3
"""A synthetic year with recurring structure, for the series benchmark (benchmarks/series.sh):
S call series of 10 two-hour occurrences each (one a month from March, the zones of three
regions taking turns with `rotate:`) and E other all-day events.

    python3 benchmarks/generate_series.py S E [SEED] > plan.yaml
"""
import random
import sys

ZONES = [
    ["America/New_York", "Europe/London", "Asia/Seoul"],
    ["America/Bogota", "Africa/Nairobi", "Asia/Jakarta"],
    ["America/Mexico_City", "Europe/Berlin", "Australia/Sydney"],
    ["America/Sao_Paulo", "Africa/Lagos", "Asia/Manila"],
]


def main():
    series, others = int(sys.argv[1]), int(sys.argv[2])
    rng = random.Random(int(sys.argv[3]) if len(sys.argv) > 3 else 1)
    out = ["# Synthetic year written by benchmarks/generate_series.py",
           "calendar:", f"  id: series-{series}-{others}", f"  name: {series} series and {others} events",
           "  zone: Europe/London", "  horizon: 2021", "  granularity: 30m", "", "events:"]
    for s in range(series):
        zones = ZONES[s % len(ZONES)]
        out += [f"  - id: call-{s:02d}", f"    title: Call {s:02d} ({{n}})", "    duration: 2h",
                "    window: 2021-03..2021-12",
                f"    repeat: {{count: 10, every: monthly, rotate: [{', '.join(zones)}]}}"]
    for e in range(others):
        month = rng.randrange(1, 13)
        out += [f"  - id: event-{e:03d}", f"    title: Event {e:03d}", f"    duration: {rng.choice([1, 1, 2, 3])}d",
                f"    window: 2021-{month:02d}", f"    prefer: {rng.choice(['early', 'late'])}"]
    out.append("")
    sys.stdout.write("\n".join(out))


if __name__ == "__main__":
    main()
