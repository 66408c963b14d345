"""Entering, correcting and deleting an indicator's values."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import IntegrityError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone

from accounts.permissions import require
from imroc.dates import long_date

from .. import selectors, services
from ..csv_import import DATE_FORMAT_HELP
from ..forms import DataGridForm, DataImportForm, DataPointEditForm


def _editable_indicator(request, pk):
    indicator = get_object_or_404(selectors.indicators_for_user(request.user), pk=pk)
    require(request.user, "pdsa.change_indicator", indicator)
    return indicator


def _save_rows(request, indicator, form) -> bool:
    try:
        added = services.data_points_add(indicator=indicator, rows=form.rows())
    except IntegrityError:  # someone added a value for one of these dates meanwhile
        form.add_error(None, "Nothing was added: one of these dates already has a value.")
        return False
    messages.success(request, f"{len(added)} value{'s' if len(added) != 1 else ''} added.")
    return True


@login_required
def datapoint_add(request, pk):
    """The grid: type rows or paste cells from a spreadsheet, all saved or none."""
    indicator = _editable_indicator(request, pk)
    form = DataGridForm(request.POST or None, indicator=indicator, today=timezone.localdate())
    if request.method == "POST" and form.is_valid() and _save_rows(request, indicator, form):
        return redirect(indicator)
    return render(
        request,
        "pdsa/datapoint_grid.html",
        {"indicator": indicator, "form": form, "title": f"Add values to {indicator.name}"},
    )


@login_required
def datapoint_import(request, pk):
    indicator = _editable_indicator(request, pk)
    form = DataImportForm(
        request.POST or None,
        request.FILES or None,
        indicator=indicator,
        today=timezone.localdate(),
    )
    if request.method == "POST" and form.is_valid() and _save_rows(request, indicator, form):
        return redirect(indicator)
    return render(
        request,
        "pdsa/datapoint_form.html",
        {
            "indicator": indicator,
            "form": form,
            "title": f"Paste or upload data for {indicator.name}",
            "date_formats": DATE_FORMAT_HELP,
            "is_import": True,
        },
    )


@login_required
def datapoint_edit(request, pk, point_pk):
    indicator = _editable_indicator(request, pk)
    point = get_object_or_404(indicator.data_points, pk=point_pk)
    point.indicator = indicator
    form = DataPointEditForm(request.POST or None, instance=point, today=timezone.localdate())
    if request.method == "POST" and form.is_valid():
        try:
            services.data_point_update(data_point=point, **form.changes())
        except IntegrityError:
            form.add_error("date", "That date has just been given a value by someone else.")
        else:
            messages.success(request, f"The value of {long_date(point.date)} was saved.")
            return redirect(indicator)
    return render(
        request,
        "pdsa/datapoint_form.html",
        {
            "indicator": indicator,
            "form": form,
            "title": f"Correct the value of {long_date(point.date)}",
        },
    )


@login_required
def datapoint_delete(request, pk, point_pk):
    """Asks first: a deleted value changes the charts' lines and signals."""
    indicator = _editable_indicator(request, pk)
    point = get_object_or_404(indicator.data_points, pk=point_pk)
    if request.method == "POST":
        services.data_point_delete(data_point=point)
        messages.success(request, f"The value of {long_date(point.date)} was deleted.")
        return redirect(indicator)
    return render(
        request,
        "pdsa/confirm_delete.html",
        {
            "indicator": indicator,
            "title": f"Delete the value of {long_date(point.date)}?",
            "detail": f"{point.value:g}{f' {indicator.unit}' if indicator.unit else ''}"
            f"{f' ({point.note})' if point.note else ''}. The charts are redrawn without it.",
            "button": "Delete the value",
        },
    )
