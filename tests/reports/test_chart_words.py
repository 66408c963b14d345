"""The site report's PDF says what each indicator's page says about its charts: the run-chart
sentence ("too few runs"), every run-chart signal and special cause in words, from the one
function both read (``pdsa.chart_words``); and no chart's caption is left at the foot of a
page with its chart on the next (issue 25)."""

import io
import re
import shutil
import subprocess

import pytest
from django.core.management import call_command
from django.utils import timezone

from pdsa import chart_cache
from pdsa.models import Indicator
from pdsa.report_sections import priorities_and_goals
from reports import services
from reports.registry import ReportContext
from sites.models import Site
from tests.reports.factories import ReportFactory

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(not shutil.which("pdftotext"), reason="needs poppler's pdftotext"),
]


def words_of(text: str) -> str:
    return " ".join(text.split())


def pdf_pages(data: bytes) -> list[str]:
    text = subprocess.run(
        ["pdftotext", "-", "-"], input=data, capture_output=True, check=True
    ).stdout.decode()
    return [words_of(page) for page in text.split("\f")]


def test_the_demos_busiest_site_report_says_each_charts_signals_as_its_page_does(client):
    call_command("load_demo", stdout=io.StringIO())
    devon = Site.objects.get(name="Devon Partnership NHS Trust")
    report = ReportFactory(site=devon)
    ctx = ReportContext(report=report, today=timezone.localdate(), site=devon)
    charts = [
        chart
        for block in priorities_and_goals(ctx).context["blocks"]
        for goal in block["goals"]
        for chart in goal["charts"]
    ]
    assert len(charts) >= 4
    assert services.report_generate(report=report)
    report.refresh_from_db()
    with report.pdf.open("rb") as pdf:
        pages = pdf_pages(pdf.read())
    text = " ".join(pages)

    lead = devon.project_group.get(role="project_lead").person.user
    client.force_login(lead)
    signalled = 0
    for chart in charts:
        indicator = Indicator.objects.get(pk=chart["indicator"].pk)
        said = chart_cache.page(indicator).words  # what the indicator's page says
        assert chart["words"] == said, indicator.name
        html = client.get(indicator.get_absolute_url()).content.decode()
        page = words_of(re.sub(r"<[^>]+>", "", html))
        sentences = said.sentences
        assert sentences, indicator.name
        signalled += len(said.run_signals) + len(said.xmr_signals)
        for sentence in sentences:
            assert words_of(sentence) in text, (indicator.name, sentence)
            assert words_of(sentence) in page, (indicator.name, sentence)
        for caption in (f"{indicator.name}: run chart", f"{indicator.name}: XmR chart"):
            on = [p for p in pages if caption in p]
            assert on, caption
            # the chart's legend follows its caption on the same page
            assert all("Common cause" in p[p.index(caption) :] for p in on), caption
    assert signalled > 0
    assert any(c["words"].runs_verdict for c in charts) or "runs among" in text
