from django.shortcuts import get_object_or_404

from accounts.permissions import require

from .. import selectors


def workshop_for(request, pk, perm: str | None = None):
    """The workshop if the user may see it (else 404), and ``perm`` on it (else 403)."""
    workshop = get_object_or_404(selectors.workshops_for_user(request.user), pk=pk)
    if perm:
        require(request.user, perm, workshop)
    return workshop


def learning_set_for(request, pk, perm: str | None = None, queryset=None):
    queryset = queryset if queryset is not None else selectors.learning_sets_for_user(request.user)
    learning_set = get_object_or_404(queryset, pk=pk)
    if perm:
        require(request.user, perm, learning_set)
    return learning_set
