from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import Comment, Cycle, DataPoint, Goal, Indicator, Priority


@admin.register(Priority)
class PriorityAdmin(admin.ModelAdmin):
    list_display = ["challenge", "site", "agreed_on"]
    list_filter = ["site__category"]
    search_fields = ["site__name", "challenge__title"]
    list_select_related = ["challenge", "site"]
    raw_id_fields = ["site"]


@admin.register(Goal)
class GoalAdmin(SimpleHistoryAdmin):
    list_display = ["title", "priority", "difficulty", "status", "target_date"]
    list_filter = ["difficulty", "status"]
    search_fields = ["title", "priority__site__name"]
    list_select_related = ["priority__challenge", "priority__site"]
    raw_id_fields = ["priority", "owner"]


@admin.register(Indicator)
class IndicatorAdmin(SimpleHistoryAdmin):
    list_display = ["name", "goal", "unit", "better"]
    search_fields = ["name", "goal__title"]
    list_select_related = ["goal"]
    raw_id_fields = ["goal"]


@admin.register(DataPoint)
class DataPointAdmin(admin.ModelAdmin):
    list_display = ["indicator", "date", "value"]
    search_fields = ["indicator__name"]
    list_select_related = ["indicator"]
    raw_id_fields = ["indicator"]


@admin.register(Cycle)
class CycleAdmin(SimpleHistoryAdmin):
    list_display = ["__str__", "goal", "outcome", "act_done"]
    list_filter = ["outcome"]
    search_fields = ["objective", "change_idea", "goal__title"]
    list_select_related = ["goal"]
    raw_id_fields = ["goal", "adapted_from"]
    filter_horizontal = ["watched_indicators"]


@admin.register(Comment)
class CommentAdmin(admin.ModelAdmin):
    list_display = ["author", "goal", "cycle", "created"]
    list_select_related = ["author", "goal", "cycle"]
    raw_id_fields = ["author", "goal", "cycle"]
