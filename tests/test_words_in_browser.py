"""Words stay whole at desktop width and every page still reflows at 320 px (WCAG 1.4.10):
every page of the permission walk at 1280 px has no word split across two lines (each word's
rendered line boxes are compared), and at 320 px none scrolls sideways."""

from tests.browser import BROWSER_TEST, NARROWEST, broken_words, overflow_at
from tests.page_walk import enter_as, pages_by_role

pytestmark = BROWSER_TEST


def test_no_page_of_the_walk_breaks_a_word_at_1280_px_or_scrolls_sideways_at_320_px(
    world, page, live_server
):
    failures, visited = [], 0
    for role, visits in pages_by_role(world).items():
        enter_as(page, live_server, world, role)
        for visit in visits:
            page.set_viewport_size({"width": 1280, "height": 900})
            if page.goto(f"{live_server.url}{visit.url}").status != 200:
                continue
            visited += 1
            broken = broken_words(page)
            if broken:
                failures.append(f"as {role}, {visit.url}: {len(broken)} broken: {broken[:8]}")
            wide = overflow_at(page, NARROWEST)
            if wide:
                failures.append(f"as {role}, {visit.url}: {wide}")
    assert visited > 50, f"only {visited} pages walked"
    assert not failures, f"{len(failures)} of {visited} pages:\n" + "\n".join(failures)
