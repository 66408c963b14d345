"""In Chromium: a lead pastes a block copied from Excel (a header line, UK dates, a blank
line, more rows than the grid shows) into the value grid and saves it; a bad cell is marked
and linked; at phone width the grid is rows of labelled boxes."""

import datetime

from playwright.sync_api import expect

from pdsa.models import DataPoint
from tests.browser import BROWSER_TEST, assert_accessible
from tests.pdsa.factories import IndicatorFactory

pytestmark = BROWSER_TEST

START = datetime.date(2012, 1, 2)
VALUES = [40, 42, 39, 41, 38, 40, 43, 39, 41, 40, 42, 62.5]


def excel_block() -> str:
    """What Excel puts on the clipboard: tab-separated cells, CRLF line ends."""
    lines = ["Week ending\tPlans with a goal (%)"]
    for i, value in enumerate(VALUES):
        lines.append(f"{START + datetime.timedelta(weeks=i):%d/%m/%Y}\t{value:g}")
        if i == 5:
            lines.append("\t")
    return "\r\n".join(lines) + "\r\n"


def paste(page, selector: str, text: str) -> None:
    """A paste event carrying the text, as the browser fires for Ctrl+V."""
    page.locator(selector).focus()
    page.eval_on_selector(
        selector,
        """(el, text) => {
          const data = new DataTransfer();
          data.setData('text/plain', text);
          el.dispatchEvent(new ClipboardEvent('paste', {clipboardData: data, bubbles: true,
                                                        cancelable: true}));
        }""",
        text,
    )


def test_lead_pastes_an_excel_block_into_the_grid_and_saves_it(world, signed_in_page, live_server):
    indicator = IndicatorFactory(goal__priority__site=world.site_a, name="Plans with a goal")
    page = signed_in_page(world.lead_a)
    page.goto(f"{live_server.url}/pdsa/indicators/{indicator.pk}/data/add/")
    paste(page, "#id_date_0", excel_block().replace("\t62.5", "\tlots"))
    expect(page.get_by_role("status")).to_have_text("12 rows pasted into the table.")
    expect(page.get_by_label("Date, row 12", exact=True)).to_have_value("19/03/2012")
    expect(page.get_by_label("Date, row 1", exact=True)).to_have_value("02/01/2012")
    expect(page.get_by_label("Value, row 1", exact=True)).to_have_value("40")
    page.get_by_role("button", name="Add values").click()
    link = page.locator(".nhsuk-error-summary").get_by_role(
        "link", name="Row 12: “lots” is not a number."
    )
    expect(link).to_be_visible()
    assert_accessible(page)
    link.click()
    cell = page.get_by_label("Value, row 12", exact=True)
    expect(cell).to_be_focused()
    expect(cell).to_have_class("nhsuk-input nhsuk-input--error")
    assert not DataPoint.objects.exists()
    cell.fill("62,5")
    page.get_by_role("button", name="Add values").click()
    expect(page.get_by_text("12 values added.")).to_be_visible()
    saved = list(DataPoint.objects.order_by("date").values_list("date", "value"))
    assert saved == [(START + datetime.timedelta(weeks=i), float(v)) for i, v in enumerate(VALUES)]


def test_at_phone_width_the_grid_is_rows_of_labelled_boxes(world, signed_in_page, live_server):
    indicator = IndicatorFactory(goal__priority__site=world.site_a, unit="%")
    page = signed_in_page(world.lead_a)
    page.set_viewport_size({"width": 390, "height": 800})
    page.goto(f"{live_server.url}/pdsa/indicators/{indicator.pk}/data/add/")
    date = page.get_by_label("Date, row 1", exact=True)
    denominator = page.get_by_label("Denominator, row 1", exact=True)
    expect(page.locator("label[for=id_denominator_0]")).to_be_visible()
    assert denominator.bounding_box()["width"] > 250
    assert denominator.bounding_box()["y"] > date.bounding_box()["y"]
    assert_accessible(page)
