"""A demo site's archive loads into an emptied database with nothing lost: the same rows of
every kind, the same text, values, notes, evidence, times and history."""

import io
import zipfile

import pytest
from django.apps import apps
from django.core.management import call_command
from django.core.management.color import no_style
from django.db import connection

from pdsa.models import Comment, Cycle, DataPoint, Goal
from site_exports.archive import site_archive
from site_exports.registry import shared_entries, site_entries
from sites.models import Site

pytestmark = pytest.mark.django_db

DEVON = "devon-partnership-nhs-trust"


def empty_the_database() -> None:
    """Every table emptied, the framework and topics the migrations seeded included: what
    the import needs it must find in the archive. (The test's transaction restores it.)"""
    tables = connection.introspection.django_table_names(only_existing=True)
    connection.check_constraints()  # what the demo wrote first, on any backend
    with connection.cursor() as cursor:
        for sql in connection.ops.sql_flush(no_style(), tables, allow_cascade=True):
            cursor.execute(sql)


def a_college_with_a_check_and_a_course(site) -> None:
    """The demo's two-year self-check is another site's: Devon's college gets one here."""
    from colleges.services import course_save
    from tests.colleges.factories import check, college, term

    devon_college = college(site, name="Devon Recovery College (round trip)")
    check(devon_college, scores=(2, 1, 0, 2, 1, 2, 1))
    course_save(term=term(devon_college), title="=Recovery and me", co_produced=True, sessions=6)


def snapshot(site) -> dict:
    """What a person would check: the text of each cycle's four stages, every value and
    note, the evidence of each rating, who recorded what and when."""
    cycles = Cycle.objects.filter(goal__priority__site=site)
    return {
        "cycles": sorted(
            (
                c.goal.title,
                c.number,
                c.objective,
                c.change_idea,
                c.prediction,
                c.what_happened,
                c.observations,
                c.problems,
                c.results,
                c.outcome,
                c.learning,
                c.next_steps,
                c.plan_done,
                c.act_done,
                c.created,
                c.adapted_from.number if c.adapted_from else None,
                tuple(sorted(i.name for i in c.watched_indicators.all())),
            )
            for c in cycles
        ),
        "cycle_teams": sorted(
            (m.cycle.goal.title, m.cycle.number, m.person.full_name, m.perspective)
            for m in apps.get_model("pdsa.CycleTeamMember").objects.filter(
                cycle__goal__priority__site=site
            )
        ),
        "values": sorted(
            (p.indicator.name, p.date, p.value, p.note, p.numerator, p.denominator)
            for p in DataPoint.objects.filter(indicator__goal__priority__site=site)
        ),
        "evidence": sorted(
            (
                r.assessment.assessed_on,
                r.challenge.framework.version,
                r.challenge.number,
                r.stage.name,
                r.evidence,
                r.strengths,
                r.areas_to_improve,
            )
            for assessment in site.assessments.all()
            for r in assessment.ratings.all()
        ),
        "phases": sorted(
            (p.indicator.name, p.starts_on, p.reason, p.cycle.number if p.cycle else None)
            for p in apps.get_model("pdsa.Phase").objects.filter(
                indicator__goal__priority__site=site
            )
        ),
        "comments": sorted(
            (c.author.username, c.text, c.created, c.goal.title if c.goal else None)
            for c in Comment.objects.all()
        ),
        "goal_history": sorted(
            (h.title, h.status, h.history_type, h.history_date)
            for h in Goal.history.filter(priority__site=site)
        ),
        "group": sorted(
            (
                m.person.full_name,
                m.person.user.username if m.person.user else None,
                m.role,
                m.perspective,
            )
            for m in site.project_group.all()
        ),
        "actions": sorted(
            (a.action, a.owner_label, a.done, a.done_note, a.review.progress)
            for a in apps.get_model("support.ReviewAction").objects.filter(review__site=site)
        ),
        "delegates": sorted(
            (d.full_name, d.workshop.learning_set.name, d.workshop.number, d.attended, d.token)
            for d in site.delegates.all()
        ),
        "fidelity": sorted(
            (
                check.college.name,
                check.checked_on,
                check.score,
                tuple(sorted(check.features.values_list("feature", "status"))),
            )
            for check in apps.get_model("colleges.FidelityCheck").objects.filter(college__site=site)
        ),
        "team_plans": sorted(
            (
                a.team.name,
                a.what,
                a.status,
                a.owner_person.full_name if a.owner_person else a.owner_name,
            )
            for a in apps.get_model("teams.TeamAction").objects.filter(team__site=site)
        ),
        "team_ratings": sorted(
            (r.assessment.team.name, r.assessment.assessed_on, r.item, r.rating, r.evidence)
            for r in apps.get_model("teams.TeamRating").objects.filter(assessment__team__site=site)
        ),
        "courses": sorted(
            (c.term.college.name, c.term.name, c.term.students, c.title, c.co_produced)
            for c in apps.get_model("colleges.Course").objects.filter(term__college__site=site)
        ),
        "learning_sets": sorted(site.learning_sets.values_list("name", flat=True)),
        "consultants": sorted(
            (u.username, sorted(u.groups.values_list("name", flat=True)))
            for u in site.consultants.all()
        ),
        "site": (site.name, site.category, site.region, site.date_joined, site.last_activity),
    }


