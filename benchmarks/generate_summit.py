"""A synthetic summit for `make bench`: SESSIONS sessions, ROOMS rooms and channels, SPEAKERS
speakers over 4 days, deterministic for the seed.

Usage: generate_summit.py SESSIONS ROOMS SPEAKERS SEED > summit.yaml

Sessions last 45–90 minutes, belong to one of SESSIONS/20 tracks (a track never runs in
parallel), need a room for 40–800 people, have 2–4 speakers (each speaker in at most a few
sessions, 15 minutes' pause), and a third target a region whose working hours must hold them.
"""
import random
import sys

ZONES = ["Asia/Seoul", "Asia/Tokyo", "Asia/Kolkata", "Asia/Jakarta", "Australia/Sydney", "Europe/London", "Europe/Paris",
         "Europe/Berlin", "Africa/Lagos", "Africa/Nairobi", "America/New_York", "America/Bogota", "America/Sao_Paulo",
         "America/Mexico_City", "Pacific/Auckland"]
REGIONS = {
    "asia": ["Asia/Seoul", "Asia/Tokyo", "Asia/Jakarta"],
    "europe": ["Europe/London", "Europe/Paris", "Europe/Berlin"],
    "africa": ["Africa/Lagos", "Africa/Nairobi"],
}


def main():
    sessions, rooms, speakers, seed = (int(x) for x in sys.argv[1:5])
    rng = random.Random(seed)
    tracks = max(4, sessions // 20)
    out = ["calendar: {id: synthetic-summit, name: Synthetic summit, zone: Asia/Seoul, horizon: 2021-12, granularity: 15m}",
           "summit: {days: 2021-12-13..2021-12-16, hours: 07:00-23:00, breaks: [12:30-13:00], min-pause: 15m}", "rooms:"]
    for r in range(rooms):
        virtual = r % 3 == 2
        capacity = rng.choice([3000, 1500, 800]) if virtual else rng.choice([1000, 400, 250, 150, 80])
        out.append(f"  - {{id: room-{r}, name: Room {r}, capacity: {capacity}{', mode: virtual' if virtual else ''}}}")
    out.append("tracks:")
    for t in range(tracks):
        out.append(f"  - {{id: track-{t}, name: Track {t}}}")
    out.append("people:")
    for p in range(speakers):
        out.append(f"  - {{id: p{p}, name: Speaker {p}, zone: {rng.choice(ZONES)}}}")
    out.append("audiences:")
    for region, zones in REGIONS.items():
        out.append(f"  - {{id: {region}, name: {region.title()}, zones: [{', '.join(zones)}]}}")
    out.append("events:")
    load = [0] * speakers
    for s in range(sessions):
        duration = rng.choice([45, 60, 60, 75, 90])
        chosen = []
        while len(chosen) < rng.randint(2, 4):
            p = rng.randrange(speakers)
            if p not in chosen and load[p] < 4:
                chosen.append(p)
                load[p] += 1
            elif all(x >= 4 for x in load):
                break
        lines = [f"  - id: s{s}", f"    title: Session {s}", f"    duration: {duration}m", "    window: 2021-12-13..2021-12-16",
                 f"    track: track-{s % tracks}", f"    attendance: {rng.choice([40, 60, 120, 200, 350, 700])}",
                 f"    speakers: [{', '.join(f'p{p}' for p in chosen)}]", "    prefer: early"]
        if s % 3 == 0:
            region = rng.choice(list(REGIONS))
            lines += [f"    audiences: [{region}]", "    local-hours:", f"      - {{between: 07:00-22:00, audiences: [{region}]}}"]
        out += lines
    print("\n".join(out))


if __name__ == "__main__":
    main()
