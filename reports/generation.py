"""Turn a report's sections into files: a PDF (WeasyPrint) and an XLSX of the tables."""

import io

from django.template.loader import render_to_string
from django.utils import timezone

from imroc.exports import neutralise
from imroc.xlsx import write_xlsx

from .registry import ReportContext, Section, sections_for


def collect(ctx: ReportContext) -> list[tuple[Section, str]]:
    """Each registered section with its partial rendered to HTML."""
    collected = []
    for build in sections_for(ctx.report.kind):
        built = build(ctx)
        if built is not None:
            html = render_to_string(built.template, {**built.context, "ctx": ctx})
            collected.append((built, html))
    return collected


def pdf_bytes(ctx: ReportContext, sections: list[tuple[Section, str]]) -> bytes:
    from weasyprint import HTML  # heavy import: only in the worker

    html = render_to_string(
        "reports/pdf/report.html",
        {
            "report": ctx.report,
            "ctx": ctx,
            "sections": [{"title": s.title, "html": html} for s, html in sections],
            "generated_at": timezone.localtime(),
        },
    )
    return HTML(string=html).write_pdf()


def xlsx_bytes(sections: list[tuple[Section, str]]) -> bytes:
    """A sheet a table, streamed row by row (a busy site has 100,000+ values)."""
    used = set()
    sheets = [
        (_sheet_name(table.name, used), _rows(table))
        for built, _ in sections
        for table in built.tables
    ]
    buffer = io.BytesIO()
    write_xlsx(buffer, sheets or [("Report", [["This report has no tables."]])])
    return buffer.getvalue()


def _rows(table):
    yield [_cell(header) for header in table.headers]
    for row in table.rows:
        yield [_cell(value) for value in row]


def _sheet_name(name: str, used: set) -> str:
    """Excel sheet names: at most 31 characters, unique whatever their case, none of
    []:*?/\\ and no apostrophe at either end (XlsxWriter refuses what Excel would)."""
    clean = "".join(c for c in name if c not in "[]:*?/\\")[:31].strip("'") or "Sheet"
    candidate, n = clean, 2
    while candidate.lower() in used:
        candidate = f"{clean[:28]} {n}"
        n += 1
    used.add(candidate.lower())
    return candidate


def _cell(value):
    """Numbers, dates and times as they are; anything else as text no formula starts."""
    kind = type(value)
    if kind is float or kind is int or value is None:  # most cells: no check to make
        return value
    return value if hasattr(value, "isoformat") else neutralise(value)
