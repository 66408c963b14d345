"""A re-assessment starts from the previous one, challenge by challenge across versions, and
shows what changed; the administrator words the stages and names the current version."""

import datetime

from django.urls import reverse

from challenges.models import Framework, StageDescriptor
from challenges.services import framework_make_current

from .factories import assess

EARLY = datetime.date(2011, 6, 1)


def use_2012():
    return framework_make_current(framework=Framework.objects.get(version="2012"))


def new_url(site):
    return reverse("challenges:assessment-create", kwargs={"slug": site.slug})


def selected_stage(form, number):
    return form.ratings.forms[number - 1]["stage"].value()


def test_a_re_assessment_is_pre_filled_from_the_latest_by_challenge_across_versions(client, world):
    # 2009: workforce is 6 (stage 3), risk is 7 (stage 0)
    earlier = assess(world.site_a, [1, 1, 1, 1, 1, 3, 0, 1, 1, 1], on=EARLY)
    earlier.ratings.filter(challenge__key="workforce").update(evidence="Twelve peer workers.")
    v2012 = use_2012()
    client.force_login(world.lead_a)
    response = client.get(new_url(world.site_a))
    entry = response.context["entry"]
    stages = {stage.pk: stage.rank for stage in v2012.stages.all()}
    assert stages[selected_stage(entry, 8)] == 3  # workforce, now 8
    assert stages[selected_stage(entry, 6)] == 0  # risk, now 6
    assert entry.ratings.forms[7]["evidence"].value() == "Twelve peer workers."
    page = response.content.decode()
    assert "Re-assessment" in page
    assert "challenge by challenge (the numbers differ between versions)" in page
    assert "(as challenge 6 of 2009)" in page


def test_the_form_marks_a_changed_stage_in_words_when_it_comes_back(client, world):
    assess(world.site_a, [2] * 10, on=EARLY)
    client.force_login(world.lead_a)
    framework = Framework.objects.current()
    stages = {stage.rank: stage.pk for stage in framework.stages.all()}
    data = {
        "assessed_on": "",  # missing, so the form comes back
        "rating-TOTAL_FORMS": "10",
        "rating-INITIAL_FORMS": "0",
        "guest-TOTAL_FORMS": "0",
        "guest-INITIAL_FORMS": "0",
        **{f"rating-{i}-stage": stages[2] for i in range(10)},
        "rating-0-stage": stages[3],
    }
    page = client.post(new_url(world.site_a), data).content.decode()
    assert page.count("Changed from 2 Development") == 1


def test_the_assessment_page_shows_what_changed_since_the_one_before(client, world):
    assess(world.site_a, [1, 1, 1, 1, 1, 2, 1, 1, 1, 1], on=EARLY)
    use_2012()
    later = assess(world.site_a, [1, 1, 1, 1, 1, 1, 1, 3, 1, 1])
    client.force_login(world.member_a)
    page = client.get(later.get_absolute_url()).content.decode()
    assert page.count("Changed from 2 Development") == 1
    assert "(was challenge 6 in 2009)" in page
    assert "Ongoing development: peer workers in many roles" in page  # what 3 means here
    assert page.count("Same as last time") == 9
    site_page = client.get(world.site_a.get_absolute_url()).content.decode()
    assert "(on the 2009 framework, compared challenge by challenge, not by number)" in site_page
    assert "up from 2 Development, as challenge 6 in 2009" in site_page


def test_the_administrator_words_what_each_stage_means_for_a_challenge(client, world):
    challenge = Framework.objects.get(version="2012").challenges.get(number=8)
    url = reverse("challenges:descriptors-edit", kwargs={"version": "2012", "number": 8})
    client.force_login(world.admin)
    data = {"stage-TOTAL_FORMS": "4", "stage-INITIAL_FORMS": "0"}
    data |= {f"stage-{i}-text": f"Level {i} for peer workers" for i in range(4)}
    assert client.post(url, data).status_code == 302
    assert list(
        StageDescriptor.objects.filter(challenge=challenge).values_list("text", flat=True)
    ) == [f"Level {i} for peer workers" for i in range(4)]
    data["stage-1-text"] = "x" * 601
    page = client.post(url, data).content.decode()
    assert "Keep “1 Engagement” to 600 characters or fewer." in page
    client.force_login(world.lead_a)
    assert client.post(url, data).status_code == 403


def test_a_tampered_descriptor_count_is_a_form_error_not_a_500(client, world):
    url = reverse("challenges:descriptors-edit", kwargs={"version": "2009", "number": 1})
    client.force_login(world.admin)
    response = client.post(url, {"stage-TOTAL_FORMS": "99999999", "stage-INITIAL_FORMS": "0"})
    assert response.status_code == 200
    assert "There is a problem" in response.content.decode()


def test_the_administrator_names_the_current_version(client, world):
    client.force_login(world.admin)
    response = client.post("/challenges/2012/make-current/")
    assert response.status_code == 302
    assert Framework.objects.current().version == "2012"
    assert Framework.objects.filter(is_current=True).count() == 1
    client.force_login(world.lead_a)
    assert client.post("/challenges/2009/make-current/").status_code == 403


def test_the_history_says_how_many_challenges_moved_by_challenge_across_versions(client, world):
    assess(world.site_a, [1, 1, 1, 1, 1, 2, 1, 1, 1, 1], on=EARLY)
    use_2012()
    # workforce (2009's 6, 2012's 8) up to 3, risk (2009's 7, 2012's 6) down to 0
    assess(world.site_a, [1, 1, 1, 1, 1, 0, 1, 3, 1, 1])
    client.force_login(world.member_a)
    url = reverse("challenges:assessment-list", kwargs={"slug": world.site_a.slug})
    page = client.get(url).content.decode()
    assert "1 challenge up, 1 challenge down" in page
    assert "First assessment" in page


def test_a_re_assessment_that_changes_nothing_is_saved(client, world):
    """Every pre-filled form is an initial form, so none counts as empty."""
    assess(world.site_a, [2] * 10, on=EARLY)
    client.force_login(world.lead_a)
    entry = client.get(new_url(world.site_a)).context["entry"]
    management = entry.ratings.management_form
    data = {
        "assessed_on": "2012-01-10",
        "people": [world.site_a.project_group.get(person__user=world.lead_a).person_id],
        "guest-TOTAL_FORMS": "0",
        "guest-INITIAL_FORMS": "0",
        **{f"rating-{k}": v for k, v in management.initial.items()},
    }
    for form in entry.ratings:
        for name in ("stage", "evidence", "strengths", "areas_to_improve"):
            data[form.add_prefix(name)] = form[name].value() or ""
    response = client.post(new_url(world.site_a), data)
    assert response.status_code == 302
    assert world.site_a.assessments.count() == 2
