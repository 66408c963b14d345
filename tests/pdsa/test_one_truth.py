"""One truth: the site PDF and the spreadsheet chart an indicator with the same series,
phases and limits as its page. The issue's example: past 52 weekly points the old PDF
re-fixed the baseline inside its last 52 and disagreed with the page."""

import datetime
import re

import pytest

from pdsa import chart_cache
from pdsa.indicator_svg import render_indicator_svg
from pdsa.models import DataPoint, Phase
from reports.generation import collect, pdf_bytes, xlsx_bytes
from reports.models import Report
from reports.registry import ReportContext
from tests.pdsa.factories import IndicatorFactory
from tests.reports.pdf import assert_pdf_contains

from .test_views import client_for

pytestmark = pytest.mark.django_db
START = datetime.date(2025, 1, 6)


def marks(svg: str) -> list[str]:
    """Each point's tooltip: its date, value and, for a special cause, why."""
    return re.findall(r"<title>(\d[^<]*)</title>", svg)


def test_the_site_pdf_of_a_64_point_weekly_indicator_shows_the_page_limits_and_signals(world):
    indicator = IndicatorFactory(
        goal__priority__site=world.site_a, goal__status="in_progress", xmr_baseline=20
    )
    values = [40 + (w * 7) % 5 for w in range(40)] + [46 + (w * 3) % 4 for w in range(24)]
    DataPoint.objects.bulk_create(
        DataPoint(indicator=indicator, date=START + datetime.timedelta(weeks=w), value=v)
        for w, v in enumerate(values)
    )
    Phase.objects.create(
        indicator=indicator,
        starts_on=START + datetime.timedelta(weeks=50),
        reason="Cycle 2 adopted",
    )
    page = client_for(world.lead_a).get(f"/pdsa/indicators/{indicator.pk}/").content.decode()
    ctx = ReportContext(
        report=Report(kind="site_progress", site=world.site_a),
        today=datetime.date(2026, 12, 1),
        site=world.site_a,
    )
    sections = collect(ctx)
    report = "".join(html for _, html in sections)

    limits = re.findall(
        r"mean [\d.]+; (?:<strong>trial limits</strong>|process limits) "
        r"[\d.]+ to [\d.]+",
        page,
    )
    assert len(limits) == 2  # two phases, each with its limits
    for line in limits:
        assert line in report
    page_svgs = re.findall(r'<svg[^>]*class="indicator-chart".*?</svg>', page, re.S)
    report_svgs = re.findall(r'<svg[^>]*class="indicator-chart".*?</svg>', report, re.S)
    assert len(page_svgs) == len(report_svgs) == 2
    # The PDF draws the page's own results for paper (no tooltips, a path per kind of point).
    indicator.refresh_from_db()
    results = chart_cache.results(indicator)
    assert report_svgs == [render_indicator_svg(results, k, printed=True) for k in ("run", "xmr")]
    assert any("concern" in m or "improvement" in m for m in marks(page_svgs[1]))
    assert_pdf_contains(pdf_bytes(ctx, sections), *[re.sub(r"</?strong>", "", x) for x in limits])

    phases = next(t for s, _ in sections for t in s.tables if t.name.startswith("Indicator phases"))
    assert [row[2] for row in phases.rows] == [1, 2]
    assert [round(row[8], 2) for row in phases.rows] == [
        float(re.search(r"([\d.]+) to", line).group(1)) for line in limits
    ]
    assert xlsx_bytes(sections)[:2] == b"PK"
