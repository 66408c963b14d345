"""The support given to a site, its training, outcomes, and its consultant's reviews with
the actions agreed (and their history) and the site's responses."""

from site_exports.registry import site_rows

from .models import (
    ProgrammeOutcome,
    ProgressReview,
    ReviewAction,
    ReviewResponse,
    SupportLogEntry,
    SupportPackage,
    TrainingDelivery,
)


@site_rows("support.SupportPackage", order=60)
def package(site):
    return SupportPackage.objects.filter(site=site)


@site_rows("support.SupportLogEntry", order=61)
def support_log(site):
    return SupportLogEntry.objects.filter(site=site)


@site_rows("support.TrainingDelivery", order=62)
def training(site):
    return TrainingDelivery.objects.filter(site=site)


@site_rows("support.ProgrammeOutcome", order=63)
def outcomes(site):
    return ProgrammeOutcome.objects.filter(site=site)


@site_rows("support.ProgressReview", order=64)
def reviews(site):
    return ProgressReview.objects.published().filter(site=site)


@site_rows("support.ReviewAction", order=65)
def actions(site):
    return ReviewAction.objects.published().filter(review__site=site)


@site_rows("support.ReviewResponse", order=66)
def responses(site):
    return ReviewResponse.objects.filter(review__site=site, review__in=reviews(site))


@site_rows(
    "support.HistoricalReviewAction", order=67, pointers={"id": "support.ReviewAction"}, csv=False
)
def action_history(site):
    return ReviewAction.history.filter(id__in=actions(site).values("pk"))
