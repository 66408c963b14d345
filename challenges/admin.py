from django.contrib import admin

from imroc.formsets import CappedInline
from sites.figures_admin import FiguresAdmin

from .models import (
    Assessment,
    Challenge,
    Framework,
    Participant,
    Rating,
    Stage,
    StageDescriptor,
)


class ChallengeInline(CappedInline, admin.TabularInline):
    model = Challenge
    extra = 0


class StageInline(CappedInline, admin.TabularInline):
    model = Stage
    extra = 0


@admin.register(Framework)
class FrameworkAdmin(FiguresAdmin):
    list_display = ["version", "name", "published", "is_current"]
    inlines = [ChallengeInline, StageInline]


class StageDescriptorInline(CappedInline, admin.TabularInline):
    model = StageDescriptor
    extra = 0


@admin.register(Challenge)
class ChallengeAdmin(FiguresAdmin):
    list_display = ["number", "title", "key", "framework"]
    list_filter = ["framework"]
    inlines = [StageDescriptorInline]


@admin.register(Stage)
class StageAdmin(FiguresAdmin):
    list_display = ["rank", "name", "framework"]
    list_filter = ["framework"]


class RatingInline(CappedInline, admin.TabularInline):
    model = Rating
    extra = 0


class ParticipantInline(CappedInline, admin.TabularInline):
    model = Participant
    extra = 0
    raw_id_fields = ["person"]


@admin.register(Assessment)
class AssessmentAdmin(FiguresAdmin):
    list_display = ["site", "assessed_on", "framework", "created_by", "created_at"]
    list_filter = ["framework", "site__category"]
    search_fields = ["site__name", "notes"]
    list_select_related = ["site", "framework", "created_by"]
    date_hierarchy = "assessed_on"
    raw_id_fields = ["site", "created_by"]
    readonly_fields = ["created_at", "updated_at"]
    inlines = [RatingInline, ParticipantInline]
