import datetime

import pytest
from django.test import Client

from pdsa.models import Cycle, DataPoint, Goal, Priority
from tests.pdsa.factories import (
    CycleFactory,
    DataPointFactory,
    GoalFactory,
    IndicatorFactory,
    PriorityFactory,
    challenge,
    completed,
)


def client_for(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def goal_data(goal, **changes):
    data = {
        "priority": goal.priority_id,
        "title": goal.title,
        "description": goal.description,
        "difficulty": goal.difficulty,
        "status": goal.status,
        "owner": "",
        "start_date": goal.start_date.isoformat(),
        "target_date": goal.target_date.isoformat(),
        "version": goal.version,
    }
    return {**data, **changes}


def test_lead_sets_priorities_and_the_site_page_checklist_counts_them(world):
    client = client_for(world.lead_a)
    response = client.post(
        "/pdsa/sites/alpha/priorities/", {"challenges": [challenge(1).pk, challenge(6).pk]}
    )
    assert response.status_code == 302
    page = client.get("/sites/alpha/").content.decode()
    assert "2-3 priority challenges agreed (2 now)" in page
    assert "Challenge 6:" in page


def test_one_priority_is_kept_only_after_confirming(world):
    client = client_for(world.lead_a)
    response = client.post("/pdsa/sites/alpha/priorities/", {"challenges": [challenge(1).pk]})
    assert "The method advises 2 or 3" in response.content.decode()
    assert not Priority.objects.exists()
    client.post(
        "/pdsa/sites/alpha/priorities/",
        {"challenges": [challenge(1).pk], "confirm_number": "on"},
    )
    assert Priority.objects.count() == 1


def test_lead_adds_a_goal_and_sees_it_with_its_history(world):
    priority = PriorityFactory(site=world.site_a)
    client = client_for(world.lead_a)
    response = client.post(
        "/pdsa/sites/alpha/goals/add/",
        {
            "priority": priority.pk,
            "title": "Recovery college open",
            "difficulty": "easy",
            "status": "in_progress",
            "start_date": "2012-01-01",
            "target_date": "2012-09-01",
        },
    )
    goal = Goal.objects.get()
    assert response["Location"] == f"/pdsa/goals/{goal.pk}/"
    page = client.get(response["Location"]).content.decode()
    assert "Recovery college open" in page
    assert "created" in page and world.lead_a.get_full_name() in page


def test_second_save_on_a_stale_goal_shows_the_conflict_and_keeps_the_typed_text(world):
    goal = GoalFactory(priority__site=world.site_a, title="Care reviews")
    lead, member = client_for(world.lead_a), client_for(world.member_a)
    form_seen_by_both = goal_data(goal)
    lead.post(f"/pdsa/goals/{goal.pk}/edit/", {**form_seen_by_both, "title": "Lead's title"})
    response = member.post(
        f"/pdsa/goals/{goal.pk}/edit/",
        {**form_seen_by_both, "description": "Member's careful paragraph"},
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert "Someone else saved this while you were editing" in page
    assert "now “Lead&#x27;s title” (was “Care reviews”)" in page
    assert "Member&#x27;s careful paragraph" in page
    goal.refresh_from_db()
    assert (goal.title, goal.description) == ("Lead's title", goal.description)
    assert 'name="version" value="2"' in page
    # Saving again, on purpose, keeps the member's version.
    member.post(
        f"/pdsa/goals/{goal.pk}/edit/",
        {
            **form_seen_by_both,
            "version": 2,
            "title": "Lead's title",
            "description": "Member's careful paragraph",
        },
    )
    goal.refresh_from_db()
    assert goal.description == "Member's careful paragraph" and goal.version == 3


def test_goal_page_shows_history_of_changes_with_old_and_new_values(world):
    goal = GoalFactory(priority__site=world.site_a, status="not_started")
    client = client_for(world.lead_a)
    client.post(f"/pdsa/goals/{goal.pk}/edit/", goal_data(goal, status="stalled"))
    page = client.get(f"/pdsa/goals/{goal.pk}/").content.decode()
    assert "Status: “Not started” → “Stalled”" in page


def test_goal_page_counts_cycle_outcomes_including_abandoned(world):
    goal = GoalFactory(priority__site=world.site_a)
    completed(goal=goal, outcome="abandon")
    completed(goal=goal, outcome="abandon")
    completed(goal=goal, outcome="adopt")
    page = client_for(world.consultant).get(f"/pdsa/goals/{goal.pk}/").content.decode()
    assert "Adopted: 1" in page and "Adapted: 0" in page and "Abandoned: 2" in page


def test_goal_page_reads_a_new_value_at_once_from_the_stored_charts(world):
    """The goal page reads its indicators' stored summaries and readings (kept under each
    indicator's data version): a value added through the service shows on the next view."""
    from pdsa import services

    indicator = IndicatorFactory(goal__priority__site=world.site_a, name="Hope", better="up")
    start = datetime.date(2012, 1, 2)
    services.data_points_add(
        indicator=indicator,
        rows=[(start + datetime.timedelta(days=day), 10 + day % 3, "") for day in range(20)],
    )
    client = client_for(world.lead_a)
    url = f"/pdsa/goals/{indicator.goal_id}/"
    page = client.get(url).content.decode()
    assert "20 values" in page and "Variation: Common cause" in page
    services.data_points_add(
        indicator=indicator, rows=[(start + datetime.timedelta(days=20), 90, "")]
    )
    page = client.get(url).content.decode()
    assert "21 values" in page and "Variation: Special cause" in page


def test_pasted_csv_with_a_bad_line_imports_nothing_and_names_the_line(world):
    indicator = IndicatorFactory(goal__priority__site=world.site_a)
    client = client_for(world.member_a)
    url = f"/pdsa/indicators/{indicator.pk}/data/import/"
    response = client.post(url, {"text": "2012-01-01,5\n2012-01-08,five\n"})
    assert "Line 2: “five” is not a number." in response.content.decode()
    assert not DataPoint.objects.exists()
    response = client.post(url, {"text": "2012-01-01,5\n2012-01-08,6,busy week\n"})
    assert response.status_code == 302
    assert DataPoint.objects.count() == 2


def test_indicator_page_lists_run_chart_signals_and_xmr_readings_in_text(world):
    indicator = IndicatorFactory(goal__priority__site=world.site_a, better="down")
    start = datetime.date(2012, 1, 1)
    values = [10, 11, 10, 9, 10, 11, 10, 9, 10, 11, 10, 10, 4, 4, 3, 4, 3, 4, 4, 3]
    for i, v in enumerate(values):
        DataPointFactory(indicator=indicator, date=start + datetime.timedelta(days=7 * i), value=v)
    page = client_for(world.lead_a).get(f"/pdsa/indicators/{indicator.pk}/").content.decode()
    assert "<svg" in page and "Median" in page
    assert "shift (6 or more points on one side of the median)" in page
    assert '<strong class="signal-ok">Improvement</strong>' in page


def test_adapt_opens_the_next_cycle_prefilled_from_this_one(world):
    cycle = CycleFactory(
        goal__priority__site=world.site_a,
        plan_done=datetime.date(2012, 1, 5),
        do_done=datetime.date(2012, 3, 1),
        study_done=datetime.date(2012, 3, 8),
    )
    indicator = IndicatorFactory(goal=cycle.goal)
    cycle.watched_indicators.add(indicator)
    client = client_for(world.lead_a)
    response = client.post(
        f"/pdsa/cycles/{cycle.pk}/act/",
        {
            "version": 1,
            "outcome": "adapt",
            "complete": "on",
            "learning": "Cards worked on one ward only.",
            "next_steps": "Try with the manager.",
        },
    )
    assert response["Location"] == f"/pdsa/goals/{cycle.goal_id}/cycles/add/?from={cycle.pk}"
    page = client.get(response["Location"]).content.decode()
    assert f"starts from cycle {cycle.number}" in page
    assert cycle.objective in page and "Try with the manager." in page
    assert f'value="{indicator.pk}"' in page and "checked" in page
    response = client.post(
        response["Location"],
        {
            "objective": cycle.objective,
            "change_idea": "Cards with the manager",
            "prediction": "More",
            "starts_on": "2012-04-01",
            "ends_on": "2012-05-01",
            "watched_indicators": [indicator.pk],
        },
    )
    new = Cycle.objects.get(adapted_from=cycle)
    assert new.adapted_from == cycle and list(new.watched_indicators.all()) == [indicator]


def test_cycle_page_shows_watched_data_of_the_cycle_dates_beside_the_study(world):
    cycle = CycleFactory(goal__priority__site=world.site_a)
    indicator = IndicatorFactory(goal=cycle.goal, name="Goals recorded")
    cycle.watched_indicators.add(indicator)
    DataPointFactory(indicator=indicator, date=datetime.date(2012, 2, 1), value=41, note="in")
    DataPointFactory(indicator=indicator, date=datetime.date(2012, 6, 1), value=99, note="out")
    page = client_for(world.consultant).get(f"/pdsa/cycles/{cycle.pk}/").content.decode()
    assert "Goals recorded" in page and ">41<" in page and ">99<" not in page


def test_stale_cycle_stage_save_is_a_conflict_not_an_overwrite(world):
    cycle = CycleFactory(goal__priority__site=world.site_a, plan_done=datetime.date(2012, 1, 5))
    lead, member = client_for(world.lead_a), client_for(world.member_a)
    lead.post(f"/pdsa/cycles/{cycle.pk}/do/", {"version": 1, "what_happened": "Lead's notes"})
    response = member.post(
        f"/pdsa/cycles/{cycle.pk}/do/", {"version": 1, "what_happened": "Member's notes"}
    )
    page = response.content.decode()
    assert "Someone else saved this" in page and "Member&#x27;s notes" in page
    cycle.refresh_from_db()
    assert cycle.what_happened == "Lead's notes"


def test_consultant_comments_on_a_cycle_and_the_team_sees_it(world):
    cycle = CycleFactory(goal__priority__site=world.site_a)
    client_for(world.consultant).post(
        f"/pdsa/cycles/{cycle.pk}/comments/", {"text": "What did carers say?"}
    )
    page = client_for(world.member_a).get(f"/pdsa/cycles/{cycle.pk}/").content.decode()
    assert "What did carers say?" in page


@pytest.mark.parametrize(
    "query, expected",
    [
        ("", {"Alpha adopt", "Beta abandon"}),
        ("?outcome=abandon", {"Beta abandon"}),
        ("?category=pilot", {"Alpha adopt"}),
        ("?q=huddles", {"Beta abandon"}),
    ],
)
def test_library_lists_completed_cycles_of_every_site_with_filters(world, query, expected):
    completed(goal=GoalFactory(priority__site=world.site_a, title="Alpha adopt"))
    completed(
        goal=GoalFactory(priority__site=world.site_b, title="Beta abandon"),
        outcome="abandon",
        change_idea="Safety huddles",
    )
    CycleFactory(goal=GoalFactory(priority__site=world.site_a, title="Alpha still running"))
    page = client_for(world.lead_b).get(f"/pdsa/library/{query}").content.decode()
    shown = {t for t in ("Alpha adopt", "Beta abandon", "Alpha still running") if t in page}
    assert shown == expected


def test_lead_of_another_site_reads_a_library_cycle_but_not_the_cycle_page(world):
    cycle = completed(goal=GoalFactory(priority__site=world.site_a))
    client = client_for(world.lead_b)
    assert client.get(f"/pdsa/library/{cycle.pk}/").status_code == 200
    assert client.get(f"/pdsa/cycles/{cycle.pk}/").status_code == 404
    assert client.post(f"/pdsa/cycles/{cycle.pk}/act/", {"version": 1}).status_code == 404


def test_home_page_lists_your_goals_for_the_site_team(world):
    GoalFactory(priority__site=world.site_a, title="Peer workers in every team")
    assert "Peer workers in every team" in client_for(world.member_a).get("/").content.decode()
    assert "Your goals" not in client_for(world.lead_b).get("/").content.decode()


def test_timeline_lists_goals_and_cycle_outcomes_newest_first(world):
    goal = GoalFactory(
        priority__site=world.site_a, title="Care reviews", start_date=datetime.date(2011, 12, 1)
    )
    completed(goal=goal, outcome="abandon", learning="Prompts were skipped.")
    page = client_for(world.organiser).get("/pdsa/sites/alpha/timeline/").content.decode()
    started = page.index("Care reviews</a>")
    outcome = page.index("Abandon. Prompts were skipped.")
    assert outcome < page.index("Cycle started</span>") < started


def test_checklist_and_timeline_count_a_self_assessment(world):
    from tests.challenges.factories import assess

    client = client_for(world.lead_a)
    page = client.get("/sites/alpha/").content.decode()
    assert "Not yet:</strong> Self-assessment against the challenges done" in page
    assess(world.site_a, [1] * 10, on=datetime.date(2012, 1, 10))
    page = client.get("/sites/alpha/").content.decode()
    assert "Done:</strong> Self-assessment against the challenges done" in page
    timeline = client.get("/pdsa/sites/alpha/timeline/").content.decode()
    assert "Self-assessment" in timeline and "10 Jan 2012" in timeline


def test_indicator_page_lists_the_latest_values_a_page_at_a_time_and_tells_a_shift_once(world):
    indicator = IndicatorFactory(goal__priority__site=world.site_a, better="up")
    start = datetime.date(2012, 1, 1)
    values = [10] * 30 + [20] * 30  # a shift below the median, then one above it
    for i, v in enumerate(values):
        DataPointFactory(indicator=indicator, date=start + datetime.timedelta(days=i), value=v)
    client = client_for(world.lead_a)

    latest = client.get(f"/pdsa/indicators/{indicator.pk}/").content.decode()
    assert "Page 2 of 2" in latest
    assert "29 Feb 2012" in latest and "1 Jan 2012</span></th>" not in latest
    assert latest.count("shift (6 or more points on one side of the median)") == 2
    assert "from 1 Jan 2012 to 30 Jan 2012 (30 points, 10 to 10)" in latest
    assert "from 31 Jan 2012 to 29 Feb 2012 (30 points, 20 to 20)" in latest

    first = client.get(f"/pdsa/indicators/{indicator.pk}/?page=1").content.decode()
    assert "1 Jan 2012</span></th>" in first and "Page 1 of 2" in first


def test_site_page_lists_each_goal_with_its_cycles_owner_dates_and_what_is_overdue(world):
    from tests.sites.factories import PersonFactory

    priority = PriorityFactory(site=world.site_a)
    owner = PersonFactory(full_name="Mary O'Neill")
    late = GoalFactory(
        priority=priority, title="Cards <for> every ward", difficulty="hard", owner=owner
    )
    CycleFactory(goal=late)
    CycleFactory(goal=late)
    completed(goal=late)
    done = GoalFactory(
        priority=priority,
        title="Welcome pack",
        status=Goal.Status.ACHIEVED,
        closed_on=datetime.date(2012, 6, 1),
    )
    page = client_for(world.lead_a).get("/sites/alpha/").content.decode()
    assert (
        f'<li><a href="/pdsa/goals/{late.pk}/">Cards &lt;for&gt; every ward</a>\n'
        '      <span class="nhsuk-tag nhsuk-tag--grey">Hard</span>\n'
        "      <span>In progress; 3 cycles (2 open); owner Mary O&#x27;Neill; target 31 Dec 2012"
        '</span> <strong class="nhsuk-tag nhsuk-tag--red">Overdue</strong>\n'
        ' <strong class="nhsuk-tag nhsuk-tag--red">2 PDSA stages overdue</strong></li>'
    ) in page
    assert (
        f'<li><a href="/pdsa/goals/{done.pk}/">Welcome pack</a>\n'
        '      <span class="nhsuk-tag nhsuk-tag--grey">Easy</span>\n'
        "      <span>Achieved on 1 Jun 2012; 0 cycles (0 open); target 31 Dec 2012</span></li>"
    ) in page
