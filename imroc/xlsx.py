"""A spreadsheet (XLSX) written sheet by sheet, row by row, as plain SpreadsheetML.

The reports' spreadsheets are tables of text, numbers and dates and nothing else (no
formulas, widths or colours), and a busy site's has 350,000 cells. openpyxl's write-only
workbook spent ~5 microseconds of CPU a cell building a cell object, checking and styling
it (1.5-2 s of the site report's worker time); this writes each row as one string, about
five times faster, and reads back in openpyxl, Excel and LibreOffice with the same values
and date formats (``tests/reports/test_xlsx.py``). Rows stream into the ZIP: a sheet is
never held whole. Text reaches it already neutralised (``imroc.exports``).
"""

import datetime
import math
import re
import zipfile
from decimal import Decimal
from itertools import islice
from xml.sax.saxutils import escape, quoteattr

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
RELS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PACKAGE_RELS = "http://schemas.openxmlformats.org/package/2006/relationships"
XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
SHEET_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"
# Characters XML 1.0 cannot hold: dropped (openpyxl refused the whole file for one).
ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
EPOCH = datetime.datetime(1899, 12, 30)  # Excel's day 0 (its 1900 leap-year bug included)
EPOCH_DAY = EPOCH.date()
MARKUP = re.compile("[&<>\r]")
CARRIAGE_RETURN = {"\r": "&#13;"}  # kept: a parser reads a raw one as a line feed
# Styles 1-3 in styles.xml: the number formats openpyxl gave dates, times and both.
DATE, DATETIME, TIME = 1, 2, 3
STYLES = (
    f'{XML}<styleSheet xmlns="{MAIN}">'
    '<numFmts count="3"><numFmt numFmtId="164" formatCode="yyyy-mm-dd"/>'
    '<numFmt numFmtId="165" formatCode="yyyy-mm-dd h:mm:ss"/>'
    '<numFmt numFmtId="166" formatCode="h:mm:ss"/></numFmts>'
    '<fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts>'
    '<fills count="2"><fill><patternFill patternType="none"/></fill>'
    '<fill><patternFill patternType="gray125"/></fill></fills>'
    '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
    '<cellXfs count="4"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'
    + "".join(
        f'<xf numFmtId="{n}" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>'
        for n in (164, 165, 166)
    )
    + '</cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/>'
    "</cellStyles></styleSheet>"
)


