"""Dates written one way everywhere: "5 October 2025" in text, "5 Oct 2025" in tables, from
the project's formats module; templates only name those formats and Python writes dates
through them (``imroc.dates``), so a new slip fails here."""

import datetime
import re
from pathlib import Path

from django.conf import settings
from django.test import Client
from django.utils import formats

from tests.pdsa.factories import DataPointFactory, GoalFactory, IndicatorFactory, PriorityFactory

# Django's named formats, machine formats for attributes and values (ISO), a weekday put
# before a named date ("Monday" + "5 October 2025") and a time with seconds (the audit log).
ALLOWED = {
    "DATE_FORMAT",
    "SHORT_DATE_FORMAT",
    "DATETIME_FORMAT",
    "SHORT_DATETIME_FORMAT",
    "YEAR_MONTH_FORMAT",
    "c",
    "Y-m-d",
    "l",
    "D",
    "H:i:s",
}
DATE_FILTER = re.compile(r"""\|\s*date\s*:\s*(["'])(.*?)\1""")

# Python spelling a date by hand: a format spec in an f-string or a str.format template
# ("{day:%-d %B %Y}"), strftime, or format(day, "%d %b").
PY_SPEC = re.compile(r"\{[^{}]+?:(%[^{}]*)\}")
PY_CALL = re.compile(r"""\.strftime\(([^)]*)\)|\bformat\([^,()]+,\s*(["']%[^"']*["'])\)""")
# Machine dates and times, not dates shown to a person.
PY_MACHINE = {
    "%Y-%m-%d": "an ISO date in a reminder's key or a file name",
    "%Y-%m": "a month in a reminder's key",
    "%Y%m%d%H%M%S%f": "a moment in an event's key",
    "%H:%M": "a time of day, as the project's TIME_FORMAT (H:i) writes it",
}
# A display format that no named format gives, each with its reason.
PY_ALLOWED = {
    ("pdsa/indicator_svg.py", "strftime(fmt)"): "a chart's axis ticks: 'Mar 2026' or '2026'",
    ("pdsa/indicator_svg.py", "%Y"): "a chart's one axis tick, the year",
    ("colleges/selectors.py", "%b %Y"): "a chart's point labels: 'Mar 2026'",
    ("colleges/report_sections.py", "%b %Y"): "a chart's point labels: 'Mar 2026'",
    ("coproduction/report_sections.py", "%b %Y"): "a chart's month labels: 'Mar 2026'",
    ("pdsa/chart_warnings.py", "%b %Y"): "pure logic, no Django: SHORT_DATE_FORMAT by hand, "
    "held equal to it below",
    ("pdsa/progress_words.py", "%b %Y"): "pure logic, no Django: SHORT_DATE_FORMAT by hand, "
    "held equal to it below",
    ("api/forms.py", "%-d %-m %Y"): "the hint showing how to type a date (5 10 2025)",
    ("audit/models.py", "%Y-%m-%d %H:%M"): "an event's name in the admin, sortable like the log",
    ("benchmarks/management/commands/benchmark.py", "%Y-%m-%d %H:%M"): "the benchmark's JSON",
}


def test_the_formats_are_the_projects_and_uk_dates_are_still_typed():
    day = datetime.date(2025, 10, 5)
    assert formats.date_format(day) == "5 October 2025"
    assert formats.date_format(day, "SHORT_DATE_FORMAT") == "5 Oct 2025"
    moment = datetime.datetime(2025, 10, 5, 14, 30)
    assert formats.date_format(moment, "DATETIME_FORMAT") == "5 October 2025, 14:30"
    assert formats.date_format(moment, "SHORT_DATETIME_FORMAT") == "5 Oct 2025, 14:30"
    assert "%d/%m/%Y" in formats.get_format("DATE_INPUT_FORMATS")
    assert "%Y-%m-%d" in formats.get_format("DATE_INPUT_FORMATS")
    assert formats.sanitize_strftime_format("%d/%m/%Y")  # accepted, not mm/dd
    from django import forms

    assert forms.DateField().clean("05/10/2025") == day


