import datetime
from decimal import Decimal

import factory

from support.models import (
    ProgrammeOutcome,
    ProgressReview,
    ReviewAction,
    ReviewResponse,
    SupportLogEntry,
    SupportPackage,
    TrainingDelivery,
)
from tests.sites.factories import SiteFactory, UserFactory


class SupportPackageFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SupportPackage

    site = factory.SubFactory(SiteFactory)
    consultancy_days = Decimal("12")
    training_days = Decimal("6")
    peer_trainer_days = Decimal("6")
    agreed_on = datetime.date(2011, 4, 1)


class SupportLogEntryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SupportLogEntry

    site = factory.SubFactory(SiteFactory)
    kind = SupportLogEntry.Kind.EMAIL_ADVICE
    date = datetime.date(2011, 6, 1)
    given_by = factory.SubFactory(UserFactory)
    hours = Decimal("1.5")
    recorded_by = factory.SelfAttribute("given_by")


class TrainingDeliveryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = TrainingDelivery

    site = factory.SubFactory(SiteFactory)
    course_title = "Recovery principles for front-line staff"
    date = datetime.date(2011, 9, 1)
    audience = TrainingDelivery.Audience.FRONT_LINE
    staff_attending = 14
    service_users_attending = 4
    recorded_by = factory.SubFactory(UserFactory)


class ProgrammeOutcomeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ProgrammeOutcome

    site = factory.SubFactory(SiteFactory)
    recorded_on = datetime.date(2012, 3, 31)
    personal_budgets = 6
    recorded_by = factory.SubFactory(UserFactory)


class ProgressReviewFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ProgressReview

    site = factory.SubFactory(SiteFactory)
    consultant = factory.SubFactory(UserFactory)
    review_date = datetime.date(2012, 1, 15)
    period_start = datetime.date(2011, 10, 1)
    period_end = datetime.date(2012, 1, 14)
    status = ProgressReview.Status.ON_TRACK
    progress = "Peer workers recruited; the recovery college has a building."
    risks = "Funding after March."
    next_review_due = datetime.date(2012, 4, 15)


class ReviewActionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ReviewAction

    review = factory.SubFactory(ProgressReviewFactory)
    action = "Agree the peer worker job description"
    owner_name = "Lee Harper"
    due_on = datetime.date(2012, 2, 28)


class ReviewResponseFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ReviewResponse

    review = factory.SubFactory(ProgressReviewFactory)
    author = factory.SubFactory(UserFactory)
    text = "Thank you; the board agreed the posts."
