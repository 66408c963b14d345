import datetime
from decimal import Decimal

import pytest

from peer_support.models import PeerPost
from support.models import ProgrammeOutcome, ProgressReview, SupportLogEntry, TrainingDelivery
from tests.support.factories import (
    ProgrammeOutcomeFactory,
    ProgressReviewFactory,
    ReviewActionFactory,
    SupportLogEntryFactory,
    SupportPackageFactory,
)

D = datetime.date


@pytest.fixture
def as_user(client):
    def sign_in(user):
        client.force_login(user)
        return client

    return sign_in


def test_a_consultant_logs_a_visit_and_the_site_team_reads_it(world, as_user):
    response = as_user(world.consultant).post(
        "/support/sites/alpha/log/add/",
        {
            "kind": "site_visit",
            "date": "2011-06-01",
            "hours": "6",
            "given_by": world.consultant.pk,
            "topic": "Review against the key challenges",
            "notes": "Met the project group.",
        },
    )
    assert response.status_code == 302
    entry = SupportLogEntry.objects.get()
    assert (entry.site, entry.recorded_by) == (world.site_a, world.consultant)

    page = as_user(world.member_a).get("/support/sites/alpha/").content.decode()
    assert "Met the project group." in page
    assert "Log support" not in page


def test_a_consultant_logs_support_at_a_site_they_do_not_review(world, as_user):
    response = as_user(world.consultant).post(
        "/support/sites/beta/log/add/",
        {
            "kind": "phone_advice",
            "date": "2011-06-01",
            "hours": "1",
            "given_by_name": "Jane Whitby",
            "is_peer_trainer": "on",
        },
    )
    assert response.status_code == 302
    assert SupportLogEntry.objects.get().site == world.site_b


def test_a_lead_cannot_log_support_and_nothing_is_saved(world, as_user):
    response = as_user(world.lead_a).post(
        "/support/sites/alpha/log/add/",
        {"kind": "site_visit", "date": "2011-06-01", "hours": "6", "given_by": world.lead_a.pk},
    )
    assert response.status_code == 403
    assert not SupportLogEntry.objects.exists()


def test_bad_support_entry_shows_errors_and_saves_nothing(world, as_user):
    response = as_user(world.consultant).post(
        "/support/sites/alpha/log/add/", {"kind": "site_visit", "date": "not a date", "hours": "-2"}
    )
    assert response.status_code == 200
    assert "must be a real date" in response.content.decode()
    assert not SupportLogEntry.objects.exists()


def test_a_consultant_corrects_an_entry_and_removes_another(world, as_user):
    wrong = SupportLogEntryFactory(site=world.site_a, given_by=world.consultant, hours=Decimal(6))
    extra = SupportLogEntryFactory(site=world.site_a, given_by=world.consultant)
    client = as_user(world.consultant)
    page = client.get("/support/sites/alpha/").content.decode()
    assert f"/support/sites/alpha/log/{wrong.pk}/edit/" in page
    response = client.post(
        f"/support/sites/alpha/log/{wrong.pk}/edit/",
        {
            "kind": "email_advice",
            "date": "2011-06-02",
            "hours": "0.5",
            "given_by": "",
            "given_by_name": "Jane Whitby",
            "is_peer_trainer": "on",
        },
    )
    assert response.status_code == 302
    wrong.refresh_from_db()
    assert (wrong.kind, wrong.hours, wrong.given_by, wrong.given_by_name) == (
        "email_advice",
        Decimal("0.5"),
        None,
        "Jane Whitby",
    )
    client.post(f"/support/sites/alpha/log/{extra.pk}/delete/")
    assert list(SupportLogEntry.objects.all()) == [wrong]


def test_a_correction_with_bad_input_keeps_the_entry_as_it_was(world, as_user):
    entry = SupportLogEntryFactory(site=world.site_a, given_by=world.consultant, hours=Decimal(6))
    response = as_user(world.consultant).post(
        f"/support/sites/alpha/log/{entry.pk}/edit/",
        {"kind": "site_visit", "date": "2011-06-02", "hours": "-1", "given_by": ""},
    )
    assert response.status_code == 200
    assert "more than 0" in response.content.decode()
    entry.refresh_from_db()
    assert entry.hours == Decimal(6) and entry.given_by == world.consultant