def test_a_goal_shows_its_dates_long_in_text_and_short_in_the_values_table(world):
    priority = PriorityFactory(site=world.site_a)
    goal = GoalFactory(
        priority=priority,
        start_date=datetime.date(2025, 10, 5),
        target_date=datetime.date(2026, 3, 31),
    )
    indicator = IndicatorFactory(goal=goal)
    DataPointFactory(indicator=indicator, date=datetime.date(2025, 10, 5), value=3)
    client = Client()
    client.force_login(world.lead_a)

    text = client.get(goal.get_absolute_url()).content.decode()
    assert "5 October 2025" in text and "31 March 2026" in text
    table = client.get(indicator.get_absolute_url()).content.decode()
    assert "5 Oct 2025" in table
    assert not re.search(r"\b05/10/2025\b|\bOct\. 5\b|October 5, 2025", text + table)


def test_templates_name_the_projects_date_formats_and_spell_none_of_their_own():
    base = Path(settings.BASE_DIR)
    slips = []
    for path in base.glob("**/templates/**/*"):
        if ".venv" in path.parts or "node_modules" in path.parts or not path.is_file():
            continue
        for number, line in enumerate(path.read_text().splitlines(), 1):
            for _, fmt in DATE_FILTER.findall(line):
                if fmt not in ALLOWED:
                    slips.append(f"{path.relative_to(base)}:{number}: |date:{fmt!r}")
    assert not slips, 'use |date or |date:"SHORT_DATE_FORMAT":\n' + "\n".join(slips)


def _python_modules(base: Path):
    for path in sorted(base.glob("**/*.py")):
        parts = path.relative_to(base).parts
        if parts[0] in {".venv", "node_modules", "tests", "var"} or "migrations" in parts:
            continue
        yield path


def test_python_writes_dates_through_the_projects_formats_and_spells_none_of_its_own():
    base = Path(settings.BASE_DIR)
    slips, used = [], set()
    for path in _python_modules(base):
        name = path.relative_to(base).as_posix()
        for number, line in enumerate(path.read_text().splitlines(), 1):
            found = PY_SPEC.findall(line)
            found += [f"strftime({a})" if a else b.strip("\"'") for a, b in PY_CALL.findall(line)]
            for spec in found:
                if (name, spec) in PY_ALLOWED:
                    used.add((name, spec))
                elif spec not in PY_MACHINE:
                    slips.append(f"{name}:{number}: {spec!r}")
    assert used == set(PY_ALLOWED), "allowed but no longer written: keep the list short"
    assert not slips, "use imroc.dates (long_date, short_date...):\n" + "\n".join(slips)


def test_the_scan_finds_a_date_spelled_by_hand():
    line = 'subject = f"Due on {due:%-d %B %Y}", when.strftime("%d/%m/%Y")'
    assert PY_SPEC.findall(line) == ["%-d %B %Y"]
    assert [a for a, _ in PY_CALL.findall(line)] == ['"%d/%m/%Y"']


def test_the_pure_chart_modules_write_the_short_date_format():
    from pdsa import chart_warnings, progress_words

    for day in (datetime.date(2025, 10, 5), datetime.date(2026, 3, 31)):
        short = formats.date_format(day, "SHORT_DATE_FORMAT")
        assert chart_warnings._day(day) == progress_words.day(day) == short


def test_python_dates_read_as_the_templates_write_them():
    from imroc import dates

    day = datetime.date(2025, 10, 5)
    assert dates.long_date(day) == "5 October 2025"
    assert dates.short_date(day) == "5 Oct 2025"
    assert dates.weekday_date(day) == "Sunday 5 October 2025"
    assert dates.day_month(day) == "5 October"
    # a moment is written in the programme's time, as templates do (BST: 23:30 UTC is 00:30)
    moment = datetime.datetime(2025, 10, 4, 23, 30, tzinfo=datetime.UTC)
    assert dates.long_date(moment) == "5 October 2025"
    assert dates.long_datetime(moment) == "5 October 2025, 00:30"
