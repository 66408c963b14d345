"""One rule for every CSV and XLSX file the app writes: text never runs as a formula.

A spreadsheet reads a cell starting with ``=``, ``+``, ``-`` or ``@`` (and, in some, a tab or
carriage return before one) as a formula, so a goal titled ``=HYPERLINK(...)`` would run when
a consultant opens the export (OWASP "CSV injection"). Such text is written with a leading
apostrophe, which spreadsheets show as text; numbers and dates are written as they are.
"""

import csv
import datetime
from decimal import Decimal
from itertools import chain

from django.http import StreamingHttpResponse

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
# Excel on Windows reads a CSV as UTF-8 only when it starts with a byte-order mark; without
# one, "Ysbyty Gwynedd – Bangor" comes out as mojibake.
BOM = "\ufeff"


def neutralise(value):
    """``value`` as a cell no spreadsheet reads as a formula: numbers, dates and None as they
    are, anything else as its text."""
    if value is None or isinstance(value, int | float | Decimal | datetime.date):
        return value
    text = str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


class SafeWriter:
    """``csv.writer`` whose rows are neutralised: the only CSV writer of the app."""

    def __init__(self, file):
        self._writer = csv.writer(file, quoting=csv.QUOTE_MINIMAL, quotechar='"', doublequote=True)

    def writerow(self, row):
        return self._writer.writerow([neutralise(value) for value in row])

    def writerows(self, rows):
        for row in rows:
            self.writerow(row)


def csv_writer(file) -> SafeWriter:
    return SafeWriter(file)


class _Echo:
    """A file whose ``write`` hands back the line, so each row is sent as it is written."""

    def write(self, line):
        return line


def csv_download(filename: str, rows) -> StreamingHttpResponse:
    """``rows`` (the header first) as a CSV attachment written while it is sent: a list of
    any length is read in chunks and never held whole in memory. It starts with the
    byte-order mark, as every CSV of the app does for Excel."""
    writer = csv_writer(_Echo())
    response = StreamingHttpResponse(
        chain([BOM], (writer.writerow(row) for row in rows)),
        content_type="text/csv; charset=utf-8",
    )
    response["Content-Disposition"] = f'attachment; filename="{filename}.csv"'
    return response
