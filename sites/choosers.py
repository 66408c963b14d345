"""Choosing sites among thousands, so no page renders an option per site.

One site (``SiteChooserField``): a text box that suggests sites as the person types (GOV.UK's
accessible autocomplete, fed by ``sites:site-search``). Without JavaScript the same box works:
the full name, the address slug or a part of the name that only one site has.

Several sites (``SitesChooserField``): without JavaScript, a search box and category and region
filters narrow a list of at most ``LISTED`` checkboxes, the sites already chosen always listed
and ticked; with JavaScript (``static/js/sites_chooser.js``) the autocomplete adds a site to a
list of chosen sites, each with a Remove button. The server validates the ids either way."""

from dataclasses import dataclass

from django import forms
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.forms.utils import ErrorDict
from django.http import JsonResponse
from django.templatetags.static import static
from django.urls import reverse
from django.views.decorators.http import require_GET

from .models import Site
from .selectors import sites_for_user, sites_in_group_of

AUTOCOMPLETE_JS = "vendor/accessible-autocomplete/accessible-autocomplete-3.0.1.min.js"
SUGGESTIONS = 10
LISTED = 50  # checkboxes a multiple chooser shows besides the sites already chosen
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


@dataclass(frozen=True)
class Search:
    """What a multiple chooser's list is narrowed by: part of the name, a category, a region
    (values outside the choices are ignored, so a tampered one narrows nothing)."""

    text: str = ""
    category: str = ""
    region: str = ""

    @classmethod
    def read(cls, data, prefix: str) -> "Search":
        category = data.get(f"{prefix}category", "")
        region = data.get(f"{prefix}region", "")
        return cls(
            text=str(data.get(f"{prefix}q", "")).replace("\x00", "").strip()[:LONGEST_NAME],
            category=category if category in Site.Category.values else "",
            region=region if region in Site.Region.values else "",
        )

    def __bool__(self) -> bool:
        return bool(self.text or self.category or self.region)

    def narrow(self, sites):
        if self.text:
            sites = sites.filter(name__icontains=self.text)
        if self.category:
            sites = sites.of_category(self.category)
        if self.region:
            sites = sites.filter(region=self.region)
        return sites


def _ids(values) -> list[int]:
    return [int(v) for v in values if str(v).isdigit() and len(str(v)) < 19]


class SitesChooser(forms.Widget):
    """The multiple chooser's markup (see the module docstring). ``lists_before_search``:
    whether the first ``LISTED`` sites are listed before any search (a filter form that
    shows on every page of a dashboard lists none until asked)."""

    template_name = "sites/widgets/sites_chooser.html"
    use_fieldset = True
    composite = True  # design's field template: a fieldset around the widget's own controls
    search = Search()

    def __init__(self, attrs=None, *, lists_before_search: bool = True):
        super().__init__(attrs)
        self.lists_before_search = lists_before_search

    def value_from_datadict(self, data, files, name):
        self.search = Search.read(data, f"{name}_")
        getter = getattr(data, "getlist", data.get)
        return getter(name)

    def value_omitted_from_data(self, data, files, name):
        return False  # no box ticked is an answer: none

    def id_for_label(self, id_):
        return f"{id_}_q" if id_ else id_

    def format_value(self, value):
        if value is None:
            return []
        return [str(v) for v in (value if isinstance(value, list | tuple) else [value])]

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        sites = self.choices.queryset.order_by("name")
        ids = _ids(context["widget"]["value"])
        chosen = list(sites.filter(pk__in=ids)) if ids else []
        shown, more = [], 0
        if self.search or self.lists_before_search:
            matches = self.search.narrow(sites).exclude(pk__in=[site.pk for site in chosen])
            shown = list(matches[: LISTED + 1])
            if len(shown) > LISTED:
                shown, more = shown[:LISTED], matches.count() - LISTED
        context["widget"].update(
            chosen=chosen,
            shown=shown,
            more=more,
            search=self.search,
            searched=bool(self.search),
            categories=Site.Category.choices,
            regions=Site.Region.choices,
            search_url=f"{reverse('sites:site-search')}?scope=active",
            scripts=[static(AUTOCOMPLETE_JS), static("js/sites_chooser.js")],
        )
        return context


class SitesChooserField(forms.ModelMultipleChoiceField):
    """Sites among ``queryset`` (active sites the person may choose), posted as their ids;
    an id outside it is "Select a valid choice", as for any multiple choice."""

    widget = SitesChooser

    def __init__(self, *, queryset, lists_before_search: bool = True, **kwargs):
        kwargs.setdefault(
            "help_text",
            "Type part of a site's name and choose it, or search and filter the list, then "
            "tick each site.",
        )
        super().__init__(queryset=queryset, **kwargs)
        self.widget.lists_before_search = lists_before_search

    def _check_values(self, value):
        """A value that is no id at all is answered as one outside the list."""
        try:
            return super()._check_values(value)
        except ValidationError as error:
            if error.code != "invalid_pk_value":
                raise
            raise ValidationError(
                self.error_messages["invalid_choice"],
                code="invalid_choice",
                params=error.params,
            ) from None


class RefinesSites:
    """For a form (before its other bases) with a ``SitesChooserField``: the chooser's "Search
    sites" button shows the form again with the list narrowed, saving nothing and raising no
    errors, so the search works without JavaScript."""

    @property
    def refining(self) -> bool:
        return self.is_bound and any(
            f"{self.add_prefix(name)}_search" in self.data
            for name, field in self.fields.items()
            if isinstance(field.widget, SitesChooser)
        )

    def full_clean(self):
        if self.refining:
            self._errors, self.cleaned_data = ErrorDict(), {}
            return
        super().full_clean()

    def is_valid(self):
        return not self.refining and super().is_valid()


def suggestions(sites, search: Search) -> list[dict]:
    """Sites whose name holds the search's text (two letters at least), those starting with it
    first, in its category and region if it has them."""
    if len(search.text) < 2:
        return []
    found = search.narrow(sites).order_by("name")
    starting = list(found.filter(name__istartswith=search.text)[:SUGGESTIONS])
    rest = found.exclude(pk__in=[s.pk for s in starting])[: SUGGESTIONS - len(starting)]
    return [
        {
            "id": site.pk,
            "name": site.name,
            "slug": site.slug,
            "category": site.get_category_display(),
            "region": site.get_region_display(),
        }
        for site in [*starting, *rest]
    ]


@login_required
@require_GET
def site_search(request):
    """The suggestions, among the sites the person may see (outsiders learn of no others); with
    ``scope=active`` only those in the programme now (the multiple chooser's forms), with
    ``scope=mine`` the active sites they consult for or belong to, for forms that act only
    on those. ``category`` and ``region`` narrow them."""
    sites = sites_for_user(request.user)
    scope = request.GET.get("scope")
    if scope == "active":
        sites = sites.active()
    elif scope == "mine":
        sites = Site.objects.active().filter(
            Q(pk__in=sites_in_group_of(request.user).values("pk")) | Q(consultants=request.user)
        )
    return JsonResponse({"results": suggestions(sites, Search.read(request.GET, ""))})
