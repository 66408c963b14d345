"""Parse pasted or uploaded indicator data: one ``date,value[,note]`` row a line.

Every bad line is reported by its number so the user can fix the file; nothing is imported
until every line is good."""

import csv
import datetime
import io
import math

DATE_FORMATS = ("%Y-%m-%d", "%d/%m/%Y", "%d-%m-%Y", "%d %b %Y", "%d %B %Y")
DATE_FORMAT_HELP = "2012-03-31, 31/03/2012, 31-03-2012, 31 Mar 2012 or 31 March 2012"


def parse_date(text: str) -> datetime.date | None:
    for fmt in DATE_FORMATS:
        try:
            return datetime.datetime.strptime(text.strip(), fmt).date()
        except ValueError:
            continue
    return None


def parse_value(text: str) -> float | None:
    try:
        value = float(text.strip().rstrip("%").strip())
    except ValueError:
        return None
    return value if math.isfinite(value) else None


def parse_rows(text: str, existing_dates=frozenset()):
    """Return (rows, errors): rows are (date, value, note); errors are "Line n: ..." strings.
    A first line starting with "date" is a header and skipped; blank lines are ignored."""
    rows, errors, seen = [], [], {}
    for number, fields in enumerate(csv.reader(io.StringIO(text.strip("\ufeff"))), start=1):
        if not fields or all(not f.strip() for f in fields):
            continue
        if number == 1 and fields[0].strip().lower() == "date":
            continue
        if len(fields) < 2 or len(fields) > 3:
            errors.append(
                f"Line {number}: expected date,value or date,value,note, "
                f"found {len(fields)} field{'s' if len(fields) != 1 else ''}."
            )
            continue
        date, value = parse_date(fields[0]), parse_value(fields[1])
        note = fields[2].strip() if len(fields) == 3 else ""
        problems = []
        if date is None:
            problems.append(f"“{fields[0].strip()}” is not a date ({DATE_FORMAT_HELP})")
        if value is None:
            problems.append(f"“{fields[1].strip()}” is not a number")
        if len(note) > 300:
            problems.append("the note is longer than 300 characters")
        if date is not None and date in existing_dates:
            problems.append(f"{date:%-d %B %Y} already has a value")
        if date is not None and date in seen:
            problems.append(f"{date:%-d %B %Y} is also on line {seen[date]}")
        if problems:
            errors.append(f"Line {number}: " + "; ".join(problems) + ".")
            continue
        seen[date] = number
        rows.append((date, value, note))
    if not rows and not errors:
        errors.append("No data found: paste or upload at least one date,value line.")
    return rows, errors
