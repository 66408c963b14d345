from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import render
from django.views.decorators.http import require_safe

from .filters import AuditEventFilter
from .models import AuditEvent

PAGE_SIZE = 50
LARGEST_ID = 2**63 - 1


def _cursor(value: str | None) -> int | None:
    """An event id from the address, or None; a number past any id is read as the largest."""
    if value is None or not value.isdigit():
        return None
    return min(int(value), LARGEST_ID)


def keyset_page(events, *, before: int | None, after: int | None) -> dict:
    """One page of events, newest first, found by id instead of by counting: the log grows by
    hundreds of thousands of rows and a count of them is a scan of the whole table."""
    if after is not None:
        rows = list(events.filter(pk__gt=after).order_by("pk")[: PAGE_SIZE + 1])
        newer = len(rows) > PAGE_SIZE
        rows = rows[:PAGE_SIZE][::-1]
        older = bool(rows)
    else:
        if before is not None:
            events = events.filter(pk__lt=before)
        rows = list(events.order_by("-pk")[: PAGE_SIZE + 1])
        older = len(rows) > PAGE_SIZE
        rows = rows[:PAGE_SIZE]
        newer = before is not None and bool(rows)
    return {
        "events": rows,
        "older": rows[-1].pk if older and rows else None,
        "newer": rows[0].pk if newer and rows else None,
    }


@login_required
@require_safe
def event_list(request):
    """Administrators only: the log names people and what they read."""
    if not request.user.has_perm("audit.read_log"):
        raise PermissionDenied
    event_filter = AuditEventFilter(request.GET, queryset=AuditEvent.objects.all())
    valid = event_filter.is_valid()
    events = event_filter.qs if valid else AuditEvent.objects.none()
    query = request.GET.copy()
    for key in ("before", "after", "page"):
        query.pop(key, None)
    return render(
        request,
        "audit/event_list.html",
        {
            "filter": event_filter,
            "query": query.urlencode(),
            **keyset_page(
                events,
                before=_cursor(request.GET.get("before")),
                after=_cursor(request.GET.get("after")),
            ),
        },
        status=200 if valid else 400,
    )
