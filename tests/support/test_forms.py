import datetime

from support.forms import (
    ProgrammeOutcomeForm,
    ProgressReviewForm,
    SupportLogEntryForm,
    SupportPackageForm,
    TrainingDeliveryForm,
)

TODAY = datetime.date(2012, 3, 1)


def test_a_new_package_offers_the_days_for_the_sites_category(world):
    pilot = SupportPackageForm(site=world.site_a, today=TODAY)
    demonstration = SupportPackageForm(site=world.site_b, today=TODAY)
    assert [
        pilot.initial[f] for f in ("consultancy_days", "training_days", "peer_trainer_days")
    ] == [12, 6, 6]
    assert demonstration.initial["consultancy_days"] == 3


def test_a_package_refuses_negative_days(world):
    form = SupportPackageForm(
        {
            "consultancy_days": "-1",
            "training_days": "1",
            "peer_trainer_days": "1",
            "agreed_on": "2011-04-01",
        },
        site=world.site_a,
        today=TODAY,
    )
    assert "consultancy_days" in form.errors


def log_data(**changes):
    return {
        "kind": "site_visit",
        "date": "2011-06-01",
        "hours": "6",
        "given_by": "",
        "given_by_name": "",
        "is_peer_trainer": "",
        "challenge": "",
        "topic": "",
        "notes": "",
        **changes,
    }


def test_support_needs_someone_who_gave_it(world):
    form = SupportLogEntryForm(log_data())
    assert "given_by" in form.errors
    assert SupportLogEntryForm(
        log_data(given_by_name="Jane Whitby", is_peer_trainer="on")
    ).is_valid()


def test_support_is_given_by_an_account_or_a_name_not_both(world):
    form = SupportLogEntryForm(log_data(given_by=world.consultant.pk, given_by_name="Jane"))
    assert "given_by_name" in form.errors


def test_support_needs_some_time_and_not_more_than_a_day(world):
    assert "hours" in SupportLogEntryForm(log_data(given_by=world.consultant.pk, hours="0")).errors
    assert "hours" in SupportLogEntryForm(log_data(given_by=world.consultant.pk, hours="30")).errors


def test_training_with_nobody_attending_is_refused(world):
    form = TrainingDeliveryForm(
        {
            "course_title": "Recovery",
            "date": "2011-06-01",
            "audience": "board",
            "staff_attending": "0",
            "service_users_attending": "0",
        }
    )
    assert "staff_attending" in form.errors


def test_the_outcome_form_no_longer_asks_for_figures_kept_elsewhere(world):
    """Peer support workers come from the posts and recovery colleges from the colleges
    app: typed twice they disagreed (issue 22)."""
    fields = set(ProgrammeOutcomeForm().fields)
    assert not fields & {
        "peer_workers",
        "peer_workers_wte",
        "recovery_college",
        "college_courses",
        "college_students",
    }
    assert {"risk_policy_review", "personal_budgets", "ips_service"} <= fields


def test_a_review_period_and_next_date_run_forwards(world):
    form = ProgressReviewForm(
        {
            "review_date": "2012-02-10",
            "period_start": "2012-02-01",
            "period_end": "2011-10-01",
            "status": "on_track",
            "progress": "Moving",
            "risks": "",
            "next_review_due": "2012-02-10",
        },
        prefix=None,
    )
    assert "period_end" in form.errors
    assert "next_review_due" in form.errors


def test_the_review_status_offers_only_the_three_statuses(world):
    choices = [value for value, _ in ProgressReviewForm().fields["status"].choices]
    assert choices == ["on_track", "some_concerns", "off_track"]
