"""The error pages as NHS.UK pages that say what happened and what to do (templates/404.html,
403.html, 403_csrf.html, 405.html, 500.html); Django's own handlers render 404, 403 and 500.
"""

from django.conf import settings
from django.http import Http404
from django.shortcuts import render


def csrf_failure(request, reason=""):
    """CSRF_FAILURE_VIEW: the form was refused (an old page, cookies blocked), not a bug."""
    return render(request, "403_csrf.html", status=403)


class ErrorPageMiddleware:
    """A 405 (a POST to a page that only shows information) gets its page, keeping the
    ``Allow`` header; and in development (DEBUG) a person who is not staff sees the 404 a
    user would, where Django shows its URL list to developers."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if response.status_code == 405 and not response.content:
            page = render(request, "405.html", status=405)
            page["Allow"] = response.get("Allow", "GET, HEAD")
            return page
        return response

    def process_exception(self, request, exception):
        user = getattr(request, "user", None)
        if settings.DEBUG and isinstance(exception, Http404) and not getattr(user, "is_staff", 0):
            return render(request, "404.html", status=404)
        return None
