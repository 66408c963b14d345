"""Every page the permission walk visits, in one browser: axe-core clean (with
scrollable-region-focusable, again at 390 px), no wider than a 320 px viewport, and a focus
indicator of at least 3:1 on the header link, an input, a button and a link (see
``tests/browser.py``), and no "---------" choice. One page object walks them all, a role at a
time."""

from tests.browser import BROWSER_TEST, assert_accessible
from tests.page_walk import enter_as, pages_by_role

pytestmark = BROWSER_TEST


def test_every_page_of_the_walk_is_accessible_fits_a_phone_and_shows_focus(
    world, page, live_server
):
    failures, visited = [], 0
    for role, visits in pages_by_role(world).items():
        enter_as(page, live_server, world, role)
        for visit in visits:
            response = page.goto(f"{live_server.url}{visit.url}")
            if response.status != 200:
                failures.append(f"{visit.url} ({visit.name}) as {role}: {response.status}")
                continue
            visited += 1
            if "---------" in page.content():
                failures.append(f"as {role}, {visit.name}: '---------' instead of a prompt")
            try:
                assert_accessible(page)
            except AssertionError as problem:
                failures.append(f"as {role}, {visit.name}: {problem}")
    assert visited > 50, f"only {visited} pages walked"
    assert not failures, f"{len(failures)} of {visited} pages:\n" + "\n\n".join(failures)
