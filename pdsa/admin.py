from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from sites.figures_admin import FiguresAdmin

from .models import Comment, Cycle, DataPoint, Goal, Indicator, Priority
from .services import charts_changed


@admin.register(Priority)
class PriorityAdmin(FiguresAdmin):
    list_display = ["challenge", "site", "agreed_on"]
    list_filter = ["site__category"]
    search_fields = ["site__name", "challenge__title"]
    list_select_related = ["challenge", "site"]
    raw_id_fields = ["site"]


@admin.register(Goal)
class GoalAdmin(FiguresAdmin, SimpleHistoryAdmin):
    list_display = ["title", "priority", "difficulty", "status", "target_date"]
    list_filter = ["difficulty", "status"]
    search_fields = ["title", "priority__site__name"]
    list_select_related = ["priority__challenge", "priority__site"]
    raw_id_fields = ["priority", "owner"]


@admin.register(Indicator)
class IndicatorAdmin(FiguresAdmin, SimpleHistoryAdmin):
    list_display = ["name", "goal", "unit", "better"]
    search_fields = ["name", "goal__title"]
    list_select_related = ["goal"]
    raw_id_fields = ["goal"]

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        charts_changed(indicator_ids=[form.instance.pk])


@admin.register(DataPoint)
class DataPointAdmin(FiguresAdmin):
    list_display = ["indicator", "date", "value"]
    search_fields = ["indicator__name"]
    list_select_related = ["indicator"]
    raw_id_fields = ["indicator"]

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        charts_changed(indicator_ids={obj.indicator_id, form.initial.get("indicator")} - {None})

    def delete_model(self, request, obj):
        super().delete_model(request, obj)
        charts_changed(indicator_ids=[obj.indicator_id])

    def delete_queryset(self, request, queryset):
        indicator_ids = set(queryset.values_list("indicator_id", flat=True))
        super().delete_queryset(request, queryset)
        charts_changed(indicator_ids=indicator_ids)


@admin.register(Cycle)
class CycleAdmin(FiguresAdmin, SimpleHistoryAdmin):
    list_display = ["__str__", "goal", "outcome", "act_done"]
    list_filter = ["outcome"]
    search_fields = ["objective", "change_idea", "goal__title"]
    list_select_related = ["goal"]
    raw_id_fields = ["goal", "adapted_from"]
    filter_horizontal = ["watched_indicators"]


@admin.register(Comment)
class CommentAdmin(FiguresAdmin):
    list_display = ["author", "goal", "cycle", "created"]
    list_select_related = ["author", "goal", "cycle"]
    raw_id_fields = ["author", "goal", "cycle"]
