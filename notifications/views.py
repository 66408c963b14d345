from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.core import signing
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST, require_safe

from . import selectors, services
from .emails import DIGEST, UNSUBSCRIBE_SALT
from .forms import PreferencesForm
from .registry import label_of

PAGE_SIZE = 25


def _require_administrator(user) -> None:
    if not user.has_perm("notifications.manage_failed"):
        raise PermissionDenied


@login_required
@require_safe
def notification_list(request):
    notifications = selectors.notifications_for(request.user)
    page = Paginator(notifications, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "notifications/notification_list.html", {"page": page})


@login_required
@require_POST
def notification_open(request, pk):
    """Mark one notification read and go to its page."""
    notification = get_object_or_404(selectors.notifications_for(request.user), pk=pk)
    services.notification_read(notification=notification)
    if not url_has_allowed_host_and_scheme(notification.url, allowed_hosts=None):
        return redirect("notifications:notification-list")
    return redirect(notification.url)


@login_required
@require_POST
def notifications_read_all(request):
    count = services.notifications_read_all(user=request.user)
    messages.success(request, f"{count} notification{'s' if count != 1 else ''} marked as read.")
    return redirect("notifications:notification-list")


@login_required
def preferences(request):
    form = PreferencesForm(request.POST or None, rows=selectors.preferences_for(request.user))
    if request.method == "POST" and form.is_valid():
        services.preferences_save(user=request.user, choices=form.choices())
        messages.success(request, "Your notification preferences are saved.")
        return redirect("notifications:preferences")
    return render(request, "notifications/preferences.html", {"form": form})


@csrf_exempt
def unsubscribe(request, token):
    """The link in an email's List-Unsubscribe header: the signed token names the person
    and the kind, so a mail program's one-click POST needs no sign-in; a person opening it
    sees what it stops and confirms."""
    try:
        data = signing.loads(token, salt=UNSUBSCRIBE_SALT)
        user = get_user_model().objects.get(pk=data["u"], is_active=True)
    except (signing.BadSignature, KeyError, TypeError, get_user_model().DoesNotExist):
        raise Http404 from None
    kind = data.get("k", "")
    label = "your weekly digest" if kind == DIGEST else f"“{label_of(kind)}”"
    stopped = request.method == "POST"
    if stopped:
        services.preference_stop(user=user, kind=kind)
    return render(request, "notifications/unsubscribe.html", {"label": label, "stopped": stopped})


@login_required
@require_safe
def failed_list(request):
    _require_administrator(request.user)
    page = Paginator(selectors.failed_reminders(), PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "notifications/failed_list.html", {"page": page})


@login_required
@require_POST
def failed_retry(request, pk):
    _require_administrator(request.user)
    reminder = get_object_or_404(selectors.failed_reminders(), pk=pk)
    services.reminder_retry(reminder=reminder)
    messages.success(request, f"“{reminder.subject}” is queued to be sent again.")
    return redirect("notifications:failed-list")


@login_required
@require_safe
def schedule(request):
    _require_administrator(request.user)
    return render(request, "notifications/schedule.html", {"schedule": selectors.beat_schedule()})
