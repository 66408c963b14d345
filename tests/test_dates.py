"""Dates written one way everywhere: "5 October 2025" in text, "5 Oct 2025" in tables, from
the project's formats module; templates only name those formats, so a new slip fails here."""

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
