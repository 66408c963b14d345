import datetime

from sites import demo as sites_demo
from support import demo
from support.models import (
    ProgrammeOutcome,
    ProgressReview,
    SupportLogEntry,
    SupportPackage,
    TrainingDelivery,
)
from support.selectors import latest_outcomes_by_site

TODAY = datetime.date(2013, 1, 1)


def test_the_demo_builds_the_programmes_support_and_runs_again_without_duplicates(db):
    sites_demo.load(today=TODAY)
    demo.load(today=TODAY)
    counts = [
        m.objects.count()
        for m in (
            SupportPackage,
            SupportLogEntry,
            TrainingDelivery,
            ProgrammeOutcome,
            ProgressReview,
        )
    ]
    demo.load(today=TODAY)
    assert [
        m.objects.count()
        for m in (
            SupportPackage,
            SupportLogEntry,
            TrainingDelivery,
            ProgrammeOutcome,
            ProgressReview,
        )
    ] == counts

    assert SupportPackage.objects.count() == 27
    assert SupportLogEntry.objects.count() == 75
    by_kind = {k: SupportLogEntry.objects.filter(kind=k).count() for k in SupportLogEntry.Kind}
    assert by_kind["email_advice"] + by_kind["phone_advice"] > 2 * by_kind["site_visit"]
    assert not SupportLogEntry.objects.filter(site__category="network").exists()
    assert TrainingDelivery.objects.filter(co_delivered_by_peer_trainer=True).count() >= 3
    ips = [
        o.ips_service
        for o in latest_outcomes_by_site(ProgrammeOutcome.objects.values("site")).values()
    ]
    assert ips.count("running") == 4  # colleges and peer workers: their own apps' demo

    reviews = ProgressReview.objects.filter(
        site__name="Devon Partnership NHS Trust", consultant__username="consultant"
    )
    assert reviews.count() == 2
    assert all(review.actions.exists() for review in reviews)
    assert reviews.filter(responses__author__username="lead").count() == 1
