"""Parse pasted or uploaded indicator data: one ``date,value[,note[,numerator,denominator]]``
row a line, separated by commas (CSV) or tabs (cells pasted from a spreadsheet).

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
    text = text.strip("\ufeff")
    lines = _Lines(io.StringIO(text))
    reader = csv.reader(lines, csv.excel_tab if "\t" in text else csv.excel)
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


def check_counts(value, numerator, denominator) -> tuple[float | None, list[str]]:
    """A percentage from its numerator and denominator: the value when none was given, and
    what is wrong with them."""
    if numerator is None and denominator is None:
        return value, []
    if numerator is None or denominator is None:
        return value, ["give both the numerator and the denominator, or neither"]
    if denominator <= 0 or numerator < 0:
        return value, ["the denominator must be above 0 and the numerator 0 or more"]
    if numerator > denominator:
        return value, ["the numerator cannot be larger than the denominator"]
    percent = 100 * numerator / denominator
    if value is None:
        return round(percent, 4), []
    if abs(value - percent) > 0.05:
        return value, [f"{value:g} is not {numerator:g} / {denominator:g} ({percent:.1f}%)"]
    return value, []


def parse_rows(text: str, existing_dates=frozenset(), check_value=None, latest=None):
    """Return (rows, errors) for pasted text, commas or tabs between the fields; a first line
    starting with "date" is a header and skipped. See :func:`parse_lines`."""
    lines, errors = [], []
    for number, fields in _records(text):
        if fields is None:
            errors.append(
                f"Line {number}: longer than {LINE_LIMIT:,} characters or not readable "
                "as CSV (check for an unclosed quote); nothing after it was read."
            )
            break
        if not (number == 1 and fields and fields[0].strip().lower() == "date"):
            lines.append((f"Line {number}", fields))
    rows, found = parse_lines(
        lines, existing_dates, check_value, latest, empty="paste or upload at least one"
    )
    return rows, found + errors


def parse_lines(
    lines, existing_dates=frozenset(), check_value=None, latest=None, empty="enter at least one"
):
    """Return (rows, errors): rows are (date, value, note) or, with counts, (date, value,
    note, numerator, denominator); errors are "Line n: ..." strings. ``lines`` are (label,
    fields); blank lines are ignored; ``check_value(value)`` returns why a value cannot be
    recorded, or None; dates after ``latest`` are refused (no forecasts expected)."""
    rows, errors, seen = [], [], {}
    for label, fields in lines:
        if not fields or all(not f.strip() for f in fields):
            continue
        while len(fields) > 5 and not fields[-1].strip():
            fields = fields[:-1]  # empty trailing cells from a spreadsheet
        if len(fields) == 4:
            fields = [*fields, ""]  # a numerator without its denominator: reported below
        if len(fields) not in (2, 3, 5):
            errors.append(
                f"{label}: expected date,value or date,value,note (or "
                f"date,value,note,numerator,denominator), "
                f"found {len(fields)} field{'s' if len(fields) != 1 else ''}."
            )
            continue
        date = parse_date(fields[0])
        value = parse_value(fields[1]) if fields[1].strip() else None
        note = fields[2].strip() if len(fields) >= 3 else ""
        counts = [parse_value(f) if f.strip() else None for f in fields[3:5]]
        problems = []
        if date is None:
            problems.append(f"{_quoted(fields[0])} is not a date ({DATE_FORMAT_HELP})")
        if fields[1].strip() and value is None:
            problems.append(f"{_quoted(fields[1])} is not a number")
        for field, count in zip(fields[3:5], counts, strict=True):
            if field.strip() and count is None:
                problems.append(f"{_quoted(field)} is not a number")
        if not problems and counts:
            value, wrong = check_counts(value, *counts)
            problems += wrong
        if value is None and not problems:
            problems.append("there is no value")
        elif value is not None and check_value is not None and (problem := check_value(value)):
            problems.append(
                f"{_quoted(fields[1] or str(value))} is refused: {problem.rstrip('.').lower()}"
            )
        if len(note) > 300:
            problems.append("the note is longer than 300 characters")
        if date is not None and latest is not None and date > latest:
            problems.append(f"{date:%-d %B %Y} is in the future")
        if date is not None and date in existing_dates:
            problems.append(f"{date:%-d %B %Y} already has a value")
        if date is not None and date in seen:
            problems.append(f"{date:%-d %B %Y} is also on {seen[date].lower()}")
        if problems:
            errors.append(f"{label}: " + "; ".join(problems) + ".")
            continue
        seen[date] = label
        if any(c is not None for c in counts):
            rows.append((date, value, note, *counts))
        else:
            rows.append((date, value, note))
    if not rows and not errors:
        errors.append(f"No data found: {empty} date,value line.")
    return rows, errors