def test_a_demo_sites_archive_loads_into_an_empty_database_with_nothing_lost(tmp_path):
    call_command("load_demo", stdout=io.StringIO())
    site = Site.objects.get(slug=DEVON)
    goal = Goal.objects.filter(priority__site=site).first()
    lead = site.project_group.get(role="project_lead").person.user
    Comment.objects.create(author=lead, goal=goal, text="=SUM(A1) we met the first target")
    Comment.objects.create(author=lead, cycle=goal.cycles.first(), text="Ward staff asked for more")
    a_college_with_a_check_and_a_course(site)
    before = snapshot(site)
    counts = {e.label: e.rows(site).count() for e in site_entries()}
    assert all(counts.values()), "the demo site shows every kind of record"

    archive, archived = site_archive(site)
    assert archived == counts
    path = tmp_path / "devon.zip"
    path.write_bytes(archive)

    empty_the_database()
    assert not Site.objects.exists() and not Goal.objects.exists()
    out = io.StringIO()
    call_command("import_site", str(path), stdout=out)
    assert "Loaded Devon Partnership NHS Trust" in out.getvalue()

    site = Site.objects.get(slug=DEVON)
    for entry in site_entries():  # the database holds only the imported site
        assert entry.model._base_manager.count() == counts[entry.label], entry.label
    assert snapshot(site) == before


def test_the_archive_holds_a_csv_per_kind_with_formulas_neutralised(world):
    from tests.pdsa.factories import GoalFactory

    GoalFactory(priority__site=world.site_a, title='=HYPERLINK("http://x")')
    archive, _ = site_archive(world.site_a)
    with zipfile.ZipFile(io.BytesIO(archive)) as opened:
        names = set(opened.namelist())
        goals = opened.read("csv/Goals.csv").decode()
    assert {
        "site.json",
        "README.txt",
        "csv/Project group members.csv",
        "csv/Data points.csv",
    } <= names
    assert "'=HYPERLINK" in goals


