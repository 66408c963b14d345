"""Choosing one site among thousands: a text box that suggests sites as the person types
(GOV.UK's accessible autocomplete, fed by ``sites:site-search``), so no page renders an option
per site. Without JavaScript the same box works: the full name, the address slug or a part of
the name that only one site has."""

from django import forms
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.http import JsonResponse
from django.templatetags.static import static
from django.urls import reverse
from django.views.decorators.http import require_GET

from .models import Site
from .selectors import sites_for_user, sites_in_group_of

AUTOCOMPLETE_JS = "vendor/accessible-autocomplete/accessible-autocomplete-3.0.1.min.js"
SUGGESTIONS = 10
LONGEST_NAME = Site._meta.get_field("name").max_length


class SiteSearchInput(forms.TextInput):
    template_name = "sites/widgets/site_chooser.html"
    scope = "visible"

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, {**(attrs or {}), "autocomplete": "off"})
        context["widget"].update(
            search_url=f"{reverse('sites:site-search')}?scope={self.scope}",
            scripts=[static(AUTOCOMPLETE_JS), static("js/site_chooser.js")],
        )
        return context


class SiteChooserField(forms.ModelChoiceField):
    """A site among ``queryset``, named by the person (or given by its slug or id). ``scope``
    says which sites to suggest: ``visible`` (all the person may see) or ``mine``."""

    widget = SiteSearchInput

    def __init__(self, *, queryset, scope: str = "visible", **kwargs):
        kwargs.setdefault(
            "error_messages",
            {"required": "Type the site's name and choose it from the list"},
        )
        kwargs.setdefault("help_text", "Type part of the site's name, then choose it.")
        super().__init__(queryset=queryset, **kwargs)
        self.widget.scope = scope

    def prepare_value(self, value):
        if isinstance(value, Site):
            return value.name
        return value

    def to_python(self, value):
        text = str(value or "").strip()
        if text in self.empty_values:
            return None
        if "\x00" in text:
            raise ValidationError("Type the site's name in letters", code="invalid_choice")
        if len(text) > LONGEST_NAME:
            raise ValidationError("No site's name is that long: type part of the site's name")
        exact = Q(name__iexact=text) | Q(slug=text)
        if text.isdigit() and len(text) < 19:  # links and scripts that post the site's id
            exact |= Q(pk=int(text))
        exact = list(self.queryset.filter(exact)[:2])
        if len(exact) == 1:
            return exact[0]
        matches = list(self.queryset.filter(name__icontains=text).order_by("name")[:4])
        if len(matches) == 1:
            return matches[0]
        if not matches:
            raise ValidationError(
                f"No site you can choose has '{text}' in its name: type part of the site's "
                "name and choose it from the list",
                code="invalid_choice",
            )
        names = ", ".join(site.name for site in matches[:3])
        more = ", and more" if len(matches) > 3 else ""
        raise ValidationError(
            f"More than one site has '{text}' in its name ({names}{more}): type more of it",
            code="invalid_choice",
        )


def suggestions(sites, query: str) -> list[dict]:
    """Sites whose name holds ``query``, those starting with it first."""
    query = query.replace("\x00", "").strip()[:LONGEST_NAME]
    if len(query) < 2:
        return []
    found = sites.filter(name__icontains=query).order_by("name")
    starting = list(found.filter(name__istartswith=query)[:SUGGESTIONS])
    rest = found.exclude(pk__in=[s.pk for s in starting])[: SUGGESTIONS - len(starting)]
    return [
        {"name": site.name, "slug": site.slug, "category": site.get_category_display()}
        for site in [*starting, *rest]
    ]


@login_required
@require_GET
def site_search(request):
    """The suggestions, among the sites the person may see (outsiders learn of no others), or
    with ``scope=mine`` the active sites they consult for or belong to, for forms that act only
    on those."""
    sites = sites_for_user(request.user)
    if request.GET.get("scope") == "mine":
        sites = Site.objects.active().filter(
            Q(pk__in=sites_in_group_of(request.user).values("pk")) | Q(consultants=request.user)
        )
    return JsonResponse({"results": suggestions(sites, request.GET.get("q", ""))})
