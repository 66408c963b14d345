import datetime
from decimal import Decimal

import pytest
from django.db import IntegrityError, transaction

from support import selectors, services
from support.models import ProgressReview, SupportLogEntry
from tests.support.factories import (
    ProgrammeOutcomeFactory,
    ProgressReviewFactory,
    SupportLogEntryFactory,
    SupportPackageFactory,
)

K = SupportLogEntry.Kind
D = datetime.date


def test_package_agree_creates_then_revises_the_sites_one_package(world):
    services.package_agree(
        site=world.site_a,
        consultancy_days=12,
        training_days=6,
        peer_trainer_days=6,
        agreed_on=D(2011, 4, 1),
    )
    package = services.package_agree(
        site=world.site_a,
        consultancy_days=14,
        training_days=6,
        peer_trainer_days=4,
        agreed_on=D(2012, 4, 1),
    )
    assert world.site_a.support_package == package
    assert package.consultancy_days == 14


def test_usage_sums_the_log_per_package_line_and_flags_over_use(world):
    SupportPackageFactory(
        site=world.site_a, consultancy_days=1, training_days=6, peer_trainer_days=1
    )
    for kind, hours, peer in [
        (K.SITE_VISIT, "7.5", False),
        (K.EMAIL_ADVICE, "3.75", False),
        (K.TRAINING_SESSION, "7.5", False),
        (K.TRAINING_SESSION, "3.75", True),
    ]:
        SupportLogEntryFactory(
            site=world.site_a, kind=kind, hours=Decimal(hours), is_peer_trainer=peer
        )
    SupportLogEntryFactory(site=world.site_b, hours=Decimal("75"))

    support = selectors.site_support(world.site_a)

    consultancy, training, peer = support.allowances
    assert (consultancy.used, training.used, peer.used) == (Decimal("1.5"), 1, Decimal("0.5"))
    assert consultancy.is_over and consultancy.over_by == Decimal("0.5")
    assert support.is_over
    assert support.usage.entries == 4


def test_usage_by_site_answers_for_many_sites_in_one_query(world, django_assert_num_queries):
    SupportLogEntryFactory(site=world.site_a, hours=Decimal("7.5"))
    SupportLogEntryFactory(site=world.site_b, hours=Decimal("15"), date=D(2012, 5, 1))
    with django_assert_num_queries(1):
        usage = selectors.support_usage_by_site([world.site_a.pk, world.site_b.pk])
    assert usage[world.site_b.pk].consultancy_hours == 15
    in_2011 = selectors.support_usage_by_site([world.site_b.pk], until=D(2011, 12, 31))
    assert world.site_b.pk not in in_2011


def test_support_is_given_by_someone(world):
    with pytest.raises(ValueError):
        services.support_log_add(
            site=world.site_a,
            kind=K.PHONE_ADVICE,
            date=D(2011, 5, 1),
            hours=Decimal(1),
            recorded_by=world.consultant,
        )
    entry = services.support_log_add(
        site=world.site_a,
        kind=K.TRAINING_SESSION,
        date=D(2011, 5, 1),
        hours=Decimal(3),
        recorded_by=world.consultant,
        given_by_name=" Jane Whitby ",
        is_peer_trainer=True,
    )
    assert entry.giver == "Jane Whitby"


def test_the_database_refuses_support_from_nobody_or_of_no_time(world):
    with pytest.raises(IntegrityError), transaction.atomic():
        SupportLogEntryFactory(site=world.site_a, given_by=None, recorded_by=world.consultant)
    with pytest.raises(IntegrityError), transaction.atomic():
        SupportLogEntryFactory(site=world.site_a, hours=0)


def test_each_outcome_update_is_a_new_row_and_the_latest_wins(world):
    ProgrammeOutcomeFactory(site=world.site_a, recorded_on=D(2011, 9, 30), personal_budgets=4)
    services.outcome_record(
        site=world.site_a,
        recorded_by=world.lead_a,
        recorded_on=D(2012, 6, 30),
        personal_budgets=12,
        risk_policy_review="done",
    )
    latest = selectors.latest_outcomes_by_site([world.site_a.pk])[world.site_a.pk]
    assert latest.personal_budgets == 12
    assert world.site_a.outcomes.count() == 2


