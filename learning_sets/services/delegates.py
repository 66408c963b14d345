"""State changes of delegates: registration (one at a time, in a batch, through a site's
link), cancellation with the waiting list, attendance and evaluations."""

import secrets

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone

from notifications.services import notify
from sites.figures import figures_changed

from .. import floods, selectors
from ..messages import addressees, unreachable
from ..models import Delegate, Evaluation, RegistrationLink, Workshop


class PlaceLimitReached(Exception):
    """No place is free; ``limit`` says which rule was hit ("site", "venue" or "share")."""

    def __init__(self, message: str, *, limit: str):
        super().__init__(message)
        self.limit = limit


class EvaluationAlreadyReceived(Exception):
    pass


class WaitingListFull(PlaceLimitReached):
    """The site's waiting list for the workshop is as long as it may be: a flood of
    registrations through a shared link stops here (IMROC_WAITING_LIST_PER_SITE)."""


class AlreadyRegistered(Exception):
    """Someone registered this email for the workshop in the meantime."""


class BatchRefused(Exception):
    """One person of a batch cannot be registered, so none of them is."""


# Delegates ---------------------------------------------------------------------------------


def evaluation_token_new() -> str:
    """An unguessable link key: the delegate's only credential for their evaluation."""
    return secrets.token_urlsafe(32)


def _place_problem(workshop: Workshop, site_id: int) -> PlaceLimitReached | None:
    """Call with the workshop row locked."""
    problem = selectors.workshop_places(workshop, timezone.localdate()).problem(site_id)
    return PlaceLimitReached(problem[1], limit=problem[0]) if problem else None


@transaction.atomic
def delegate_register(
    *,
    workshop: Workshop,
    site,
    full_name: str,
    email: str,
    perspective: str,
    dietary_needs: str = "",
    access_needs: str = "",
    by=None,
    waiting_list_ok: bool = False,
    registration_link: RegistrationLink | None = None,
) -> Delegate:
    """Register a delegate, or put them on the waiting list when ``waiting_list_ok``; they
    (or, with no email address, their site's leads) and whoever registered them are told.

    The workshop row is locked first, so two people taking the last place at once are
    served one after the other and exactly one gets it."""
    workshop = _locked(workshop)
    figures_changed()
    return _register(
        workshop,
        site=site,
        full_name=full_name,
        email=email,
        perspective=perspective,
        dietary_needs=dietary_needs,
        access_needs=access_needs,
        by=by,
        waiting_list_ok=waiting_list_ok,
        registration_link=registration_link,
    )


def _waiting_room(workshop: Workshop, site) -> None:
    """Call with the workshop row locked, so two at once cannot both take the last room."""
    if floods.waiting_list_full(workshop, site):
        raise WaitingListFull(
            f"The waiting list of {site} for this workshop is full "
            f"({settings.IMROC_WAITING_LIST_PER_SITE} people).",
            limit="waiting",
        )


def _locked(workshop: Workshop) -> Workshop:
    return (
        Workshop.objects.select_related("venue", "learning_set")
        .select_for_update(of=("self",))
        .get(pk=workshop.pk)
    )


def _register(
    workshop: Workshop,
    *,
    site,
    full_name,
    email,
    perspective,
    dietary_needs,
    access_needs,
    by,
    waiting_list_ok,
    registration_link=None,
    registrar_told=True,
) -> Delegate:
    email = (email or "").strip().lower()
    if workshop.is_cancelled:
        raise PlaceLimitReached("This workshop is cancelled.", limit="cancelled")
    active = workshop.delegates.exclude(status=Delegate.Status.CANCELLED)
    if email and active.filter(email=email).exists():
        raise AlreadyRegistered(f"{email} is already registered for this workshop.")
    problem = _place_problem(workshop, site.pk)
    if problem is not None and not waiting_list_ok:
        raise problem
    if problem is not None:
        _waiting_room(workshop, site)
    delegate = Delegate.objects.create(
        workshop=workshop,
        site=site,
        full_name=full_name,
        email=email,
        perspective=perspective,
        dietary_needs=dietary_needs,
        access_needs=access_needs,
        status=Delegate.Status.WAITING if problem else Delegate.Status.REGISTERED,
        token=evaluation_token_new(),
        registered_by=by,
        registration_link=registration_link,
    )
    notify("delegate_registered", delegate=delegate, registrar_told=registrar_told)
    if not email and unreachable([delegate], addressees([delegate])):
        notify("delegate_unreachable", delegate=delegate)
    return delegate


