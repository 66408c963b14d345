"""A site's indicators and its timeline a page at a time: 25 indicators (sorted, filtered by
challenge or words, the whole filtered list as CSV) and 50 events newest first (filtered by
kind), each at a number of queries that does not grow with the site's work; a bad filter
value is told in the page's one error summary."""

import csv
import datetime
import io
import re

import pytest

from pdsa import services
from pdsa.models import DataPoint
from tests.pdsa.factories import CycleFactory, GoalFactory, IndicatorFactory, PriorityFactory
from tests.pdsa.factories import challenge as challenge_numbered

from .test_views import client_for

pytestmark = pytest.mark.django_db
START = datetime.date(2025, 1, 6)
INDICATORS_QUERIES = 9  # session, user, site, challenges, count, page, chart results (3)
# With the signal filter or sort: the data versions, then (when one changed) the indicators and
# their chart summaries (3).
SIGNAL_QUERIES = INDICATORS_QUERIES + 1
SIGNAL_QUERIES_AFTER_A_CHANGE = SIGNAL_QUERIES + 4
TIMELINE_QUERIES = 10  # session, user, site, count, page, assessments, goals, priorities, cycles


def indicators(site, n, *, challenge=1, name="Peer contacts"):
    goal = GoalFactory(
        priority=PriorityFactory(site=site, challenge=challenge_numbered(challenge)),
        title=f"Goal under {challenge}",
    )
    made = []
    for i in range(n):
        indicator = IndicatorFactory(goal=goal, name=f"{name} {i:02d}", target=12)
        DataPoint.objects.bulk_create(
            DataPoint(indicator=indicator, date=START + datetime.timedelta(weeks=w), value=v)
            for w, v in enumerate([10, 12] * (i % 3 + 2))
        )
        made.append(indicator)
    return made


def rows_of(page: str) -> list[str]:
    table = page.split('id="site-indicators"')[1].split("</table>")[0]
    return re.findall(r'scope="row".*?<a href="/pdsa/indicators/\d+/">([^<]+)</a>', table)


def csv_rows(response) -> list[list[str]]:
    assert response["Content-Type"].startswith("text/csv")
    return list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode("utf-8-sig"))))


@pytest.mark.parametrize("n", [2, 30])
def test_the_indicators_show_25_a_page_at_constant_queries_and_the_csv_has_them_all(
    world, django_assert_max_num_queries, n
):
    indicators(world.site_a, n)
    client = client_for(world.lead_a)
    with django_assert_max_num_queries(INDICATORS_QUERIES):
        page = client.get("/pdsa/sites/alpha/indicators/").content.decode()
    assert len(rows_of(page)) == min(n, 25)
    assert ("Page 1 of 2" in page) == (n == 30)
    with django_assert_max_num_queries(SIGNAL_QUERIES_AFTER_A_CHANGE):
        client.get("/pdsa/sites/alpha/indicators/", {"signal": "yes", "sort": "signal"})
    with django_assert_max_num_queries(SIGNAL_QUERIES):
        client.get("/pdsa/sites/alpha/indicators/", {"signal": "yes", "sort": "signal"})
    assert f"{n} indicators" in page
    if n == 30:
        second = client.get("/pdsa/sites/alpha/indicators/", {"page": 2}).content.decode()
        assert rows_of(second) == [f"Peer contacts {i}" for i in range(25, 30)]
    rows = csv_rows(client.get("/pdsa/sites/alpha/indicators.csv"))
    assert rows[0][:3] == ["Challenge", "Goal", "Indicator"]
    assert len(rows) == n + 1
    # The first indicator's values are 10, 12, 10, 12 a week apart from START.
    assert rows[1] == ["1", "Goal under 1", "Peer contacts 00", "%", "Higher is better", "12.0",
                       "2025-01-27", "12.0", "4", "Common cause variation",
                       "Trial limits cannot judge the target: needs 8 more values"]  # fmt: skip


