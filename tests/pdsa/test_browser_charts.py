"""Issue 14's "done when", in Chromium: a lead adds values through the grid (cells pasted
from a spreadsheet and a typed row), adopts a cycle, starts a new phase from it and sees the
cycle band, the target line, both Making Data Count icons and the recomputed limits."""

import datetime
import re

from playwright.sync_api import expect

from pdsa.charts import xmr_chart
from tests.browser import BROWSER_TEST, assert_accessible, fill_date
from tests.pdsa.factories import CycleFactory, GoalFactory, IndicatorFactory

pytestmark = BROWSER_TEST

FIRST = datetime.date(2026, 6, 1)  # a Monday; twenty weeks pasted, one typed
BEFORE = [40, 42, 39, 41, 38, 40, 43, 39, 41, 40, 42, 38]
AFTER = [58, 61, 60, 59, 62, 60, 63, 61]
TYPED = 61
TARGET_TAG = re.compile(r"^Target$")


def spreadsheet() -> str:
    rows = ["Date\tValue\tNote"]
    for week, value in enumerate(BEFORE + AFTER):
        day = FIRST + datetime.timedelta(weeks=week)
        rows.append(f"{day:%d/%m/%Y}\t{value}\t" + ("ward rounds start" if week == 12 else ""))
    return "\n".join(rows)


def shown(x: float) -> str:
    """As the page's floatformat:"-2" shows a number."""
    text = f"{x:.2f}"
    return text[:-3] if text.endswith(".00") else text


def save(page, name):
    page.get_by_role("button", name=name).click()
    page.wait_for_load_state()
    assert_accessible(page)


def test_lead_enters_data_adopts_a_cycle_starts_a_phase_and_reads_the_charts(world, signed_in_page):
    goal = GoalFactory(priority__site=world.site_a, title="Peer support on every ward")
    indicator = IndicatorFactory(
        goal=goal, name="Peer support contacts", unit="contacts", better="up", target=50
    )
    cycle = CycleFactory(
        goal=goal,
        number=1,  # the factory's sequence runs on across the suite
        change_idea="Peer workers join ward rounds",
        starts_on=datetime.date(2026, 8, 3),
        ends_on=datetime.date(2026, 8, 31),
        plan_done=datetime.date(2026, 7, 27),
        do_done=datetime.date(2026, 8, 31),
        study_done=datetime.date(2026, 9, 7),
    )
    cycle.watched_indicators.add(indicator)
    page = signed_in_page(world.lead_a)

    page.goto(f"{page.url.rstrip('/')}{indicator.get_absolute_url()}")
    page.get_by_role("link", name="Add values").click()
    assert_accessible(page)
    page.get_by_label("Paste from a spreadsheet or CSV").fill(spreadsheet())
    page.get_by_label("Date, row 1", exact=True).fill("2026-10-19")
    page.get_by_label("Value, row 1", exact=True).fill(str(TYPED))
    save(page, "Add values")
    expect(page.get_by_text("21 values added.")).to_be_visible()

    values = BEFORE + AFTER + [TYPED]
    whole = xmr_chart(values)
    expect(
        page.get_by_text(
            f"mean {shown(whole.mean)}; process limits {shown(whole.lower_limit)} "
            f"to {shown(whole.upper_limit)}"
        )
    ).to_be_visible()
    xmr = page.get_by_role("img", name="XmR chart: Peer support contacts (contacts)")
    expect(xmr).to_be_visible()
    expect(xmr.locator("text", has_text=TARGET_TAG)).to_have_count(1)  # the target line's tag
    expect(xmr.locator("text", has_text="C1")).to_have_count(1)  # the cycle's band, still open
    expect(page.locator("[data-icon=variation]")).to_contain_text("Variation:")
    expect(page.locator("[data-icon=assurance]")).to_contain_text(
        "Assurance: Hits and misses the target at random"
    )

    page.get_by_role("link", name="Peer support on every ward").first.click()
    page.get_by_role("link", name="Cycle 1").first.click()
    page.get_by_role("link", name="Edit act").click()
    assert_accessible(page)
    page.get_by_label("Adopt", exact=True).check()
    page.get_by_label("What we learned").fill("Ward rounds with a peer worker stick.")
    page.get_by_label("The act stage is complete").check()
    save(page, "Save act")
    expect(page.get_by_text("Adopted: you can start a new phase")).to_be_visible()

    page.get_by_role("link", name="Start a new phase on Peer support contacts").click()
    assert_accessible(page)
    expect(page.get_by_label("Reason")).to_have_value(
        "Cycle 1 adopted: Peer workers join ward rounds"
    )
    fill_date(page, "New phase starts on", "2026-08-24")  # week 12, as the note says
    save(page, "Start the new phase")
    expect(page.get_by_text("A new phase starts on 24 August 2026.")).to_be_visible()
    expect(page.get_by_text("It has 9 values so far: its limits are trial limits")).to_be_visible()

    phased = xmr_chart(values, phases=[12])
    first, second = phased.phases
    expect(
        page.get_by_text(
            f"mean {shown(first.centre)}; process limits {shown(first.lower_limit)} "
            f"to {shown(first.upper_limit)}"
        )
    ).to_be_visible()
    expect(
        page.get_by_text(
            "Phase 2 (24 Aug 2026 to 19 Oct 2026: Cycle 1 adopted: Peer workers join ward "
            f"rounds): mean {shown(second.centre)}; trial limits {shown(second.lower_limit)} "
            f"to {shown(second.upper_limit)}"
        )
    ).to_be_visible()
    xmr = page.get_by_role("img", name="XmR chart: Peer support contacts (contacts)")
    expect(xmr.locator("text", has_text="C1 Adopt")).to_have_count(1)
    expect(xmr.locator("text", has_text="P2")).to_have_count(2)  # boundary tag and its reason
    expect(xmr.locator("text", has_text="UL (trial)")).to_have_count(1)
    expect(xmr.locator("text", has_text=TARGET_TAG)).to_have_count(1)
    # The target (50) lies below the new lower limit, but the new phase has 9 values: trial
    # limits cannot yet tell, and the page says so instead of a verdict.
    assert second.lower_limit > 50
    expect(page.locator("[data-icon=assurance]")).to_contain_text(
        "Assurance: Trial limits cannot judge the target: needs 3 more values"
    )
    warnings = page.locator(".chart-warnings[data-chart=xmr]")
    expect(warnings).to_be_visible()
    expect(warnings).to_contain_text("What this chart cannot yet tell")
    expect(warnings).to_contain_text(
        "Phase 2 (from 24 Aug 2026)'s XmR limits are trial limits: they come from 9 values"
    )
    expect(page.locator("[data-icon=variation]")).to_contain_text("Variation:")
    assert_accessible(page)
