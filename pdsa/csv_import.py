"""Parse pasted or uploaded indicator data: one ``date,value[,note[,numerator,denominator]]``
row a line, separated by commas (CSV) or tabs (cells pasted from a spreadsheet).

Every bad line is reported by its number so the user can fix the file; nothing is imported
until every line is good."""

import csv
import datetime
import io
import math
import re

from imroc.dates import long_date

# No line of date,value,note needs more: a note is at most 300 characters. A longer line or
# field is refused with its line number instead of being parsed (the csv module's own limit,
# 131,072 characters a field, raised an error that ended the request).
LINE_LIMIT = 1_000

# Also the forms Excel shows a UK date in ("05/10/25", "05-Oct-25") and eight digits typed.
DATE_FORMATS = (
    "%Y-%m-%d",
    "%d/%m/%Y",
    "%d-%m-%Y",
    "%d %b %Y",
    "%d %B %Y",
    "%d/%m/%y",
    "%d-%b-%y",
    "%d-%b-%Y",
    "%d %b %y",
    "%d%m%Y",
)
DATE_FORMAT_HELP = "2012-03-31, 31/03/2012, 31-03-2012, 31 Mar 2012 or 31 March 2012"


def parse_date(text: str) -> datetime.date | None:
    for fmt in DATE_FORMATS:
        try:
            return datetime.datetime.strptime(text.strip(), fmt).date()
        except ValueError:
            continue
    return None


# "62,5" is 62.5 as written in much of Europe; "1,250" could be 1.25 or 1250, so it is refused
# with a hint rather than guessed.
DECIMAL_COMMA = re.compile(r"[+-]?\d+,\d+")
THOUSANDS = re.compile(r"[+-]?[1-9]\d{0,2},\d{3}")


def parse_value(text: str) -> float | None:
    text = text.strip().rstrip("%").strip()
    if DECIMAL_COMMA.fullmatch(text) and not THOUSANDS.fullmatch(text):
        text = text.replace(",", ".")
    try:
        value = float(text)
    except ValueError:
        return None
    return value if math.isfinite(value) else None


def _not_a_number(text: str) -> str:
    if "," in text:
        return f"{_quoted(text)} is not a number: use a full stop for decimals, like 62.5"
    return f"{_quoted(text)} is not a number"


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
        row, problems = check_line(label, fields, seen, existing_dates, check_value, latest)
        if problems:
            errors.append(f"{label}: " + "; ".join(text for _, text in problems) + ".")
        elif row is not None:
            rows.append(row)
    if not rows and not errors:
        errors.append(f"No data found: {empty} date,value line.")
    return rows, errors


def check_line(label, fields, seen, existing_dates=frozenset(), check_value=None, latest=None):
    """(row or None, problems) for one line's fields; each problem is (column, text), the
    column being the index of the field it is about (0 date, 1 value, 2 note, 3 numerator,
    4 denominator), so a grid can put it beside its cell. A blank line gives (None, []).
    ``seen`` maps the dates of earlier good lines to their labels and is updated."""
    if not fields or all(not f.strip() for f in fields):
        return None, []
    while len(fields) > 5 and not fields[-1].strip():
        fields = fields[:-1]  # empty trailing cells from a spreadsheet
    if len(fields) == 4:
        fields = [*fields, ""]  # a numerator without its denominator: reported below
    if len(fields) not in (2, 3, 5):
        return None, [
            (
                0,
                "expected date,value or date,value,note (or "
                "date,value,note,numerator,denominator), "
                f"found {len(fields)} field{'s' if len(fields) != 1 else ''}",
            )
        ]
    date = parse_date(fields[0])
    value = parse_value(fields[1]) if fields[1].strip() else None
    note = fields[2].strip() if len(fields) >= 3 else ""
    counts = [parse_value(f) if f.strip() else None for f in fields[3:5]]
    problems = []
    if date is None:
        problems.append((0, f"{_quoted(fields[0])} is not a date ({DATE_FORMAT_HELP})"))
    if fields[1].strip() and value is None:
        problems.append((1, _not_a_number(fields[1])))
    for column, (field, count) in enumerate(zip(fields[3:5], counts, strict=True), start=3):
        if field.strip() and count is None:
            problems.append((column, _not_a_number(field)))
    if not problems and counts:
        value, wrong = check_counts(value, *counts)
        problems += [(1, text) for text in wrong]
    if value is None and not problems:
        problems.append((1, "there is no value"))
    elif value is not None and check_value is not None and (problem := check_value(value)):
        problems.append(
            (1, f"{_quoted(fields[1] or str(value))} is refused: {problem.rstrip('.').lower()}")
        )
    if len(note) > 300:
        problems.append((2, "the note is longer than 300 characters"))
    if date is not None and latest is not None and date > latest:
        problems.append((0, f"{long_date(date)} is in the future"))
    if date is not None and date in existing_dates:
        problems.append((0, f"{long_date(date)} already has a value"))
    if date is not None and date in seen:
        problems.append((0, f"{long_date(date)} is also on {seen[date].lower()}"))
    if problems:
        return None, problems
    seen[date] = label
    if any(c is not None for c in counts):
        return (date, value, note, *counts), []
    return (date, value, note), []
