"""The dashboard's figures on a small programme whose numbers are known, the filters, the
drill-down lists and the CSV exports."""

import csv
import io

import pytest

from .programme import PERIOD, build


def figures(response, key) -> dict[str, list]:
    """A table as the user reads it: row label -> the other cells' text."""
    table = response.context["tables"][key]
    return {str(row[0].text): [cell.text for cell in row[1:]] for row in table.rows}


@pytest.fixture
def programme(world):
    return build(world)


@pytest.fixture
def consultant(client, world):
    client.force_login(world.consultant)
    return client


def test_overview_shows_the_programmes_figures(programme, consultant):
    response = consultant.get("/dashboard/", PERIOD)
    assert response.status_code == 200
    status = figures(response, "status")
    assert status["Pilot"] == [1, 0, 0, 0, 1]  # on track, concerns, off track, none, all
    assert status["Demonstration"] == [0, 0, 1, 0, 1]
    assert status["Network"] == [0, 0, 0, 1, 1]
    goals = figures(response, "goals")
    assert goals["Stalled"] == [1] and goals["Achieved"] == [1] and goals["All goals"] == [3]
    cycles = figures(response, "cycles")
    assert cycles["Plan"] == [1] and cycles["Complete"] == [2] and cycles["Overdue stage"] == [1]
    done = figures(response, "completed")
    assert done["Abandon"] == [1] and done["Adopt"] == [0] and done["All completed"] == [1]
    support = figures(response, "support")
    assert support["Site visit"][:2] == [2, 2] and support["Phone advice"][0] == 1
    assert "Email advice" not in support  # given before the period
    attendance = figures(response, "attendance")
    assert attendance["Delegates who attended"] == [4]
    assert attendance["Of whom service users or carers"] == [2]
    assert attendance["Share of service users and carers"] == ["50%"]
    outcomes = figures(response, "outcomes")
    assert outcomes["Peer support workers (head count)"] == [6]
    assert outcomes["Recovery colleges open"] == [1]
    assert outcomes["Recovery colleges planned"] == [1]
    assert outcomes["Co-produced training courses"] == [1]
    assert outcomes["Service users attending training"] == [5]
    assert outcomes["Risk policy reviews under way"] == [1]
    page = response.content.decode()
    assert "Peer workers on every ward" in page  # listed as stalled and overdue


def test_filters_change_the_figures(programme, consultant, world):
    pilot = consultant.get("/dashboard/", {**PERIOD, "category": "pilot"})
    assert list(figures(pilot, "status")) == ["Pilot"]
    assert figures(pilot, "outcomes")["Peer support workers (head count)"] == [4]
    assert figures(pilot, "goals")["All goals"] == [2]
    mine = consultant.get("/dashboard/", {**PERIOD, "consultant": world.consultant.pk})
    assert figures(mine, "support")["All support"][0] == 2  # only site A is theirs
    later = consultant.get("/dashboard/", {"date_from": "2012-04-01", "date_to": "2012-06-30"})
    assert figures(later, "completed")["All completed"] == [0]
    assert figures(later, "attendance")["Delegates who attended"] == [0]
    in_set = consultant.get(
        "/dashboard/", {**PERIOD, "learning_set": programme["workshop"].learning_set.pk}
    )
    assert figures(in_set, "status")["Network"][-1] == 0  # Gamma is in no learning set
    assert figures(in_set, "attendance")["Delegates who attended"] == [4]


@pytest.mark.parametrize(
    "query, message",
    [
        ({"date_from": "2012-13-45"}, "must be a real date"),
        ({"date_from": "2012-04-01", "date_to": "2012-01-01"}, "must end on or after"),
        ({"category": "galaxy"}, "from the list"),
        ({"consultant": "abc"}, "from the list"),
    ],
)
def test_bad_filters_show_a_form_error_not_a_500(consultant, world, query, message):
    for url in ("/dashboard/", "/dashboard/heatmap/", "/dashboard/list/goals/"):
        response = consultant.get(url, query)
        assert response.status_code == 200
        assert message in response.content.decode()
        assert "tables" not in response.context
    assert consultant.get("/dashboard/csv/goals/", query).status_code == 400