def test_the_archives_csvs_open_in_excel_and_the_archive_still_loads(world, tmp_path):
    """UTF-8 with a byte-order mark (Excel on Windows reads it as UTF-8), plain double quotes
    only where a cell needs them, formulas still neutralised; the importer reads the archive,
    even one whose site.json was saved again with a byte-order mark."""
    import csv
    import json

    from tests.pdsa.factories import GoalFactory

    GoalFactory(priority__site=world.site_a, title='Beds, wards and "step-down" – Bangor')
    GoalFactory(priority__site=world.site_a, title="=1+1")
    archive, _ = site_archive(world.site_a)
    with zipfile.ZipFile(io.BytesIO(archive)) as opened:
        raw = {name: opened.read(name) for name in opened.namelist()}
    for name, data in raw.items():
        if name.endswith(".csv"):
            assert data.startswith(b"\xef\xbb\xbf"), name
            assert not data.startswith(b"\xef\xbb\xbf\xef\xbb\xbf"), name
    goals = raw["csv/Goals.csv"].decode("utf-8-sig")
    assert '"Beds, wards and ""step-down"" – Bangor"' in goals
    assert "“" not in goals and "”" not in goals
    titles = {row["Title"] for row in csv.DictReader(io.StringIO(goals))}
    assert {'Beds, wards and "step-down" – Bangor', "'=1+1"} <= titles

    with_bom = tmp_path / "alpha.zip"
    with zipfile.ZipFile(with_bom, "w") as rewritten:
        for name, data in raw.items():
            if name == "site.json":
                data = b"\xef\xbb\xbf" + json.dumps(json.loads(data)).encode()
            rewritten.writestr(name, data)
    Goal.objects.filter(priority__site=world.site_a).delete()
    world.site_a.delete()
    call_command("import_site", str(with_bom), stdout=io.StringIO())
    assert set(
        Goal.objects.filter(priority__site__slug="alpha").values_list("title", flat=True)
    ) == {
        'Beds, wards and "step-down" – Bangor',
        "=1+1",
    }


def test_every_model_pointing_at_a_site_is_exported_or_deliberately_left_out():
    """A new app's model with a site of its own must say what of it a site exports."""
    left_out = {
        "accounts.invitation",  # single-use sign-up links
        "api.apitoken",  # access tokens
        "learning_sets.registrationlink",  # access tokens
        "learning_sets.agendaitem",  # the learning set's day, not the site's
        "learning_sets.workshopmessage",  # the organiser's messages about a workshop
        "reports.report",  # generated files
        "site_exports.siteexport",  # the archives themselves
    }
    exported = {entry.label for entry in site_entries()}
    exported |= {entry.label for entry in shared_entries() if entry.of_site}  # its sets
    pointing = {
        model._meta.label_lower
        for model in apps.get_models()
        if any(
            f.is_relation and f.related_model is Site and f.concrete
            for f in model._meta.get_fields()
        )
    }
    assert pointing - exported - left_out == set()


def test_an_archive_loads_beside_other_sites_reusing_accounts_and_the_framework(world, tmp_path):
    """Into a database that has the programme already: the accounts, their people and the
    framework are found by natural key, not duplicated, and no one's roles change."""
    from django.contrib.auth import get_user_model

    from tests.pdsa.factories import DataPointFactory

    point = DataPointFactory(indicator__goal__priority__site=world.site_a, note="After the 1st")
    path = tmp_path / "alpha.zip"
    path.write_bytes(site_archive(world.site_a)[0])
    users = get_user_model().objects.count()
    Goal.objects.filter(priority__site=world.site_a).delete()  # a priority's goals protect it
    world.site_a.delete()
    call_command("import_site", str(path), stdout=io.StringIO())
    site = Site.objects.get(slug="alpha")
    assert get_user_model().objects.count() == users
    assert site.project_group.get(role="project_lead").person.user == world.lead_a
    assert DataPoint.objects.get(indicator__goal__priority__site=site).note == "After the 1st"
    assert (
        DataPoint.objects.get().indicator.goal.priority.challenge
        == point.indicator.goal.priority.challenge
    )


def test_an_archive_of_a_site_already_here_or_not_an_archive_is_refused(world, tmp_path):
    from django.core.management.base import CommandError

    path = tmp_path / "alpha.zip"
    path.write_bytes(site_archive(world.site_a)[0])
    with pytest.raises(CommandError, match="already in this database"):
        call_command("import_site", str(path))
    path.write_bytes(b"not a zip")
    with pytest.raises(CommandError, match="Not loaded"):
        call_command("import_site", str(path))