@transaction.atomic
def delegates_register_batch(
    *, workshop: Workshop, site, people: list[dict], by, waiting_list_ok: bool = False
) -> list[Delegate]:
    """Register several of a site's people at once: all of them or none. A place problem
    or a duplicate names the line it came from (``people`` carry their ``line``)."""
    workshop = _locked(workshop)
    delegates = []
    for person in people:
        details = {k: v for k, v in person.items() if k != "line"}
        try:
            delegates.append(
                _register(
                    workshop,
                    site=site,
                    by=by,
                    waiting_list_ok=waiting_list_ok,
                    registrar_told=False,
                    **details,
                )
            )
        except (PlaceLimitReached, AlreadyRegistered) as error:
            raise BatchRefused(f"Line {person['line']}: {error}") from error
    notify("delegates_registered", delegates=delegates, by=by)
    figures_changed()
    return delegates


@transaction.atomic
def registration_link_issue(*, workshop: Workshop, site, by) -> RegistrationLink:
    """A fresh link for the site; the one it replaces stops working."""
    RegistrationLink.objects.filter(workshop=workshop, site=site, revoked_at__isnull=True).update(
        revoked_at=timezone.now()
    )
    return RegistrationLink.objects.create(
        workshop=workshop, site=site, created_by=by, token=secrets.token_urlsafe(32)
    )


def registration_link_revoke(*, link: RegistrationLink) -> None:
    RegistrationLink.objects.filter(pk=link.pk, revoked_at__isnull=True).update(
        revoked_at=timezone.now()
    )


@transaction.atomic
def delegate_update(
    *, delegate: Delegate, full_name, email, perspective, dietary_needs, access_needs
) -> Delegate:
    delegate.full_name = full_name
    delegate.email = (email or "").strip().lower()
    delegate.perspective = perspective
    delegate.dietary_needs = dietary_needs
    delegate.access_needs = access_needs
    delegate.save()
    figures_changed()
    return delegate


@transaction.atomic
def delegate_update_needs(*, delegate: Delegate, dietary_needs: str, access_needs: str) -> None:
    """The delegate's own change, through their personal link."""
    Delegate.objects.filter(pk=delegate.pk).update(
        dietary_needs=dietary_needs, access_needs=access_needs
    )
    delegate.dietary_needs, delegate.access_needs = dietary_needs, access_needs


@transaction.atomic
def delegate_cancel(*, delegate: Delegate, by=None, reason: str = "") -> list[Delegate]:
    """Cancel a place (or take someone off the waiting list) and, in the same transaction,
    give freed places to the waiting list. ``by`` is whoever cancelled someone else's place:
    who and why are kept, and the delegate is told (with the entry that takes the day out
    of their calendar). Without ``by`` the delegate gave it back themselves."""
    workshop = _locked(delegate.workshop)
    if not Delegate.objects.filter(pk=delegate.pk).exclude(status="cancelled").exists():
        return []
    had_place = delegate.status == Delegate.Status.REGISTERED
    delegate.status = Delegate.Status.CANCELLED
    delegate.attended = False
    delegate.cancelled_at, delegate.cancelled_by = timezone.now(), by
    delegate.cancel_reason = reason.strip()
    delegate.save(
        update_fields=["status", "attended", "cancelled_at", "cancelled_by", "cancel_reason"]
    )
    delegate.workshop = workshop
    if by is not None and had_place:
        notify("delegate_cancelled", delegate=delegate)
    figures_changed()
    return _promote_waiting(workshop)