def test_drill_down_lists_match_their_figures(programme, consultant):
    response = consultant.get("/dashboard/", PERIOD)
    for key, label, column in [
        ("goals", "Stalled", 0),
        ("cycles", "Overdue stage", 0),
        ("completed", "Abandon", 0),
        ("support", "Site visit", 0),
        ("attendance", "Of whom service users or carers", 0),
        ("outcomes", "Risk policy reviews done", 0),
        ("status", "Network", 3),
    ]:
        table = response.context["tables"][key]
        row = next(r for r in table.rows if r[0].text == label)
        cell = row[column + 1]
        listed = consultant.get(cell.url)
        assert listed.status_code == 200
        assert listed.context["page"].paginator.count == cell.text, (key, label)


def test_unknown_figure_parameters_list_nothing(programme, consultant):
    response = consultant.get("/dashboard/list/goals/", {"status": "bogus"})
    assert response.context["page"].paginator.count == 0
    assert consultant.get("/dashboard/list/nonsense/").status_code == 404


def read_csv(response) -> list[list[str]]:
    assert response["Content-Type"].startswith("text/csv")
    return list(csv.reader(io.StringIO(response.content.decode())))


def test_csv_exports_hold_the_tables_rows(programme, consultant):
    rows = read_csv(consultant.get("/dashboard/csv/goals/", PERIOD))
    assert rows[0] == ["Status", "Goals"]
    assert ["Stalled", "1"] in rows and ["All goals", "3"] in rows
    rows = read_csv(consultant.get("/dashboard/list/goals/csv/", {**PERIOD, "status": "stalled"}))
    assert rows[0][:2] == ["Goal", "Site"]
    assert rows[1][:2] == ["Peer workers on every ward", "Alpha Partnership NHS Trust"]
    assert len(rows) == 2
    heatmap = read_csv(consultant.get("/dashboard/csv/heatmap/", PERIOD))
    assert heatmap[0][:4] == ["Site", "Category", "Latest review", "1 Interactions"]
    assert len(heatmap) == 4  # header + three sites


def test_heatmap_gives_the_stage_number_in_each_cell(programme, consultant, world):
    from tests.challenges.factories import assess

    assess(world.site_a, [1, 2, 3, 0, 1, 2, 3, 0, 1, 2])
    response = consultant.get("/dashboard/heatmap/", PERIOD)
    row = next(r for r in response.context["table"].rows if r[0].text == world.site_a.name)
    assert [cell.text for cell in row[3:]] == [1, 2, 3, 0, 1, 2, 3, 0, 1, 2]
    assert row[2].text == "On track"
    page = response.content.decode()
    assert "10</span> Life beyond illness</th>" in page
    assert "How to read the heatmap" in page


def test_nav_and_home_link_the_dashboard_for_staff_only(client, world):
    client.force_login(world.consultant)
    assert 'href="/dashboard/"' in client.get("/").content.decode()
    client.force_login(world.lead_a)
    assert 'href="/dashboard/"' not in client.get("/").content.decode()


def test_the_heatmap_shows_a_hundred_sites_a_page_and_keeps_the_filter(client, world):
    from tests.sites.factories import SiteFactory

    SiteFactory.create_batch(120, category="network")
    client.force_login(world.consultant)
    first = client.get("/dashboard/heatmap/", {"category": "network"}).content.decode()
    assert first.count('<th scope="row"') == 100
    assert "Page 1 of 2" in first
    assert "?category=network&amp;date_from=" in first and "&amp;page=2" in first
    second = client.get("/dashboard/heatmap/", {"category": "network", "page": 2}).content.decode()
    assert second.count('<th scope="row"') == 20
    csv = client.get("/dashboard/csv/heatmap/", {"category": "network"}).content.decode()
    assert len(csv.strip().splitlines()) == 121
