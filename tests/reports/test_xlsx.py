"""The reports' spreadsheet writer (``imroc.xlsx``): what a person opening the file sees is
what the report's tables hold, whatever the text, and dates read as dates."""

import datetime
import io
import zipfile
from decimal import Decimal
from xml.etree import ElementTree

from openpyxl import load_workbook
from openpyxl.utils.escape import unescape

from imroc.xlsx import column, write_xlsx
from reports.generation import xlsx_bytes
from reports.registry import Section, Table


def opened(sheets):
    buffer = io.BytesIO()
    write_xlsx(buffer, sheets)
    return load_workbook(io.BytesIO(buffer.getvalue())), buffer.getvalue()


def shown(value):
    """A cell's text as Excel shows it: it decodes the ``_xHHHH_`` escapes that XlsxWriter
    writes for control characters such as a carriage return (openpyxl leaves them)."""
    return unescape(value) if isinstance(value, str) else value


def test_each_kind_of_value_reads_back_as_it_was_written():
    aware = datetime.datetime(2026, 3, 1, 9, 30, tzinfo=datetime.UTC)
    row = [
        "Tom & Jerry <b>\"quoted\"</b> 'apostrophe'",
        "  padded  ",
        "line one\r\nline two\ttab",
        "bell\x07 and null\x00 dropped",
        "Ysbyty Gwynedd – Bangor 🙂",
        42,
        -3.25,
        Decimal("12.50"),
        True,
        None,
        "",
        datetime.date(2025, 7, 15),
        datetime.datetime(2025, 7, 15, 13, 45, 30),
        datetime.time(8, 15),
        float("nan"),
        aware,
        "<r><t>not markup</t></r>",
        "_x0041_ as typed",
    ]
    workbook, _ = opened([("Values", [["Header"] * len(row), row])])
    cells = [shown(c) for c in list(workbook["Values"].iter_rows(min_row=2, values_only=True))[0]]
    assert cells[:9] == [
        "Tom & Jerry <b>\"quoted\"</b> 'apostrophe'",
        "  padded  ",
        "line one\r\nline two\ttab",
        "bell and null dropped",
        "Ysbyty Gwynedd – Bangor 🙂",
        42,
        -3.25,
        12.5,
        True,
    ]
    assert cells[9] is None and cells[10] is None
    assert cells[11] == datetime.datetime(2025, 7, 15)
    assert cells[12] == datetime.datetime(2025, 7, 15, 13, 45, 30)
    assert cells[13] == datetime.time(8, 15)
    assert cells[14] == "nan"
    assert cells[15] == aware.astimezone().replace(tzinfo=None)
    assert cells[16:] == ["<r><t>not markup</t></r>", "_x0041_ as typed"]
    formats = [c.number_format for c in workbook["Values"][2]]
    assert formats[11:14] == ["yyyy-mm-dd", "yyyy-mm-dd h:mm:ss", "h:mm:ss"]


def test_sheets_keep_their_order_names_and_every_column_past_z():
    wide = [list(range(1, 41))]
    workbook, data = opened([("Goals & cycles", [["a"]]), ("Wide", wide), ("Empty", [])])
    assert workbook.sheetnames == ["Goals & cycles", "Wide", "Empty"]
    assert list(workbook["Wide"].iter_rows(values_only=True)) == [tuple(range(1, 41))]
    assert workbook["Wide"]["AN1"].value == 40
    assert [column(n) for n in (1, 26, 27, 52, 53, 702, 703)] == [
        "A", "Z", "AA", "AZ", "BA", "ZZ", "AAA"
    ]  # fmt: skip
    with zipfile.ZipFile(io.BytesIO(data)) as archive:  # every part is well-formed XML
        for name in archive.namelist():
            ElementTree.fromstring(archive.read(name))


def test_a_reports_text_never_runs_as_a_formula_and_rows_are_read_once():
    def rows():  # a generator, as a programme report's table of every site is
        yield ['=HYPERLINK("http://evil")', "+1", datetime.date(2026, 1, 2)]

    section = Section(
        title="T", template="", tables=[Table("Risky: [names]?", ["A", "B", "C"], rows())]
    )
    workbook = load_workbook(io.BytesIO(xlsx_bytes([(section, "")])))
    assert workbook.sheetnames == ["Risky names"]
    assert list(workbook["Risky names"].iter_rows(values_only=True)) == [
        ("A", "B", "C"),
        ('\'=HYPERLINK("http://evil")', "'+1", datetime.datetime(2026, 1, 2)),
    ]


def test_a_report_without_tables_says_so():
    workbook = load_workbook(io.BytesIO(xlsx_bytes([])))
    assert list(workbook["Report"].iter_rows(values_only=True)) == [("This report has no tables.",)]


def test_tables_whose_names_excel_would_refuse_still_make_a_spreadsheet():
    section = Section(
        title="T",
        template="",
        tables=[
            Table("Goals", ["A"], [[1]]),
            Table("GOALS", ["A"], [[2]]),
            Table("'Q'", ["A"], []),
        ],
    )
    workbook = load_workbook(io.BytesIO(xlsx_bytes([(section, "")])))
    assert workbook.sheetnames == ["Goals", "GOALS 2", "Q"]
    assert workbook["GOALS 2"]["A2"].value == 2