def delegate_restorable(delegate: Delegate) -> bool:
    """A cancelled place comes back only while nobody else has taken it."""
    if delegate.status != Delegate.Status.CANCELLED or delegate.cancelled_at is None:
        return False
    if delegate.workshop.has_happened(timezone.localdate()) or delegate.workshop.is_cancelled:
        return False
    return _place_problem(delegate.workshop, delegate.site_id) is None


class PlaceTaken(Exception):
    """The cancelled place went to someone else meanwhile."""


@transaction.atomic
def delegate_restore(*, delegate: Delegate, by) -> Delegate:
    """Undo a cancellation while the place is still free; the delegate is told."""
    workshop = _locked(delegate.workshop)
    delegate = Delegate.objects.select_for_update().get(pk=delegate.pk)
    delegate.workshop = workshop
    if not delegate_restorable(delegate):
        raise PlaceTaken("The place has gone to someone else since, so it cannot be undone.")
    if (
        delegate.email
        and workshop.delegates.filter(email=delegate.email)
        .exclude(status=Delegate.Status.CANCELLED)
        .exists()
    ):
        raise PlaceTaken(f"{delegate.email} is registered again already.")
    delegate.status = Delegate.Status.REGISTERED
    delegate.cancelled_at, delegate.cancelled_by, delegate.cancel_reason = None, None, ""
    delegate.save(update_fields=["status", "cancelled_at", "cancelled_by", "cancel_reason"])
    notify("delegate_restored", delegate=delegate, when=timezone.now())
    figures_changed()
    return delegate


def released_places_fill(*, today) -> list[Delegate]:
    """Once a workshop's site shares are released, its waiting list takes the places other
    sites left unclaimed (the daily task; cancelling or moving a workshop does it at once)."""
    promoted = []
    candidates = Workshop.objects.filter(
        date__gte=today, cancelled_at__isnull=True, delegates__status=Delegate.Status.WAITING
    ).distinct()
    for workshop in candidates:
        if workshop.places_released(today):
            with transaction.atomic():
                promoted += _promote_waiting(_locked(workshop))
    figures_changed()
    return promoted


def _promote_waiting(workshop: Workshop) -> list[Delegate]:
    """First come, first served within the site shares; someone whose site is at its limit
    or has used its share waits on (call with the workshop row locked). Each one promoted
    and their site's leads are told."""
    promoted = []
    waiting = workshop.delegates.filter(status=Delegate.Status.WAITING).order_by("created_at", "pk")
    for candidate in waiting:
        if _place_problem(workshop, candidate.site_id) is None:
            candidate.status = Delegate.Status.REGISTERED
            candidate.save(update_fields=["status"])
            notify("delegate_promoted", delegate=candidate)
            promoted.append(candidate)
    return promoted


def attendance_mark(*, delegate: Delegate, attended: bool) -> Delegate:
    if delegate.status != Delegate.Status.REGISTERED:
        raise ValueError("Only registered delegates can be marked as attending.")
    Delegate.objects.filter(pk=delegate.pk).update(attended=attended)
    delegate.attended = attended
    figures_changed()
    return delegate


# Evaluations -------------------------------------------------------------------------------


def evaluation_submit(
    *,
    delegate: Delegate,
    overall_rating: int,
    usefulness: int,
    take_back: str = "",
    comments: str = "",
) -> Evaluation:
    """Once per delegate: the one-to-one key refuses a second answer even from two tabs."""
    try:
        with transaction.atomic():
            return Evaluation.objects.create(
                delegate=delegate,
                overall_rating=overall_rating,
                usefulness=usefulness,
                take_back=take_back,
                comments=comments,
            )
    except IntegrityError as error:
        if Evaluation.objects.filter(delegate=delegate).exists():
            raise EvaluationAlreadyReceived from error
        raise
