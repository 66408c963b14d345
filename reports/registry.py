"""The report-section registry: every app adds its part of a report with one function.

An app puts a ``report_sections.py`` module beside its models (found by
``ReportsConfig.ready``) and registers one function per section of a report kind::

    from reports.registry import Section, Table, section

    @section("site_progress", order=40)
    def goals(ctx):
        goals = Goal.objects.filter(site=ctx.site).prefetch_related("indicators__points")
        return Section(
            title="Goals and indicators",
            template="pdsa/report/_goals.html",      # rendered into the PDF
            context={"goals": [...], "charts": [render_run_chart_svg(...)]},
            tables=[Table("Indicators", ["Goal", "Indicator", "Date", "Value"], rows)],
        )

``ctx`` is a ``ReportContext``: the report, its site (site progress), learning set id
(learning set) and period, and ``today``. A section returns None to leave itself out.
Each ``Table`` becomes a sheet of the XLSX download; its rows may be any iterable (a
generator over ``.iterator()`` keeps a table of every site in constant memory: the sheet is
written row by row). Orders in use: 10 site, 20 project
group (sites); leave gaps for assessment (30), goals and run charts (40), PDSA cycles
(50), support (60), learning sets (70).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date


@dataclass(frozen=True)
class Table:
    name: str
    headers: list[str]
    rows: Iterable[list]  # read once, when the XLSX is written


@dataclass(frozen=True)
class Section:
    title: str
    template: str
    context: dict = field(default_factory=dict)
    tables: list[Table] = field(default_factory=list)


@dataclass(frozen=True)
class ReportContext:
    report: object
    today: date
    site: object = None
    learning_set_id: int | None = None
    period_start: date | None = None
    period_end: date | None = None


@dataclass(frozen=True)
class _Entry:
    kind: str
    order: int
    build: Callable[[ReportContext], Section | None]


_SECTIONS: list[_Entry] = []


def section(kind: str, *, order: int):
    """Register ``build(ctx) -> Section | None`` as a section of reports of ``kind``."""

    def decorator(build):
        _SECTIONS.append(_Entry(kind=kind, order=order, build=build))
        return build

    return decorator


def sections_for(kind: str) -> list[Callable[[ReportContext], Section | None]]:
    return [e.build for e in sorted(_SECTIONS, key=lambda e: e.order) if e.kind == kind]
