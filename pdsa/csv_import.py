"""Parse pasted or uploaded indicator data: one ``date,value[,note]`` row a line.

Every bad line is reported by its number so the user can fix the file; nothing is imported
until every line is good."""

import csv
import datetime
import io
import math

# No line of date,value,note needs more: a note is at most 300 characters. A longer line or
# field is refused with its line number instead of being parsed (the csv module's own limit,
# 131,072 characters a field, raised an error that ended the request).
LINE_LIMIT = 1_000

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


def _records(text: str):
    """(line number, fields) per CSV record, then (line number, None) for a line the reader
    cannot take (too long, or a quoted field running past the csv module's field limit);
    reading stops there."""
    lines = _Lines(io.StringIO(text.strip("\ufeff")))
    reader = csv.reader(lines)
    while True:
        try:
            fields = next(reader)
        except StopIteration:
            return
        except (csv.Error, _TooLong):
            yield lines.number, None
            return
        yield reader.line_num, fields


class _TooLong(Exception):
    pass


class _Lines:
    """The text's lines, counted, refusing one longer than LINE_LIMIT."""

    def __init__(self, source):
        self.source, self.number = source, 0

    def __iter__(self):
        return self

    def __next__(self) -> str:
        line = next(self.source)
        self.number += 1
        if len(line) > LINE_LIMIT + 2:  # the line ending is not counted
            raise _TooLong
        return line


def _quoted(text: str) -> str:
    text = text.strip()
    return f"“{text}”" if len(text) <= 40 else f"“{text[:40]}…”"


def parse_rows(text: str, existing_dates=frozenset(), check_value=None):
    """Return (rows, errors): rows are (date, value, note); errors are "Line n: ..." strings.
    A first line starting with "date" is a header and skipped; blank lines are ignored.
    ``check_value(value)`` returns why a value cannot be recorded, or None."""
    rows, errors, seen = [], [], {}
    for number, fields in _records(text):
        if fields is None:
            errors.append(
                f"Line {number}: longer than {LINE_LIMIT:,} characters or not readable "
                "as CSV (check for an unclosed quote); nothing after it was read."
            )
            break
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
            problems.append(f"{_quoted(fields[0])} is not a date ({DATE_FORMAT_HELP})")
        if value is None:
            problems.append(f"{_quoted(fields[1])} is not a number")
        elif check_value is not None and (problem := check_value(value)):
            problems.append(f"{_quoted(fields[1])} is refused: {problem.rstrip('.').lower()}")
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