def test_the_site_team_reads_the_log_but_cannot_correct_it(world, as_user):
    entry = SupportLogEntryFactory(site=world.site_a, given_by=world.consultant)
    client = as_user(world.lead_a)
    assert f"/log/{entry.pk}/edit/" not in client.get("/support/sites/alpha/").content.decode()
    assert client.post(f"/support/sites/alpha/log/{entry.pk}/delete/").status_code == 403
    assert SupportLogEntry.objects.filter(pk=entry.pk).exists()


def test_the_site_team_corrects_a_training_record_and_removes_another(world, as_user):
    from tests.support.factories import TrainingDeliveryFactory

    course = TrainingDeliveryFactory(site=world.site_a, course_title="Understanding recovry")
    other = TrainingDeliveryFactory(site=world.site_a)
    client = as_user(world.member_a)
    response = client.post(
        f"/support/sites/alpha/training/{course.pk}/edit/",
        {
            "course_title": "Understanding recovery",
            "date": "2012-03-01",
            "audience": course.audience,
            "staff_attending": "12",
            "service_users_attending": "4",
            "co_delivered_by_peer_trainer": "on",
        },
    )
    assert response.status_code == 302
    course.refresh_from_db()
    assert (course.course_title, course.staff_attending) == ("Understanding recovery", 12)
    client.post(f"/support/sites/alpha/training/{other.pk}/delete/")
    assert list(TrainingDelivery.objects.all()) == [course]
    response = client.post(
        f"/support/sites/alpha/training/{course.pk}/edit/",
        {
            "course_title": "",
            "date": "2012-03-01",
            "audience": course.audience,
            "staff_attending": "0",
            "service_users_attending": "0",
        },
    )
    assert response.status_code == 200
    course.refresh_from_db()
    assert course.course_title == "Understanding recovery"


def test_the_support_log_filters_by_kind_and_period(world, as_user):
    SupportLogEntryFactory(
        site=world.site_a, kind="email_advice", date=D(2011, 5, 1), topic="Email in May 2011"
    )
    SupportLogEntryFactory(
        site=world.site_a, kind="site_visit", date=D(2011, 7, 1), topic="Visit in July 2011"
    )
    SupportLogEntryFactory(
        site=world.site_a, kind="site_visit", date=D(2012, 7, 1), topic="Visit in July 2012"
    )
    page = (
        as_user(world.lead_a)
        .get(
            "/support/sites/alpha/",
            {"kind": "site_visit", "date_from": "2011-01-01", "date_to": "2011-12-31"},
        )
        .content.decode()
    )
    assert "Visit in July 2011" in page
    assert "Email in May 2011" not in page and "Visit in July 2012" not in page


def test_the_support_page_shows_used_against_agreed_and_over_use_in_words(world, as_user):
    SupportPackageFactory(site=world.site_a, consultancy_days=1)
    SupportLogEntryFactory(site=world.site_a, kind="site_visit", hours=Decimal("11.25"))
    page = as_user(world.lead_a).get("/support/sites/alpha/").content.decode()
    assert "1.5 / 1.0" in page
    assert "Over the agreed days by 0.5" in page


def test_a_new_package_starts_from_the_pilot_defaults_and_is_saved(world, as_user):
    client = as_user(world.consultant)
    form = client.get("/support/sites/alpha/package/").context["form"]
    assert form.initial["consultancy_days"] == 12
    response = client.post(
        "/support/sites/alpha/package/",
        {
            "consultancy_days": "10",
            "training_days": "5",
            "peer_trainer_days": "5",
            "agreed_on": "2011-04-01",
        },
    )
    assert response.status_code == 302
    assert world.site_a.support_package.consultancy_days == 10


def test_the_site_team_records_co_produced_training(world, as_user):
    response = as_user(world.member_a).post(
        "/support/sites/alpha/training/add/",
        {
            "course_title": "Understanding recovery",
            "date": "2011-09-15",
            "audience": "front_line",
            "staff_attending": "18",
            "service_users_attending": "6",
            "co_delivered_by_peer_trainer": "on",
        },
    )
    assert response.status_code == 302
    assert TrainingDelivery.objects.get().co_delivered_by_peer_trainer
    page = as_user(world.consultant).get("/support/sites/alpha/").content.decode()
    assert "Understanding recovery" in page


def outcome_post(**changes):
    return {
        "recorded_on": "2012-06-30",
        "risk_policy_review": "under_way",
        "personal_budgets": "15",
        "ips_service": "planned",
        "uses_inspire": "on",
        "uses_wrap": "on",
        **changes,
    }


