"""Reads iMIP messages (RFC 6047) with Python's email and icalendar packages and checks their
shape; prints one line per message for the notify tests to compare:

    NAME: METHOD UID SEQUENCE to=ADDRESS partstat=... status=... subject=SUBJECT
    NAME: text: first lines of the text part, joined with " | "

    check_imip.py [--calendars DIR] FILE_OR_FOLDER...

With --calendars, each message's calendar part is also written to DIR/NAME.ics (for khal).

Exits 1, saying why, when a message is not a proper iMIP message: CRLF line ends, lines of at
most 998 octets, Date, Message-ID, From, To and Subject, multipart/alternative with a text/plain
part and a text/calendar part whose method parameter is the calendar's METHOD, one VEVENT whose
ORGANIZER is the sender and whose ATTENDEE is the recipient.
"""

import email
import email.policy
import os
import sys

import icalendar


def fail(name, why):
    print("%s: %s" % (name, why))
    sys.exit(1)


def check(path, calendars=None):
    name = os.path.basename(path)
    raw = open(path, "rb").read()
    if b"\n" in raw.replace(b"\r\n", b""):
        fail(name, "a line ends in a bare LF")
    if any(len(line) > 998 for line in raw.split(b"\r\n")):
        fail(name, "a line is over 998 octets")
    message = email.message_from_bytes(raw, policy=email.policy.default)
    for header in ["Date", "Message-ID", "From", "To", "Subject"]:
        if message[header] is None:
            fail(name, "no %s header" % header)
    if message.get_content_type() != "multipart/alternative":
        fail(name, "not multipart/alternative but %s" % message.get_content_type())
    parts = {part.get_content_type(): part for part in message.iter_parts()}
    if set(parts) != {"text/plain", "text/calendar"}:
        fail(name, "parts %s" % sorted(parts))
    text = parts["text/plain"].get_content()
    calendar_part = parts["text/calendar"]
    calendar = icalendar.Calendar.from_ical(calendar_part.get_content())
    method = str(calendar.get("METHOD"))
    if calendar_part.get_param("method") != method:
        fail(name, "the part's method %s is not the calendar's %s" % (calendar_part.get_param("method"), method))
    if calendar_part.get_content_charset() != "utf-8":
        fail(name, "the calendar part's charset is %s" % calendar_part.get_content_charset())
    events = [c for c in calendar.walk() if c.name == "VEVENT"]
    if len(events) != 1:
        fail(name, "%d VEVENTs" % len(events))
    event = events[0]
    to = message["To"].addresses[0].addr_spec
    sender = message["From"].addresses[0].addr_spec
    organizer = str(event.get("ORGANIZER"))
    if organizer.lower() != "mailto:" + sender.lower():
        fail(name, "ORGANIZER %s is not the sender %s" % (organizer, sender))
    attendee = event.get("ATTENDEE")
    if attendee is None or isinstance(attendee, list):
        fail(name, "not exactly one ATTENDEE")
    if str(attendee).lower() != "mailto:" + to.lower():
        fail(name, "ATTENDEE %s is not the recipient %s" % (attendee, to))
    partstat = attendee.params.get("PARTSTAT", "-")
    if method == "REQUEST" and (partstat != "NEEDS-ACTION" or attendee.params.get("RSVP") != "TRUE"):
        fail(name, "a REQUEST without PARTSTAT=NEEDS-ACTION;RSVP=TRUE")
    status = str(event.get("STATUS"))
    if method == "CANCEL" and status != "CANCELLED":
        fail(name, "a CANCEL whose event is %s" % status)
    event.decoded("DTSTART")
    if calendars:
        with open(os.path.join(calendars, name[:-4] + ".ics"), "w") as f:
            f.write(calendar_part.get_content())
    print("%s: %s %s %s to=%s partstat=%s status=%s subject=%s" % (
        name, method, event.get("UID"), event.get("SEQUENCE"), to, partstat, status, message["Subject"]))
    print("%s: text: %s" % (name, " | ".join(line.strip() for line in text.splitlines() if line.strip())))


def main():
    paths, args, calendars = [], sys.argv[1:], None
    if args[:1] == ["--calendars"]:
        calendars, args = args[1], args[2:]
        os.makedirs(calendars, exist_ok=True)
    for arg in args:
        if os.path.isdir(arg):
            paths += [os.path.join(arg, f) for f in sorted(os.listdir(arg)) if f.endswith(".eml")]
        else:
            paths.append(arg)
    for path in paths:
        check(path, calendars)
    print("%d messages" % len(paths))


if __name__ == "__main__":
    main()
