"""The generator at a tiny scale: the counts asked for, the models' rules kept, and no
silent mixing with existing data."""

from io import StringIO

import pytest
from django.contrib.auth.models import User
from django.core.management import CommandError, call_command
from django.db.models import Count, Max

from audit.models import AuditEvent
from challenges.models import Assessment, Rating
from colleges.models import RecoveryCollege, Term
from learning_sets.models import MAX_DELEGATES_PER_SITE, Delegate, LearningSet, Workshop
from notifications.models import Notification
from pdsa.models import Cycle, DataPoint, Goal, Indicator, ProgressSnapshot
from sites.models import ProjectGroupMember, Site
from support.models import SupportLogEntry
from teams.models import Team, TeamRating

pytestmark = pytest.mark.django_db


def generate(*args) -> str:
    out = StringIO()
    call_command("generate_programme", "--sites", "5", "--seed", "7", *args, stdout=out)
    return out.getvalue()


def test_a_small_programme_has_the_counts_asked_for_and_keeps_the_rules():
    output = generate()

    assert Site.objects.count() == 5
    assert Assessment.objects.count() == 50
    assert Rating.objects.count() == 500
    assert Goal.objects.count() == 50
    assert Cycle.objects.count() == 400
    assert Indicator.objects.count() == 200
    assert DataPoint.objects.count() == 10_000
    assert Delegate.objects.count() == 200
    scored = ProgressSnapshot.objects.filter(goal__isnull=True).values("site").distinct()
    assert scored.count() == 5  # every site's progress score over time
    assert SupportLogEntry.objects.count() == 100
    assert User.objects.count() == 12
    assert LearningSet.objects.count() == 1 and Workshop.objects.count() == 6
    # The later apps' pages and the audit log are measured on data too.
    assert Team.objects.count() == 15 and TeamRating.objects.count() > 0
    assert AuditEvent.objects.count() == 2_000 and Notification.objects.count() > 0
    assert Term.objects.count() == 4 * RecoveryCollege.objects.count()
    # Cycles are numbered 1..n on each goal.
    for goal in Goal.objects.annotate(n=Count("cycles"), top=Max("cycles__number")):
        assert goal.top == (goal.n or None)
    # Never more registered delegates from one site at one workshop than the method allows.
    most = (
        Delegate.objects.filter(status="registered")
        .values("workshop", "site")
        .annotate(n=Count("pk"))
        .aggregate(most=Max("n"))["most"]
    )
    assert most <= MAX_DELEGATES_PER_SITE
    # Every completed cycle has an outcome; every site has a project lead.
    assert not Cycle.objects.filter(act_done__isnull=False, outcome="").exists()
    leads = ProjectGroupMember.objects.filter(role="project_lead").values("site").distinct()
    assert leads.count() == 5
    assert "data points" in output and "ratings" in output


def test_it_refuses_a_database_with_data_unless_forced_and_is_deterministic():
    generate()
    titles = list(Goal.objects.order_by("pk").values_list("title", flat=True))

    with pytest.raises(CommandError, match="already has sites"):
        generate()

    generate("--force")
    assert Site.objects.count() == 5
    assert list(Goal.objects.order_by("pk").values_list("title", flat=True)) == titles