def test_a_lead_updates_outcomes_from_the_latest_and_the_history_keeps_both(world, as_user):
    ProgrammeOutcomeFactory(site=world.site_a, recorded_on=D(2011, 9, 30), personal_budgets=4)
    client = as_user(world.lead_a)
    form = client.get("/support/sites/alpha/outcomes/add/").context["form"]
    assert form.initial["personal_budgets"] == 4
    assert client.post("/support/sites/alpha/outcomes/add/", outcome_post()).status_code == 302
    assert world.site_a.outcomes.count() == 2
    page = client.get("/support/sites/alpha/outcomes/").content.decode()
    assert "As at 30 June 2012" in page
    assert "INSPIRE, WRAP" in page
    assert "30 Sep 2011" in page


def test_bad_outcomes_show_errors_and_save_nothing(world, as_user):
    response = as_user(world.lead_a).post(
        "/support/sites/alpha/outcomes/add/", outcome_post(personal_budgets="lots")
    )
    assert response.status_code == 200
    assert "error-summary" in response.content.decode()
    assert not ProgrammeOutcome.objects.exists()


def test_a_consultant_reads_outcomes_but_cannot_report_them(world, as_user):
    client = as_user(world.consultant)
    assert client.get("/support/sites/alpha/outcomes/").status_code == 200
    assert client.post("/support/sites/alpha/outcomes/add/", outcome_post()).status_code == 403
    assert not ProgrammeOutcome.objects.exists()


def review_post(**changes):
    data = {
        "review-review_date": "2012-02-10",
        "review-period_start": "2011-10-14",
        "review-period_end": "2012-02-09",
        "review-status": "some_concerns",
        "review-progress": "Four peer workers employed.",
        "review-risks": "Funding.",
        "review-next_review_due": "2012-05-10",
        "actions-TOTAL_FORMS": "2",
        "actions-INITIAL_FORMS": "0",
        "actions-MIN_NUM_FORMS": "0",
        "actions-MAX_NUM_FORMS": "1000",
        "actions-0-action": "Write the college prospectus",
        "actions-0-owner_name": "Dan Ellery",
        "actions-0-due_on": "2012-04-30",
    }
    data.update(changes)
    return data


def test_an_assigned_consultant_writes_a_review_with_actions(world, as_user):
    response = as_user(world.consultant).post("/support/sites/alpha/reviews/add/", review_post())
    review = ProgressReview.objects.get()
    assert response.status_code == 302 and response["Location"] == review.get_absolute_url()
    assert review.consultant == world.consultant
    assert [a.owner_name for a in review.actions.all()] == ["Dan Ellery"]


def test_an_invalid_action_row_keeps_the_whole_review_unsaved(world, as_user):
    response = as_user(world.consultant).post(
        "/support/sites/alpha/reviews/add/", review_post(**{"actions-1-action": "No owner"})
    )
    assert response.status_code == 200
    assert response.context["formset"].errors[1]["owner"]
    assert not ProgressReview.objects.exists()


def test_a_consultant_cannot_review_a_site_they_are_not_assigned(world, as_user):
    response = as_user(world.consultant).post("/support/sites/beta/reviews/add/", review_post())
    assert response.status_code == 403
    assert not ProgressReview.objects.exists()


def test_the_review_form_shows_the_site_beside_it(world, as_user):
    previous = ProgressReviewFactory(
        site=world.site_a, consultant=world.consultant, progress="The group met twice."
    )
    ReviewActionFactory(review=previous, action="Name a board sponsor")
    ProgrammeOutcomeFactory(site=world.site_a)
    PeerPost.objects.create(site=world.site_a, team="Wards", head_count=7, wte=Decimal(5))
    page = as_user(world.consultant).get("/support/sites/alpha/reviews/add/").content.decode()
    assert world.lead_a.get_full_name() in page
    assert "The group met twice." in page and "Name a board sponsor" in page
    assert "7 employed (5 WTE)" in page


def test_editing_a_review_changes_its_status_and_actions(world, as_user):
    review = ProgressReviewFactory(site=world.site_a, consultant=world.consultant)
    action = ReviewActionFactory(review=review)
    response = as_user(world.consultant).post(
        f"/support/reviews/{review.pk}/edit/",
        review_post(
            **{
                "review-status": "off_track",
                "actions-INITIAL_FORMS": "1",
                "actions-TOTAL_FORMS": "2",
                "actions-0-id": str(action.pk),
                "actions-0-review": str(review.pk),
                "actions-0-action": action.action,
                "actions-0-owner_name": action.owner_name,
                "actions-0-due_on": "2012-02-28",
            }
        ),
    )
    assert response.status_code == 302
    review.refresh_from_db()
    assert review.status == "off_track"
    assert [(a.pk, a.action) for a in review.actions.all()] == [(action.pk, action.action)]


