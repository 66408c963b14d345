"""The resources: each reads through its app's user-scoped selector and returns exactly the
figures its page shows."""

from django.db.models import Count, Prefetch
from django_filters import DateFilter, FilterSet, NumberFilter

from challenges.models import Assessment, Rating
from learning_sets.models import Delegate
from learning_sets.selectors import delegates_for_user, workshops_for_user
from pdsa.models import Cycle, Goal, Indicator, Priority
from pdsa.selectors import cycles_for_user, goals_for_user, indicators_for_user
from sites.selectors import sites_for_user
from support.models import ProgrammeOutcome, SupportLogEntry

from .. import figures, serializers
from ..filters import changed_in_history, resource_filter
from .base import ListResource, Resource


class SiteResource(Resource):
    """Sites with their progress score (the site progress page's)."""

    serializer_class = serializers.SiteSerializer
    filterset_class = resource_filter(serializers.Site, site="pk", date="date_joined", updated=None)
    site_path = "pk"

    def scoped(self, user):
        return sites_for_user(user)

    def decorate(self, items):
        found = figures.progress_of_sites(items)
        for site in items:
            site.api_progress = found[site.pk][0]


class AssessmentResource(Resource):
    """Self-assessments with a stage per challenge; ``challenge_key`` is the same challenge in
    every framework version."""

    serializer_class = serializers.AssessmentSerializer
    filterset_class = resource_filter(
        Assessment, site="site", date="assessed_on", updated="updated_at"
    )
    updated_field = "updated_at"

    def scoped(self, user):
        return (
            Assessment.objects.filter(site__in=sites_for_user(user))
            .select_related("site", "framework")
            .prefetch_related(
                Prefetch(
                    "ratings",
                    queryset=Rating.objects.select_related("challenge", "stage").order_by(
                        "challenge__number"
                    ),
                )
            )
        )


class PriorityResource(Resource):
    serializer_class = serializers.PrioritySerializer
    filterset_class = resource_filter(Priority, site="site", date="agreed_on")

    def scoped(self, user):
        return Priority.objects.filter(site__in=sites_for_user(user)).select_related(
            "site", "challenge"
        )


class GoalResource(Resource):
    """Goals with their progress score and its steps (the goal page's)."""

    serializer_class = serializers.GoalSerializer
    filterset_class = resource_filter(
        Goal, site="priority__site", date="start_date", updated=changed_in_history(Goal)
    )
    site_path = "priority__site"

    def scoped(self, user):
        return goals_for_user(user)

    def decorate(self, items):
        sites = {goal.priority.site_id: goal.priority.site for goal in items}
        found = figures.progress_of_sites(sites.values())
        for goal in items:
            goal.api_progress = found[goal.priority.site_id][1][goal.pk]


class IndicatorFilter(FilterSet):
    site = NumberFilter(field_name="goal__priority__site", help_text="A site's id.")
    goal = NumberFilter(field_name="goal", help_text="A goal's id.")
    date_from = DateFilter(
        method="whole_series", help_text="Points on or after (YYYY-MM-DD); limits use them all."
    )
    date_to = DateFilter(method="whole_series", help_text="Points on or before (YYYY-MM-DD).")

    class Meta:
        model = Indicator
        fields = []

    def whole_series(self, queryset, name, value):
        """The chart is computed on the whole series (its limits and signals do not change
        with the range asked for); the range only picks the points returned."""
        return queryset


class IndicatorResource(Resource):
    """Indicators with their chart results: the indicator page's points, signals, phases,
    limits, variation and assurance."""

    serializer_class = serializers.IndicatorSerializer
    filterset_class = IndicatorFilter
    site_path = "goal__priority__site"

    def scoped(self, user):
        return indicators_for_user(user)

    def decorate(self, items):
        form = IndicatorFilter(self.request.query_params).form
        form.is_valid()  # the filter backend has already refused a bad date
        first = form.cleaned_data.get("date_from")
        last = form.cleaned_data.get("date_to")
        for indicator in figures.with_chart_results(items):
            chart = figures.chart_record(indicator.results)
            chart["points"] = [
                p
                for p in chart["points"]
                if (first is None or p["date"] >= first) and (last is None or p["date"] <= last)
            ]
            indicator.api_chart = chart


