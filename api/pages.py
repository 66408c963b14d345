"""Token management pages: issue (the secret shown once), list with last use, revoke."""

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from accounts.permissions import allowed
from accounts.roles import Role
from accounts.rules import is_administrator
from sites.models import ProjectGroupMember, Site

from . import services
from .forms import TokenForm
from .models import ApiToken

PROGRAMME = "programme"


def _choices(user) -> dict[str, tuple[str, object, object]]:
    """What the user may issue: value -> (words, the user it reads as, the site or None)."""
    found = {}
    if is_administrator(user):
        found[PROGRAMME] = ("Everything you can see (the whole programme)", user, None)
        consultants = (
            get_user_model()
            .objects.filter(groups__name=Role.CONSULTANT, is_active=True)
            .order_by("first_name", "last_name", "username")
        )
        for consultant in consultants:
            name = consultant.get_full_name() or consultant.username
            found[f"consultant:{consultant.pk}"] = (f"Consultant {name}'s sites", consultant, None)
        sites = Site.objects.all()
    else:
        sites = Site.objects.filter(
            project_group__person__user=user,
            project_group__role=ProjectGroupMember.Role.PROJECT_LEAD,
        )
    for site in sites.order_by("name"):
        if allowed(user, "api.issue_site_token", site):
            found[f"site:{site.pk}"] = (f"Site: {site.name}", user, site)
    return found


def tokens_for_user(user):
    """The administrator sees every token; others the tokens they issued or that read as
    them."""
    tokens = ApiToken.objects.select_related("user", "site", "created_by")
    if is_administrator(user):
        return tokens
    return tokens.filter(Q(user=user) | Q(created_by=user))


@never_cache
@login_required
def token_list(request):
    choices = _choices(request.user)
    tokens = tokens_for_user(request.user)
    if not choices and not tokens.exists():
        raise PermissionDenied
    today = timezone.localdate()
    form = None
    if choices:
        form = TokenForm(
            request.POST or None,
            choices=[(value, words) for value, (words, _, _) in choices.items()],
            today=today,
        )
    if request.method == "POST":
        if form is None:
            raise PermissionDenied
        if form.is_valid():
            data = form.cleaned_data
            _, reader, site = choices[data["reads"]]
            token, secret = services.token_issue(
                name=data["name"],
                user=reader,
                site=site,
                expires_on=data["expires_on"],
                by=request.user,
            )
            return render(request, "api/token_issued.html", {"token": token, "secret": secret})
    return render(request, "api/token_list.html", {"form": form, "tokens": tokens, "today": today})


@login_required
@require_POST
def token_revoke(request, pk):
    token = get_object_or_404(tokens_for_user(request.user), pk=pk)
    if not allowed(request.user, "api.revoke_token", token):
        raise PermissionDenied
    services.token_revoke(token=token, by=request.user)
    messages.success(request, f"The token “{token.name}” no longer works.")
    return redirect("api:token-list")