def test_the_lead_sees_the_review_and_answers_it(world, as_user):
    review = ProgressReviewFactory(
        site=world.site_a, consultant=world.consultant, status="off_track"
    )
    client = as_user(world.lead_a)
    page = client.get(review.get_absolute_url()).content.decode()
    assert "Off track" in page and "Send response" in page
    response = client.post(
        f"/support/reviews/{review.pk}/respond/", {"text": "We have a plan for the funding."}
    )
    assert response.status_code == 302
    assert review.responses.get().author == world.lead_a
    assert (
        "We have a plan for the funding." in client.get(review.get_absolute_url()).content.decode()
    )


def test_an_empty_response_is_refused_with_a_message(world, as_user):
    review = ProgressReviewFactory(site=world.site_a, consultant=world.consultant)
    response = as_user(world.lead_a).post(f"/support/reviews/{review.pk}/respond/", {"text": "  "})
    assert response.status_code == 200
    assert "Enter your response" in response.content.decode()
    assert not review.responses.exists()


def test_consultants_read_reviews_without_a_response_form(world, as_user):
    review = ProgressReviewFactory(site=world.site_b, consultant=world.admin)
    page = as_user(world.consultant).get(review.get_absolute_url()).content.decode()
    assert "Send response" not in page and "Edit the review" not in page


def test_a_lead_sees_only_their_own_sites_reviews_in_the_index(world, as_user):
    ProgressReviewFactory(site=world.site_a, consultant=world.consultant)
    ProgressReviewFactory(site=world.site_b, consultant=world.admin)
    reviews = as_user(world.lead_b).get("/support/reviews/").context["page"].object_list
    assert [r.site for r in reviews] == [world.site_b]


def test_the_site_page_shows_support_and_the_latest_review_in_words(world, as_user):
    SupportPackageFactory(site=world.site_a)
    SupportLogEntryFactory(site=world.site_a, hours=Decimal("15"))
    ProgressReviewFactory(site=world.site_a, consultant=world.consultant, status="some_concerns")
    page = as_user(world.lead_a).get("/sites/alpha/").content.decode()
    assert "Support and reviews" in page
    assert "Some concerns" in page
    assert "Consultancy 2.0 / 12.0 days" in page


def test_site_page_shows_the_latest_published_review_outcomes_and_support_used(world, as_user):
    """The section reads them with the site's own fetch: the same words as the selectors'."""
    from django.template.loader import render_to_string

    from support.selectors import site_support

    site = world.site_a
    SupportPackageFactory(site=site)
    SupportLogEntryFactory(site=site, given_by=world.consultant, hours=Decimal("15"))
    ProgressReviewFactory(site=site, consultant=world.consultant, review_date=D(2011, 6, 1))
    latest = ProgressReviewFactory(
        site=site, consultant=world.consultant, status=ProgressReview.Status.SOME_CONCERNS
    )
    ReviewActionFactory(review=latest)
    ReviewActionFactory(review=latest)
    ReviewActionFactory(review=latest, done=True)
    ProgressReviewFactory(
        site=site,
        consultant=world.consultant,
        review_date=D(2012, 3, 1),
        state=ProgressReview.State.DRAFT,
    )
    ProgrammeOutcomeFactory(site=site, recorded_on=D(2011, 3, 31), ips_service="none")
    ProgrammeOutcomeFactory(site=site, ips_service="running", risk_policy_review="done")
    page = as_user(world.lead_a).get("/sites/alpha/").content.decode()
    section = page[page.index('<section aria-labelledby="support-heading">') :]
    section = section[: section.index("</section>") + len("</section>")]
    assert f'on <a href="/support/reviews/{latest.pk}/">15 January 2012</a>' in section
    assert "next review due 15 April 2012" in section
    assert "2 actions overdue" in section and "Overdue</strong>" in section
    assert "As at 31 March 2012: risk policy review done; IPS running" in section
    assert "Consultancy 2.0 / 12.0 days" in section
    expected = render_to_string(
        "support/_site_section.html", {"site": site, "site_support": site_support(site)}
    )
    assert section == expected.strip()