def test_the_indicators_sort_and_filter_by_challenge_or_words_and_a_bad_value_is_told(world):
    indicators(world.site_a, 3, challenge=3, name="Waiting days")
    indicators(world.site_a, 2, challenge=1)
    indicators(world.site_b, 2, challenge=3, name="Elsewhere")
    client = client_for(world.lead_a)

    def names(**params):
        return rows_of(client.get("/pdsa/sites/alpha/indicators/", params).content.decode())

    # By challenge, then goal and name, unless sorted otherwise.
    assert names() == [*(f"Peer contacts {i:02d}" for i in range(2)), "Waiting days 00",
                       "Waiting days 01", "Waiting days 02"]  # fmt: skip
    assert names(sort="-indicator")[0] == "Waiting days 02"
    assert names(challenge=challenge_numbered(3).pk) == [f"Waiting days {i:02d}" for i in range(3)]
    assert names(q="peer 01") == ["Peer contacts 01"]
    assert names(q="under 3") == [f"Waiting days {i:02d}" for i in range(3)]
    page = client.get("/pdsa/sites/alpha/indicators/", {"sort": "-goal"}).content.decode()
    assert re.search(r'aria-sort="descending"[^>]*><a href="\?sort=goal">Goal', page)
    # A challenge the site has no priority under is no choice: the one summary says so and
    # links to the drop-down, and the list is not filtered.
    bad = client.get("/pdsa/sites/alpha/indicators/", {"challenge": 999}).content.decode()
    assert bad.count('class="nhsuk-error-summary"') == 1
    summary = bad.split('class="nhsuk-error-summary"')[1].split("</ul>")[0]
    assert 'href="#id_challenge"' in summary and "valid choice" in summary
    assert len(rows_of(bad)) == 5
    # A point outside the limits is a signal: the only one with a signal, and first by signal.
    spike = IndicatorFactory(goal__priority__site=world.site_a, name="Spiking", target=12)
    DataPoint.objects.bulk_create(
        DataPoint(indicator=spike, date=START + datetime.timedelta(weeks=w), value=v)
        for w, v in enumerate([10, 12] * 6 + [30])
    )
    assert names(signal="yes") == ["Spiking"]
    assert names(sort="signal")[0] == "Spiking"
    assert names(sort="-signal")[-1] == "Spiking"
    # A new value is read at once: the spike's signal ends with a value back within limits.
    DataPoint.objects.create(indicator=spike, date=START + datetime.timedelta(weeks=13), value=11)
    services.charts_changed(indicator_ids=[spike.pk])  # as every write of a value does
    assert names(signal="yes") == []
    # The CSV keeps the filter.
    rows = csv_rows(client.get("/pdsa/sites/alpha/indicators.csv", {"q": "waiting"}))
    assert [row[2] for row in rows[1:]] == [f"Waiting days {i:02d}" for i in range(3)]


def events(site, goals: int, cycles: int):
    for g in range(goals):
        goal = GoalFactory(
            priority__site=site,
            title=f"Goal {g:02d}",
            start_date=datetime.date(2012, 1, 1) + datetime.timedelta(days=g),
        )
        for c in range(cycles):
            CycleFactory(
                goal=goal,
                number=c + 1,
                starts_on=goal.start_date + datetime.timedelta(days=30 + c),
                act_done=goal.start_date + datetime.timedelta(days=60 + c),
                outcome="adopt",
                learning="Cards work.",
            )


def timeline_titles(page: str) -> list[tuple[str, str]]:
    listed = page.split('class="nhsuk-list nhsuk-list--border timeline"')[1].split("</ol>")[0]
    return re.findall(r'nhsuk-tag--grey">([^<]+)</span>\s*(?:<a href="[^"]+">)?([^<]+)', listed)


@pytest.mark.parametrize("goals, cycles", [(1, 1), (12, 4)])
def test_the_timeline_shows_50_events_newest_first_at_constant_queries(
    world, django_assert_max_num_queries, goals, cycles
):
    from tests.challenges.factories import assess

    assess(world.site_a, [1] * 10, on=datetime.date(2013, 6, 1))
    events(world.site_a, goals, cycles)
    client = client_for(world.lead_a)
    with django_assert_max_num_queries(TIMELINE_QUERIES):
        page = client.get("/pdsa/sites/alpha/timeline/").content.decode()
    total = 1 + goals * (1 + 2 * cycles)
    assert f"{total} events, newest first" in page
    listed = timeline_titles(page)
    assert len(listed) == min(total, 50)
    assert listed[0] == ("Assessment", "Self-assessment")  # 2013, after every goal's work
    assert listed[-1][0] == ("Goal" if total <= 50 else "Cycle started")  # 1 + 48 outcomes + 1
    dates = re.findall(r'<time class="imroc-strong" datetime="([\d-]+)"', page)
    assert dates == sorted(dates, reverse=True)
    if total > 50:
        last = client.get("/pdsa/sites/alpha/timeline/", {"page": 3}).content.decode()
        assert timeline_titles(last)[-1] == ("Goal", "Goal 00")
        assert 'rel="prev"' in last and 'rel="next"' not in last


def test_the_timeline_filters_by_kind_and_tells_a_bad_kind(world):
    events(world.site_a, 2, 2)
    events(world.site_b, 1, 1)
    client = client_for(world.lead_a)
    page = client.get("/pdsa/sites/alpha/timeline/", {"kind": "outcome"}).content.decode()
    assert "4 events" in page
    assert {kind for kind, _ in timeline_titles(page)} == {"Cycle outcome"}
    page = client.get("/pdsa/sites/alpha/timeline/", {"kind": "closed"}).content.decode()
    assert "No events of that kind" in page
    bad = client.get("/pdsa/sites/alpha/timeline/", {"kind": "everything"}).content.decode()
    assert bad.count('class="nhsuk-error-summary"') == 1
    summary = bad.split('class="nhsuk-error-summary"')[1].split("</ul>")[0]
    assert 'href="#id_kind"' in summary
    assert "10 events" in bad  # every kind, as with no filter
