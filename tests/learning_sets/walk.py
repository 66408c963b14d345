import datetime

from learning_sets import services
from learning_sets.models import AgendaItem
from learning_sets.personal import personal_token
from tests.walk import Case, expect, site_a_readable

from .factories import LearningSetFactory, VenueFactory, WorkshopFactory, register, standard_topics

# Organisers and the administrator manage; site A's people may read, site B's lead is an outsider.
MANAGE = {"lead_a": 403, "member_a": 403, "lead_b": 404, "consultant": 403}
ORGANISERS_ONLY = {"lead_a": 403, "member_a": 403, "lead_b": 403, "consultant": 403}
SITE_TEAM = {"lead_b": 404, "consultant": 403}
REPORT = {"lead_a": 403, "member_a": 403, "lead_b": 404}


def cases(world):
    standard_topics()
    learning_set = LearningSetFactory(sites=[world.site_a])
    empty_set = LearningSetFactory(sites=[world.site_a])
    venue = VenueFactory()
    workshop = WorkshopFactory(
        learning_set=learning_set, number=1, venue=venue, date=datetime.date(2011, 10, 31)
    )
    item = AgendaItem.objects.create(
        workshop=workshop,
        kind=AgendaItem.Kind.DISCUSSION,
        start_time=datetime.time(14),
        end_time=datetime.time(15),
    )
    delegate = register(workshop, world.site_a)
    link = services.registration_link_issue(workshop=workshop, site=world.site_a, by=None)
    attendee = register(workshop, world.site_a)
    services.attendance_mark(delegate=attendee, attended=True)
    coming = WorkshopFactory(learning_set=learning_set, number=2, date=datetime.date(2031, 3, 3))
    own = personal_token(register(coming, world.site_a))
    s, w, a, d = learning_set.pk, workshop.pk, item.pk, delegate.pk
    base = "/learning-sets"
    return [
        Case("learning_sets:set-list", f"{base}/", expect(200)),
        Case("learning_sets:set-create", f"{base}/new/", expect(200, **ORGANISERS_ONLY)),
        Case("learning_sets:set-detail", f"{base}/{s}/", site_a_readable()),
        Case("learning_sets:set-edit", f"{base}/{s}/edit/", expect(200, **MANAGE)),
        Case(
            "learning_sets:series-create",
            f"{base}/{empty_set.pk}/workshops/new/",
            expect(200, **MANAGE),
        ),
        Case(
            "learning_sets:topic-choices",
            f"{base}/{s}/topics/{world.site_a.slug}/",
            expect(200, **SITE_TEAM),
        ),
        Case("learning_sets:set-report", f"{base}/{s}/report/", expect(200, **REPORT)),
        Case(
            "reports:learning-set-report-request",
            f"/reports/learning-sets/{s}/request/",
            expect(302, **REPORT),
            method="post",
        ),
        Case("learning_sets:set-summary-csv", f"{base}/{s}/summary.csv", expect(200, **REPORT)),
        Case("learning_sets:venue-list", f"{base}/venues/", expect(200, **ORGANISERS_ONLY)),
        Case("learning_sets:venue-add", f"{base}/venues/new/", expect(200, **ORGANISERS_ONLY)),
        Case(
            "learning_sets:venue-edit",
            f"{base}/venues/{venue.pk}/edit/",
            expect(200, **ORGANISERS_ONLY),
        ),
        Case("learning_sets:workshop-detail", f"{base}/workshops/{w}/", site_a_readable()),
        Case("learning_sets:workshop-edit", f"{base}/workshops/{w}/edit/", expect(200, **MANAGE)),
        Case(
            "learning_sets:agenda-standard",
            f"{base}/workshops/{w}/agenda/standard/",
            expect(302, **MANAGE),
            method="post",
        ),
        Case(
            "learning_sets:agenda-add", f"{base}/workshops/{w}/agenda/add/", expect(200, **MANAGE)
        ),
        Case("learning_sets:agenda-edit", f"{base}/agenda/{a}/edit/", expect(200, **MANAGE)),
        Case(
            "learning_sets:agenda-remove",
            f"{base}/agenda/{a}/remove/",
            expect(302, **MANAGE),
            method="post",
        ),
        Case(
            "learning_sets:workshop-calendar",
            f"{base}/workshops/{w}/calendar.ics",
            site_a_readable(),
        ),
        Case(
            "learning_sets:sign-in-sheet",
            f"{base}/workshops/{w}/sign-in-sheet/",
            expect(200, **MANAGE),
        ),
        Case(
            "learning_sets:delegate-add",
            f"{base}/workshops/{w}/delegates/add/",
            expect(200, **SITE_TEAM),
        ),
        Case(
            "learning_sets:delegate-batch",
            f"{base}/workshops/{w}/delegates/batch/",
            expect(200, **SITE_TEAM),
        ),
        Case(
            "learning_sets:link-issue",
            f"{base}/workshops/{w}/links/{world.site_a.pk}/new/",
            expect(302, **SITE_TEAM),
            method="post",
        ),
        Case(
            "learning_sets:link-revoke",
            f"{base}/workshops/{w}/links/{world.site_a.pk}/revoke/",
            expect(302, **SITE_TEAM),
            method="post",
        ),
        Case("learning_sets:join", f"{base}/join/{link.token}/", expect(200, anonymous=200)),
        Case("learning_sets:place", f"{base}/place/{own}/", expect(200, anonymous=200)),
        Case(
            "learning_sets:workshop-cancel",
            f"{base}/workshops/{w}/cancel/",
            expect(200, **MANAGE),
        ),
        Case(
            "learning_sets:workshop-message",
            f"{base}/workshops/{w}/message/",
            expect(200, **MANAGE),
        ),
        Case(
            "learning_sets:joining-instructions",
            f"{base}/delegates/{d}/joining-instructions/",
            expect(200, **MANAGE),
        ),
        Case(
            "learning_sets:delegate-restore",
            f"{base}/delegates/{d}/restore/",
            expect(302, **SITE_TEAM),
            method="post",
        ),
        Case(
            "learning_sets:place-calendar",
            f"{base}/place/{own}/calendar.ics",
            expect(200, anonymous=200),
        ),
        Case(
            "learning_sets:place-give-back",
            f"{base}/place/{own}/give-back/",
            expect(200, anonymous=200),
        ),
        Case(
            "learning_sets:delegate-edit", f"{base}/delegates/{d}/edit/", expect(200, **SITE_TEAM)
        ),
        Case(
            "learning_sets:delegate-cancel",
            f"{base}/delegates/{d}/cancel/",
            expect(302, **SITE_TEAM),
            method="post",
        ),
        Case(
            "learning_sets:attendance", f"{base}/workshops/{w}/attendance/", expect(200, **MANAGE)
        ),
        Case(
            "learning_sets:attendance-mark",
            f"{base}/delegates/{d}/attendance/",
            expect(302, **MANAGE),
            method="post",
            data={"attended": "yes"},
        ),
        Case(
            "learning_sets:evaluation-links",
            f"{base}/workshops/{w}/evaluation-links/",
            expect(200, **MANAGE),
        ),
        Case(
            "learning_sets:evaluate",
            f"{base}/evaluate/{attendee.token}/",
            expect(200, anonymous=200),
        ),
        Case(
            "learning_sets:workshop-report", f"{base}/workshops/{w}/report/", expect(200, **REPORT)
        ),
        Case(
            "learning_sets:workshop-delegates-csv",
            f"{base}/workshops/{w}/delegates.csv",
            expect(200, **MANAGE),
        ),
    ]
