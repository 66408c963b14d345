"""A spreadsheet (XLSX) written sheet by sheet, row by row, with XlsxWriter.

The reports' spreadsheets are tables of text, numbers and dates and nothing else (no
formulas, widths or colours); a busy site's has 350,000 cells. XlsxWriter's
``constant_memory`` mode writes each row out once the next begins, so a sheet is never held
whole (about 4-5 microseconds of CPU a cell: 1.5-2 s for the busiest site, where a writer of
our own was 0.4 s; a kept library is worth that inside the report's 5 s). This module only
says how the reports' values become cells (``tests/reports/test_xlsx.py``): text stays text
(already neutralised by ``imroc.exports``), characters XML cannot hold are dropped instead
of failing the report, dates, times and both keep their formats, and a number that is not
finite is written as its text.
"""

import datetime
import math
import re
from decimal import Decimal

from xlsxwriter import Workbook
from xlsxwriter.utility import xl_col_to_name

# Characters XML 1.0 cannot hold: dropped (openpyxl refused the whole file for one).
ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
OPTIONS = {
    "constant_memory": True,
    # Text is data, never a formula, a link or a number.
    "strings_to_formulas": False,
    "strings_to_urls": False,
    "strings_to_numbers": False,
}
FORMATS = {
    datetime.date: "yyyy-mm-dd",
    datetime.datetime: "yyyy-mm-dd h:mm:ss",
    datetime.time: "h:mm:ss",
}


def column(number: int) -> str:
    """A column's letters: 1 -> A, 27 -> AA."""
    return xl_col_to_name(number - 1)


def write_xlsx(file, sheets: list[tuple[str, object]]) -> None:
    """Write the workbook into ``file`` (a path or a seekable binary file): each sheet a
    ``(name, rows)`` pair, in order, its name already valid (unique, at most 31 characters
    of Excel's allowed ones); ``rows`` any iterable of lists, read once."""
    workbook = Workbook(file, OPTIONS)
    formats = {kind: workbook.add_format({"num_format": code}) for kind, code in FORMATS.items()}
    for name, rows in sheets:
        sheet = workbook.add_worksheet(ILLEGAL.sub("", name))
        _handle_values(sheet, formats)
        for number, row in enumerate(rows):
            sheet.write_row(number, 0, row)
    workbook.close()


def _handle_values(sheet, formats) -> None:
    """The values XlsxWriter would refuse or write otherwise than a report means them."""

    def text(sheet, row, col, value, *_):
        if value.startswith("<r>") and value.endswith("</r>"):
            # constant_memory would write this text as rich-text XML, unescaped; as runs
            # of text (three: XlsxWriter's least) it is escaped and reads back the same.
            value = ILLEGAL.sub("", value)
            return sheet.write_rich_string(row, col, value[:1], value[1:2], value[2:])
        if value.isprintable():
            return None  # most text: XlsxWriter's own string cell
        value = ILLEGAL.sub("", value)  # rare: a line break, a tab, a control character
        return sheet.write_string(row, col, value) if value else 0

    def number(sheet, row, col, value, *_):
        if value.is_finite() if isinstance(value, Decimal) else math.isfinite(value):
            return None  # XlsxWriter's own number cell
        return sheet.write_string(row, col, str(value))

    def moment(sheet, row, col, value, *_):
        if isinstance(value, datetime.datetime) and value.tzinfo is not None:
            value = value.astimezone().replace(tzinfo=None)  # as the reader's clock shows it
        elif isinstance(value, datetime.time) and value.tzinfo is not None:
            value = value.replace(tzinfo=None)
        return sheet.write_datetime(row, col, value, formats[type(value)])

    sheet.add_write_handler(str, text)
    for kind in (float, Decimal):
        sheet.add_write_handler(kind, number)
    for kind in FORMATS:
        sheet.add_write_handler(kind, moment)
