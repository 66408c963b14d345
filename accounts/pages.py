"""Pages anyone may read, signed in or not, linked from every page's footer: the
accessibility statement (the GDS model) and the privacy notice. Both state the service's real
settings (how long things are kept, the session's length, the contact), so they say what the
service does."""

from django.conf import settings
from django.shortcuts import render
from django.views.decorators.http import require_safe


def _contact() -> dict:
    return {"contact_email": settings.IMROC_CONTACT_EMAIL}


@require_safe
def accessibility(request):
    return render(request, "accounts/accessibility.html", _contact())


@require_safe
def privacy(request):
    return render(
        request,
        "accounts/privacy.html",
        {
            **_contact(),
            "needs_days": settings.IMROC_NEEDS_RETENTION_DAYS,
            "report_days": settings.IMROC_REPORT_KEEP_DAYS,
            "archive_days": settings.IMROC_ARCHIVE_KEEP_DAYS,
            "session_hours": settings.SESSION_COOKIE_AGE // 3600,
        },
    )
