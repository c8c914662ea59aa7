import ICal

// Exercises every path of the libical wrapper, for the valgrind test (Tests/ConveneTests/MemoryTests):
// building and writing feeds with trimmed zones, parsing them back, reading recurring events,
// and failing on malformed input. It is small so valgrind runs it quickly; the convene binary
// links SwiftNIO, which valgrind 3.19 cannot run.

let zones = ["Asia/Seoul", "America/New_York", "Europe/London", "Asia/Kolkata", "Pacific/Apia"]
var events: [ICalEvent] = []
for i in 0..<50 {
    let zone = zones[i % zones.count]
    events.append(
        ICalEvent(
            uid: "e\(i)@memcheck", sequence: i % 3, lastChanged: 1_609_459_200 + i,
            start: i % 4 == 0
                ? .date(year: 2021, month: 3, day: 1 + i % 28)
                : .local(year: 2021, month: 3, day: 1 + i % 28, hour: 9, minute: 0, tzid: zone),
            end: i % 4 == 0
                ? .date(year: 2021, month: 3, day: 2 + i % 28)
                : .local(year: 2021, month: 3, day: 1 + i % 28, hour: 10, minute: 30, tzid: zone),
            summary: "Event \(i); with, escapes — and ünïcödé 회의", description: "Line one\nLine two",
            location: "Seoul",
            categories: ["SESSION"], status: i % 10 == 0 ? .cancelled : .confirmed))
}
let feed = ICalFeed(
    productId: "-//Convene//memcheck//EN", name: "Memcheck", description: "d", refreshMinutes: 60, color: "teal",
    url: "https://example.org/f.ics", source: nil, organizerName: "M", organizerEmail: "m@example.org",
    years: 2021...2022, events: events)
var total = 0
for _ in 0..<3 {
    let text = try ICalWriter.render(feed)
    let calendar = try ICalComponent(parsing: text)
    total += calendar.count(of: "VEVENT") + calendar.serialized.utf8.count
    total += try ICalReader.occurrences(in: text, from: 1_609_459_200, until: 1_640_995_200).count
}
let recurring =
    "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//t//EN\r\n"
    + "BEGIN:VEVENT\r\nUID:r\r\nDTSTART;TZID=Europe/Paris:20210104T100000\r\n"
    + "DTEND;TZID=Europe/Paris:20210104T110000\r\n"
    + "RRULE:FREQ=WEEKLY;COUNT=30\r\nSUMMARY:Call\r\nEND:VEVENT\r\n"
    + "BEGIN:VEVENT\r\nUID:d\r\nDTSTART;VALUE=DATE:20191225\r\nRRULE:FREQ=YEARLY\r\nSUMMARY:Christmas\r\nEND:VEVENT\r\n"
    + "END:VCALENDAR\r\n"
total += try ICalReader.occurrences(in: recurring, from: 1_609_459_200, until: 1_640_995_200).count
// The importer's other paths: folded lines, a vendor's warning, two calendars, a rule jumped to
// the horizon, one that never matches, and one that runs out of its (small) budget.
let shapes =
    "BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"
    + "BEGIN:VEVENT\r\nUID:f\r\nDTSTART;TZID=/mozilla.org/x/Europe/Paris:20010104T100000\r\n"
    + "RRULE:FREQ=WEEKLY;\r\n BYDAY=MO,TH\r\nX-APPLE-RADIUS=49.9\r\nEND:VEVENT\r\n"
    + "BEGIN:VEVENT\r\nUID:n\r\nDTSTART;VALUE=DATE:20210105\r\n"
    + "RRULE:FREQ=MONTHLY;BYMONTH=4;BYMONTHDAY=31\r\nLINK;VALUE=URI:https://example.org\r\nEND:VEVENT\r\n"
    + "END:VCALENDAR\r\n"
    + "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:s\r\nSUMMARY:No start\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
let read = try ICalReader.read(shapes, from: 1_609_459_200, until: 1_640_995_200)
total += read.occurrences.count + read.warnings.count
let endless =
    "BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"
    + "BEGIN:VEVENT\r\nUID:e\r\nDTSTART:19000101T000000Z\r\nRRULE:FREQ=SECONDLY\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
do { _ = try ICalReader.read(endless, from: 1_609_459_200, until: 1_640_995_200, expansionLimit: 1_000) } catch {
    total += error.line
}
for broken in [
    "", "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nEND:VCALENDAR\r\n",
    "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:x\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n",
    "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nDTSTART:garbage\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n",
] {
    do { _ = try ICalReader.occurrences(in: broken, from: 0, until: 2_000_000_000) } catch { total += error.line }
    do { _ = try ICalComponent(parsing: broken) } catch { total += 1 }
}
print("memcheck: \(total)")
