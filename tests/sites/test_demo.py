import pytest
from django.core.management import call_command

from pdsa.models import Goal
from sites.models import ProjectGroupMember, Site

pytestmark = pytest.mark.django_db


def test_demo_loads_the_named_sites_with_their_categories_and_can_run_twice():
    call_command("load_demo")
    call_command("load_demo")
    counts = {c: Site.objects.filter(category=c).count() for c in Site.Category.values}
    assert counts == {"demonstration": 6, "pilot": 6, "network": 15}
    devon = Site.objects.get(name="Devon Partnership NHS Trust")
    assert devon.project_group.get(role="project_lead").person.user.username == "lead"
    # six from the sites step and a peer worker (staff with lived experience) from co-production
    assert ProjectGroupMember.objects.filter(site=devon).count() == 7
    # A site that left the programme, and goals the sites closed, each with its note.
    mayo = Site.objects.get(name="County Mayo Mental Health Services")
    assert not mayo.is_active and mayo.archived_on and mayo.archive_reason
    closed = Goal.objects.filter(closed_on__isnull=False).exclude(closing_note="")
    assert set(closed.values_list("status", flat=True)) == {"achieved", "abandoned"}
