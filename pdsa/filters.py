import django_filters
from django.contrib.postgres.search import SearchQuery, SearchRank
from django.db import connection
from django.db.models import F, Q

from challenges.models import Challenge
from sites.models import Site

from .models import Cycle


class LibraryFilter(django_filters.FilterSet):
    """Find what other sites tried: by words, challenge, outcome and kind of site."""

    q = django_filters.CharFilter(method="search", label="Search")
    challenge = django_filters.ModelChoiceFilter(
        field_name="goal__priority__challenge",
        queryset=Challenge.objects.select_related("framework").order_by("framework", "number"),
        empty_label="Any",
    )
    outcome = django_filters.ChoiceFilter(choices=Cycle.Outcome.choices, empty_label="Any")
    category = django_filters.ChoiceFilter(
        field_name="goal__priority__site__category",
        choices=Site.Category.choices,
        empty_label="Any",
        label="Site category",
    )

    class Meta:
        model = Cycle
        fields = ["q", "challenge", "outcome", "category"]

    def search(self, queryset, name, value):
        """PostgreSQL: full-text search on the plan, results and learning through the GIN
        index, best matches first. SQLite: every word somewhere in the text or goal title."""
        if connection.vendor == "postgresql":
            query = SearchQuery(value, config="english", search_type="websearch")
            return (
                queryset.filter(search_vector=query)
                .annotate(rank=SearchRank(F("search_vector"), query))
                .order_by("-rank", "-act_done", "-pk")
            )
        for word in value.split():
            queryset = queryset.filter(
                Q(objective__icontains=word)
                | Q(change_idea__icontains=word)
                | Q(results__icontains=word)
                | Q(learning__icontains=word)
                | Q(next_steps__icontains=word)
                | Q(goal__title__icontains=word)
            )
        return queryset

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("challenge", "outcome", "category"):
            self.form.fields[name].widget.attrs["class"] = "form-select"