class CycleResource(Resource):
    serializer_class = serializers.CycleSerializer
    filterset_class = resource_filter(
        Cycle, site="goal__priority__site", date="starts_on", updated=changed_in_history(Cycle)
    )
    site_path = "goal__priority__site"

    def scoped(self, user):
        return cycles_for_user(user)


class WorkshopResource(Resource):
    """Workshops of the learning sets the owner's sites belong to."""

    serializer_class = serializers.WorkshopSerializer
    filterset_class = resource_filter(serializers.Workshop, site="learning_set__sites", date="date")
    site_path = "learning_set__sites"

    def scoped(self, user):
        return workshops_for_user(user)

    def get_queryset(self):
        return super().get_queryset().distinct()


class AttendanceResource(ListResource):
    """Each site's delegates at each workshop, by perspective: counts only (the workshop
    page's rule), never names or needs."""

    serializer_class = serializers.AttendanceSerializer
    filterset_class = resource_filter(
        Delegate, site="site", date="workshop__date", updated="created_at"
    )

    def scoped(self, user):
        return delegates_for_user(user)

    def list(self, request, *args, **kwargs):
        delegates = self.filter_queryset(self.get_queryset())
        rows = (
            delegates.values(
                "workshop_id",
                "workshop__date",
                "site_id",
                "site__slug",
                "status",
                "attended",
                "perspective",
            )
            .annotate(n=Count("pk"))
            .order_by("workshop_id", "site_id")
        )
        groups: dict[tuple, list] = {}
        for row in rows:
            groups.setdefault((row["workshop_id"], row["site_id"]), []).append(row)
        items = []
        for (workshop_id, site_id), group in groups.items():
            counts = figures.attendance_figures(group)
            items.append(
                {
                    "id": f"{workshop_id}-{site_id}",
                    "workshop": workshop_id,
                    "date": group[0]["workshop__date"],
                    "site": site_id,
                    "site_slug": group[0]["site__slug"],
                    "registered": counts.registered,
                    "attended": counts.attended,
                    "waiting": counts.waiting,
                    "by_perspective": [
                        {
                            "perspective": perspective,
                            "registered": counts.registered_by_perspective[perspective],
                            "attended": counts.attended_by_perspective[perspective],
                        }
                        for perspective in sorted(counts.registered_by_perspective)
                    ],
                }
            )
        page = self.paginate_queryset(items)
        return self.get_paginated_response(self.get_serializer(page, many=True).data)


class SupportResource(Resource):
    """Support given to sites: visits, training sessions, advice, with hours."""

    serializer_class = serializers.SupportSerializer
    filterset_class = resource_filter(
        SupportLogEntry, site="site", date="date", updated="created_at"
    )
    updated_field = "created_at"

    def scoped(self, user):
        return SupportLogEntry.objects.filter(site__in=sites_for_user(user)).select_related(
            "site", "challenge"
        )


class OutcomeResource(Resource):
    """The outcome figures only the snapshots hold (risk review, personal budgets, IPS,
    measures); peer workers and colleges are their own apps' (``sites.figures``)."""

    serializer_class = serializers.OutcomeSerializer
    filterset_class = resource_filter(
        ProgrammeOutcome, site="site", date="recorded_on", updated="created_at"
    )
    updated_field = "created_at"

    def scoped(self, user):
        return ProgrammeOutcome.objects.filter(site__in=sites_for_user(user)).select_related("site")


RESOURCES = {
    "sites": SiteResource,
    "assessments": AssessmentResource,
    "priorities": PriorityResource,
    "goals": GoalResource,
    "indicators": IndicatorResource,
    "cycles": CycleResource,
    "workshops": WorkshopResource,
    "attendance": AttendanceResource,
    "support": SupportResource,
    "outcomes": OutcomeResource,
}
