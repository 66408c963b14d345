"""Progress reviews and their agreed actions: thin views over the support services."""

import datetime

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.forms.utils import ErrorDict
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from accounts.permissions import require
from sites.selectors import sites_for_user

from . import selectors, services
from .forms import (
    MAX_ACTIONS,
    ActionDoneForm,
    CarryActionsForm,
    ProgressReviewForm,
    ReviewActionFormSet,
    ReviewResponseForm,
    action_owner_choices,
    action_rows,
)
from .views import _page, _site


@login_required
def review_index(request):
    reviews = selectors.reviews_for_user(request.user)
    return render(
        request,
        "support/review_list.html",
        {
            "page": _page(request, reviews),
            "query": "",
            "site": None,
            "today": datetime.date.today(),
        },
    )


@login_required
def review_list(request, slug):
    site = _site(request, slug)
    reviews = selectors.reviews_for_user(request.user).filter(site=site)
    return render(
        request,
        "support/review_list.html",
        {
            "page": _page(request, reviews),
            "query": "",
            "site": site,
            "today": datetime.date.today(),
        },
    )


def _site_with_support(request, slug):
    """The site with its support use summed in the same query (``site_support`` reads it)."""
    return get_object_or_404(selectors.with_support_usage(sites_for_user(request.user)), slug=slug)


def _review_form_page(request, *, site, review=None):
    context = selectors.review_context(site, review)
    data = request.POST or None
    adding_row = data is not None and "add_action" in data
    if adding_row:
        data = _with_one_more_action(data)
    publish = data is not None and "draft" not in data and not adding_row
    carry_form = None
    if review is None or review.is_draft:
        carry_form = CarryActionsForm(
            data if publish else None,
            actions=context["open_earlier"],
            prefix="carry",
        )
    form = ProgressReviewForm(
        data,
        instance=review,
        prefix="review",
        initial=None if review else _new_review_initial(site, context["previous_review"]),
    )
    formset = ReviewActionFormSet(
        data,
        instance=review,
        prefix="actions",
        queryset=selectors.actions_with_owners(),
        form_kwargs={"owner_choices": action_owner_choices(site, context["members"])},
    )
    if adding_row:
        _quiet(form, formset)
    elif data is not None and _all_valid(form, formset, carry_form):
        fields = {name: form.cleaned_data[name] for name in ProgressReviewForm.Meta.fields}
        carry = carry_form.choices() if publish and carry_form else None
        if review is None:
            review = services.review_create(
                site=site,
                consultant=request.user,
                actions=action_rows(formset),
                publish=publish,
                carry=carry,
                **fields,
            )
        else:
            was_draft = review.is_draft
            services.review_update(
                review=review, actions=action_rows(formset), by=request.user, **fields
            )
            if was_draft and publish:
                review = services.review_publish(review=review, carry=carry, by=request.user)
        messages.success(request, _saved_message(review))
        return redirect(review)
    return render(
        request,
        "support/review_form.html",
        {
            "site": site,
            "review": review,
            "form": form,
            "formset": formset,
            "carry_form": carry_form,
            "can_add_action": formset.total_form_count() < MAX_ACTIONS,
            **context,
        },
    )


def _all_valid(*forms) -> bool:
    """Every form is checked (so every error shows at once); a missing one counts as valid."""
    return all([each.is_valid() for each in forms if each is not None and each.is_bound])


def _saved_message(review) -> str:
    if review.is_draft:
        return "Review saved as a draft. Only you can see it until you publish it."
    return "Review published. The site's lead has been told."


def _with_one_more_action(data):
    """ "Add another action" re-renders the page with an empty row more; nothing is saved."""
    data = data.copy()
    key = "actions-TOTAL_FORMS"
    try:
        total = int(data.get(key, 0))
    except ValueError:
        total = 0
    data[key] = str(min(max(total, 0) + 1, MAX_ACTIONS))
    return data


def _quiet(form, formset):
    """Adding a row is not a save: keep what was typed, show no errors yet."""
    for each in (form, *formset.forms):
        each._errors = ErrorDict()
    formset._errors = [form.errors for form in formset.forms]
    formset._non_form_errors = formset.error_class()


def _new_review_initial(site, last) -> dict:
    """``last`` is the site's latest review (the previous one to a new review), if any."""
    today = datetime.date.today()
    return {
        "review_date": today,
        "period_start": last.period_end if last else site.date_joined,
        "period_end": today,
        "next_review_due": today + datetime.timedelta(weeks=12),
    }


@login_required
def review_add(request, slug):
    site = _site_with_support(request, slug)
    require(request.user, "support.add_progressreview", site)
    return _review_form_page(request, site=site)


@login_required
def review_edit(request, pk):
    review = get_object_or_404(selectors.reviews_for_user(request.user), pk=pk)
    require(request.user, "support.change_progressreview", review)
    return _review_form_page(request, site=review.site, review=review)


def _review(request, pk):
    return get_object_or_404(
        selectors.review_with_details(selectors.reviews_for_user(request.user)), pk=pk
    )


def _render_review(request, review, response_form):
    return render(
        request,
        "support/review_detail.html",
        {
            "review": review,
            "site": review.site,
            "response_form": response_form,
            "today": datetime.date.today(),
        },
    )


@login_required
def review_detail(request, pk):
    review = _review(request, pk)
    return _render_review(request, review, ReviewResponseForm())


@login_required
@require_POST
def review_respond(request, pk):
    review = _review(request, pk)
    require(request.user, "support.respond_progressreview", review)
    form = ReviewResponseForm(request.POST)
    if not form.is_valid():
        return _render_review(request, review, form)
    services.review_respond(review=review, author=request.user, text=form.cleaned_data["text"])
    messages.success(request, "Response sent.")
    return redirect(reverse("support:review-detail", kwargs={"pk": review.pk}) + "#responses")


def _action(request, pk):
    return get_object_or_404(selectors.actions_for_user(request.user), pk=pk)


@login_required
def action_detail(request, pk):
    """An agreed action as a work item: its owner or the site's lead says when it is done."""
    action = _action(request, pk)
    form = ActionDoneForm(
        request.POST or None,
        initial={"done": "yes" if action.done else "no", "note": action.done_note},
    )
    if request.method == "POST":
        require(request.user, "support.complete_reviewaction", action)
        if form.is_valid():
            services.action_set_done(
                action=action,
                done=form.cleaned_data["done"],
                note=form.cleaned_data["note"],
                by=request.user,
            )
            messages.success(request, "Action saved.")
            return redirect(action)
    return render(
        request,
        "support/action_detail.html",
        {
            "action": action,
            "review": action.review,
            "site": action.review.site,
            "form": form,
            "history": action.history.select_related("history_user").order_by("-history_date")[:20],
            "today": datetime.date.today(),
        },
    )