def column(number: int) -> str:
    """A column's letters: 1 -> A, 27 -> AA."""
    letters = ""
    while number:
        number, rest = divmod(number - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def write_xlsx(file, sheets: list[tuple[str, object]]) -> None:
    """Write the workbook into ``file`` (a path or a seekable binary file): each sheet a
    ``(name, rows)`` pair, in order, its name already valid (unique, at most 31 characters
    of Excel's allowed ones); ``rows`` any iterable of lists, read once."""
    with zipfile.ZipFile(file, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", _content_types(len(sheets)))
        archive.writestr("_rels/.rels", _package_rels())
        archive.writestr("xl/workbook.xml", _workbook([name for name, _ in sheets]))
        archive.writestr("xl/_rels/workbook.xml.rels", _workbook_rels(len(sheets)))
        archive.writestr("xl/styles.xml", STYLES)
        for number, (_, rows) in enumerate(sheets, start=1):
            with archive.open(f"xl/worksheets/sheet{number}.xml", "w") as member:
                _write_sheet(member, rows)


def _write_sheet(member, rows) -> None:
    member.write(f'{XML}<worksheet xmlns="{MAIN}"><sheetData>'.encode())
    letters = [column(n) for n in range(1, 27)]
    rows = iter(rows)
    number = 0
    while chunk := list(islice(rows, 500)):
        parts = []
        for row in chunk:
            number += 1
            if len(row) > len(letters):
                letters = [column(n) for n in range(1, len(row) + 1)]
            parts.append(f'<row r="{number}">')
            for letter, value in zip(letters, row, strict=False):
                if value is not None and value != "":  # a blank cell, as openpyxl wrote it
                    parts.append(_cell(f"{letter}{number}", value))
            parts.append("</row>")
        member.write("".join(parts).encode())
    member.write(b"</sheetData></worksheet>")


def _cell(ref: str, value) -> str:
    kind = type(value)
    if kind is str:
        return _text(ref, value)
    if kind is int or kind is float:
        if kind is float and not math.isfinite(value):
            return _text(ref, str(value))
        return f'<c r="{ref}"><v>{value!r}</v></c>'
    if kind is datetime.date:
        return f'<c r="{ref}" s="{DATE}"><v>{(value - EPOCH_DAY).days}</v></c>'
    if kind is bool:
        return f'<c r="{ref}" t="b"><v>{int(value)}</v></c>'
    if isinstance(value, datetime.datetime):
        if value.tzinfo is not None:  # as the reader's clock shows it
            value = value.astimezone().replace(tzinfo=None)
        return f'<c r="{ref}" s="{DATETIME}"><v>{(value - EPOCH) / datetime.timedelta(1)!r}</v></c>'
    if isinstance(value, datetime.date):
        return f'<c r="{ref}" s="{DATE}"><v>{(value - EPOCH_DAY).days}</v></c>'
    if isinstance(value, datetime.time):
        day = datetime.datetime.combine(EPOCH, value.replace(tzinfo=None)) - EPOCH
        return f'<c r="{ref}" s="{TIME}"><v>{day / datetime.timedelta(1)!r}</v></c>'
    if isinstance(value, Decimal) and value.is_finite():
        return f'<c r="{ref}"><v>{value}</v></c>'
    if isinstance(value, int | float):
        return _cell(ref, (float if isinstance(value, float) else int)(value))
    return _text(ref, str(value))


def _text(ref: str, text: str) -> str:
    if not text.isprintable():  # rare: a line break, a tab, a control character
        text = ILLEGAL.sub("", text)
    if MARKUP.search(text):
        text = escape(text, CARRIAGE_RETURN)
    return f'<c r="{ref}" t="inlineStr"><is><t xml:space="preserve">{text}</t></is></c>'


def _content_types(sheets: int) -> str:
    main = "application/vnd.openxmlformats-officedocument.spreadsheetml"
    overrides = "".join(
        f'<Override PartName="/xl/worksheets/sheet{n}.xml" ContentType="{SHEET_TYPE}"/>'
        for n in range(1, sheets + 1)
    )
    return (
        f'{XML}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" '
        'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        f'<Override PartName="/xl/workbook.xml" ContentType="{main}.sheet.main+xml"/>'
        f'<Override PartName="/xl/styles.xml" ContentType="{main}.styles+xml"/>'
        f"{overrides}</Types>"
    )


def _package_rels() -> str:
    return (
        f'{XML}<Relationships xmlns="{PACKAGE_RELS}">'
        f'<Relationship Id="rId1" Type="{RELS}/officeDocument" Target="xl/workbook.xml"/>'
        "</Relationships>"
    )


def _workbook(names: list[str]) -> str:
    sheets = "".join(
        f'<sheet name={quoteattr(ILLEGAL.sub("", name))} sheetId="{n}" r:id="rId{n}"/>'
        for n, name in enumerate(names, start=1)
    )
    return f'{XML}<workbook xmlns="{MAIN}" xmlns:r="{RELS}"><sheets>{sheets}</sheets></workbook>'


def _workbook_rels(sheets: int) -> str:
    links = "".join(
        f'<Relationship Id="rId{n}" Type="{RELS}/worksheet" Target="worksheets/sheet{n}.xml"/>'
        for n in range(1, sheets + 1)
    )
    styles = f'<Relationship Id="rId{sheets + 1}" Type="{RELS}/styles" Target="styles.xml"/>'
    return f'{XML}<Relationships xmlns="{PACKAGE_RELS}">{links}{styles}</Relationships>'
