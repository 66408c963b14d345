from django.contrib import admin

from imroc.formsets import CappedInline
from sites.figures_admin import FiguresAdmin

from .models import Team, TeamAction, TeamAssessment, TeamParticipant, TeamRating


class RatingInline(CappedInline, admin.TabularInline):
    model = TeamRating
    extra = 0


class ParticipantInline(CappedInline, admin.TabularInline):
    model = TeamParticipant
    extra = 0


@admin.register(Team)
class TeamAdmin(FiguresAdmin):
    list_display = ["name", "site", "service_type", "manager"]
    list_filter = ["service_type"]


@admin.register(TeamAssessment)
class TeamAssessmentAdmin(FiguresAdmin):
    list_display = ["team", "assessed_on", "next_review_on"]
    inlines = [RatingInline, ParticipantInline]


@admin.register(TeamAction)
class TeamActionAdmin(FiguresAdmin):
    list_display = ["what", "team", "due_on", "status"]
    list_filter = ["status"]
