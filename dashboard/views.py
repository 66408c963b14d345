"""The programme dashboard: for consultants and the administrator. Every figure links to the
list behind it and every table exports as CSV, all with the same filters."""

import datetime

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_safe

from accounts.permissions import require
from imroc.exports import csv_writer
from sites.models import QUIET_AFTER
from support import selectors as reviews

from .forms import DashboardFilterForm
from .heatmap import heatmap as heatmap_page
from .lists import FIGURES
from .method import TABLES
from .my_sites import SHOWN
from .my_sites import my_sites as consultant_page
from .overview import overview as overview_figures
from .tables import Reads, heatmap_table

PAGE_SIZE = 50


def _filter_form(request):
    require(request.user, "dashboard.view_dashboard")
    form = DashboardFilterForm(request.GET, today=datetime.date.today())
    valid = not form.is_bound or form.is_valid()
    return form, valid


def _reads(form) -> Reads:
    return Reads(filters=form.filters(), today=form.today)


@login_required
@require_safe
def overview(request):
    form, valid = _filter_form(request)
    context = {"form": form, "valid": valid, "section": "overview"}
    if valid:
        reads = _reads(form)
        context |= {"filters": reads.filters, **overview_figures(reads)}
    return render(request, "dashboard/overview.html", context)


@login_required
@require_safe
def heatmap(request):
    form, valid = _filter_form(request)
    context = {"form": form, "valid": valid, "section": "heatmap"}
    if valid:
        context |= heatmap_page(_reads(form), request.GET.get("page"))
    return render(request, "dashboard/heatmap.html", context)


def _figure(name: str):
    if name not in FIGURES:
        raise Http404("No such figure.")
    return FIGURES[name]


def _params(request) -> dict:
    return {key: value for key, value in request.GET.items() if key not in ("page",)}


@login_required
@require_safe
def figure_list(request, figure):
    chosen = _figure(figure)
    form, valid = _filter_form(request)
    extra = [(k, v) for k, v in _params(request).items() if k not in form.fields]
    context = {
        "form": form,
        "valid": valid,
        "figure": chosen,
        "name": figure,
        "extra_params": extra,
    }
    if valid:
        reads = _reads(form)
        rows = chosen.rows(reads.filters, _params(request), reads.today)
        page = Paginator(rows, PAGE_SIZE).get_page(request.GET.get("page"))
        query = request.GET.copy()
        query.pop("page", None)
        context |= {
            "filters": reads.filters,
            "page": page,
            "rows": chosen.labelled(page.object_list),
            "query": query.urlencode(),
        }
    return render(request, "dashboard/figure_list.html", context)


def _csv(filename: str, rows) -> HttpResponse:
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}.csv"'
    csv_writer(response).writerows(rows)
    return response


def _bad_filters(form) -> HttpResponse:
    errors = "; ".join(f"{field}: {' '.join(msgs)}" for field, msgs in form.errors.items())
    return HttpResponse(f"Bad filters: {errors}", status=400, content_type="text/plain")


@login_required
@require_safe
def figure_csv(request, figure):
    chosen = _figure(figure)
    form, valid = _filter_form(request)
    if not valid:
        return _bad_filters(form)
    reads = _reads(form)
    rows = chosen.rows(reads.filters, _params(request), reads.today)
    body = ([cell.text for cell in row] for row in chosen.table(rows.iterator(chunk_size=500)))
    return _csv(figure, [chosen.headers, *body])


@login_required
@require_safe
def table_csv(request, table):
    builders = {**TABLES, "heatmap": heatmap_table}
    if table not in builders:
        raise Http404("No such table.")
    form, valid = _filter_form(request)
    if not valid:
        return _bad_filters(form)
    return _csv(table, builders[table](_reads(form)).csv_rows())


@login_required
@require_safe
def my_sites(request):
    """A consultant's own page: their sites, whose review is due, which have gone quiet."""
    require(request.user, "dashboard.view_dashboard")
    today = datetime.date.today()
    return render(
        request,
        "dashboard/me.html",
        {
            **consultant_page(request.user, request.GET, today),
            "today": today,
            "quiet_weeks": QUIET_AFTER.days // 7,
            "due_days": reviews.REVIEW_DUE_WITHIN.days,
            "shown": SHOWN,
        },
    )