def test_review_create_saves_the_review_with_its_actions(world):
    review = services.review_create(
        site=world.site_a,
        consultant=world.consultant,
        actions=[
            {
                "action": "Name a board sponsor",
                "owner_name": "Ruth",
                "due_on": D(2012, 1, 1),
            }
        ],
        review_date=D(2011, 10, 14),
        period_start=D(2011, 4, 1),
        period_end=D(2011, 10, 13),
        status=ProgressReview.Status.SOME_CONCERNS,
        progress="Group formed.",
        risks="",
        next_review_due=D(2012, 1, 31),
    )
    assert [a.action for a in review.actions.all()] == ["Name a board sponsor"]


def test_review_create_saves_nothing_when_an_action_cannot_be_saved(world):
    undated = {"action": "No date", "owner_name": "Lee", "due_on": None}
    with pytest.raises(IntegrityError):
        services.review_create(
            site=world.site_a,
            consultant=world.consultant,
            actions=[undated],
            review_date=D(2011, 10, 14),
            period_start=D(2011, 4, 1),
            period_end=D(2011, 10, 13),
            status=ProgressReview.Status.ON_TRACK,
            progress="x",
            risks="",
            next_review_due=D(2012, 1, 31),
        )
    assert not ProgressReview.objects.exists()


def test_review_update_keeps_an_actions_done_state_and_note_and_replaces_the_rest(world):
    review = ProgressReviewFactory(site=world.site_a, consultant=world.consultant)
    kept = review.actions.create(action="Kept", owner_name="A", due_on=D(2012, 1, 1))
    services.action_set_done(action=kept, done=True, note="Sponsor named.", by=world.lead_a)
    review.actions.create(action="Dropped", owner_name="A", due_on=D(2012, 1, 1))
    services.review_update(
        review=review,
        status=ProgressReview.Status.OFF_TRACK,
        actions=[
            {"id": kept, "action": "Kept, reworded", "owner_name": "A", "due_on": D(2012, 3, 1)},
            {"action": "New", "owner_name": "B", "due_on": D(2012, 2, 1)},
        ],
    )
    review.refresh_from_db()
    assert review.status == ProgressReview.Status.OFF_TRACK
    rows = [(a.pk == kept.pk, a.action, a.done, a.done_note) for a in review.actions.all()]
    assert rows == [(False, "New", False, ""), (True, "Kept, reworded", True, "Sponsor named.")]
    assert kept.history.count() == 3  # created, marked done, reworded


def test_marking_an_action_done_records_who_and_when_and_reopening_clears_it(world):
    review = ProgressReviewFactory(site=world.site_a, consultant=world.consultant)
    action = review.actions.create(action="Name a sponsor", owner_name="A", due_on=D(2012, 1, 1))
    action = services.action_set_done(action=action, done=True, note=" Done. ", by=world.lead_a)
    assert (action.done, action.done_note, action.done_by) == (True, "Done.", world.lead_a)
    assert action.done_at is not None
    action = services.action_set_done(action=action, done=False, note="Not yet.", by=world.admin)
    assert (action.done, action.done_at, action.done_by) == (False, None, None)
    assert action.history.first().history_user == world.admin


def test_latest_review_per_site_and_the_previous_one(world):
    older = ProgressReviewFactory(
        site=world.site_a,
        consultant=world.consultant,
        review_date=D(2011, 10, 1),
        next_review_due=D(2012, 1, 1),
    )
    newer = ProgressReviewFactory(
        site=world.site_a,
        consultant=world.consultant,
        review_date=D(2012, 2, 1),
        next_review_due=D(2012, 5, 1),
    )
    assert selectors.latest_reviews_by_site([world.site_a.pk]) == {world.site_a.pk: newer}
    assert selectors.previous_review(world.site_a, before=newer) == older
    assert selectors.previous_review(world.site_a, before=older) is None


def test_review_respond_records_the_leads_answer(world):
    review = ProgressReviewFactory(site=world.site_a, consultant=world.consultant)
    services.review_respond(review=review, author=world.lead_a, text="  Done by May.  ")
    assert review.responses.get().text == "Done by May."
