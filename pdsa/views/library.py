from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_safe

from accounts.permissions import require

from .. import selectors
from ..filters import LibraryFilter

PAGE_SIZE = 20


@login_required
@require_safe
def cycle_library(request):
    require(request.user, "pdsa.view_library")
    library_filter = LibraryFilter(request.GET, queryset=selectors.library(request.user))
    page = Paginator(library_filter.qs, PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "pdsa/library.html",
        {"filter": library_filter, "page": page, "query": query.urlencode()},
    )


@login_required
@require_safe
def library_cycle(request, pk):
    """A completed cycle as every programme member reads it; its site edits it elsewhere."""
    require(request.user, "pdsa.view_library")
    cycle = get_object_or_404(selectors.library(request.user), pk=pk)
    return render(
        request,
        "pdsa/library_cycle.html",
        {"cycle": cycle, "goal": cycle.goal, "watched": selectors.watched_data(cycle)},
    )
