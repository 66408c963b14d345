from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.shortcuts import render

from accounts.rules import is_administrator

from .filters import AuditEventFilter
from .models import AuditEvent

PAGE_SIZE = 50


@login_required
def event_list(request):
    """Administrators only: the log names people and what they read."""
    if not is_administrator(request.user):
        raise PermissionDenied
    event_filter = AuditEventFilter(request.GET, queryset=AuditEvent.objects.all())
    events = event_filter.qs if event_filter.is_valid() else AuditEvent.objects.none()
    page = Paginator(events, PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "audit/event_list.html",
        {"filter": event_filter, "page": page, "query": query.urlencode()},
        status=200 if event_filter.is_valid() else 400,
    )
