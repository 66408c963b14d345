"""What every pdsa view shares: the stale-save response."""

from django.contrib import messages
from django.shortcuts import redirect

from ..services import Conflict


def save_or_conflict(request, form, form_class, form_kwargs, save):
    """Call ``save()``; on a stale version, rebind the user's own input to the current version
    and attach the conflict, so the page shows what changed and keeps what they typed.
    Returns (response or None, form)."""
    try:
        obj = save()
    except Conflict as conflict:
        data = request.POST.copy()
        data["version"] = conflict.current.version
        form = form_class(data, **form_kwargs)
        form.is_valid()
        form.conflict = conflict
        return None, form
    messages.success(request, "Saved.")
    return redirect(obj), form
