#!/usr/bin/env python3
"""Reads every .ics file in a folder with Python's icalendar package and prints how long it
took, for comparison with Confab's own reader (`cargo bench -p confab-mail --bench messages`
runs this script on the same files).

For each calendar it reads what Confab's `parse_itip` reads: METHOD, and of the first VEVENT
the UID, SEQUENCE, ORGANIZER, every ATTENDEE with its CN and PARTSTAT, DTSTART and DTEND as
UTC instants, and COMMENT. The files are read into memory before the clock starts, so only
parsing is timed.

Usage: bench-python-icalendar.py FOLDER [RUNS]
Prints one line per run, then: RESULT files=N runs=R median_ms=M
"""

import pathlib
import statistics
import sys
import time
from datetime import date, datetime, timezone

import icalendar


def address(value):
    text = str(value).strip()
    if text.lower().startswith("mailto:"):
        text = text[7:]
    return text.lower()


def instant(prop):
    if prop is None:
        return None
    value = prop.dt
    if isinstance(value, datetime):
        # Floating times stay local, as parse_itip leaves them for the caller.
        return value.astimezone(timezone.utc) if value.tzinfo else value
    if isinstance(value, date):
        return value
    return None


def read(text):
    calendar = icalendar.Calendar.from_ical(text)
    event = next(iter(calendar.walk("VEVENT")), None)
    if event is None:
        raise ValueError("no VEVENT")
    attendees = event.get("ATTENDEE", [])
    if not isinstance(attendees, list):
        attendees = [attendees]
    return (
        str(calendar.get("METHOD", "")).upper(),
        str(event["UID"]),
        int(event.get("SEQUENCE", 0)),
        address(event["ORGANIZER"]) if "ORGANIZER" in event else None,
        [
            (address(a), a.params.get("CN"), a.params.get("PARTSTAT", "NEEDS-ACTION"))
            for a in attendees
        ],
        instant(event.get("DTSTART")),
        instant(event.get("DTEND")),
        str(event["COMMENT"]) if "COMMENT" in event else None,
    )


def main():
    if len(sys.argv) < 2:
        print(__doc__, file=sys.stderr)
        return 2
    folder = pathlib.Path(sys.argv[1])
    runs = int(sys.argv[2]) if len(sys.argv) > 2 else 5
    texts = [path.read_bytes() for path in sorted(folder.glob("*.ics"))]
    if not texts:
        print(f"no .ics files in {folder}", file=sys.stderr)
        return 1
    timings = []
    for run in range(1, runs + 1):
        start = time.perf_counter()
        for text in texts:
            read(text)
        elapsed = (time.perf_counter() - start) * 1000
        timings.append(elapsed)
        print(f"python icalendar {icalendar.__version__}: run {run}: {len(texts)} files in {elapsed:.1f} ms")
    print(f"RESULT files={len(texts)} runs={runs} median_ms={statistics.median(timings):.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
