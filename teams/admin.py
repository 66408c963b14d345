from django.contrib import admin

from imroc.formsets import CappedInline

from .models import Team, TeamAction, TeamAssessment, TeamParticipant, TeamRating


class RatingInline(CappedInline, admin.TabularInline):
    model = TeamRating
    extra = 0


class ParticipantInline(CappedInline, admin.TabularInline):
    model = TeamParticipant
    extra = 0


@admin.register(Team)
class TeamAdmin(admin.ModelAdmin):
    list_display = ["name", "site", "service_type", "manager"]
    list_filter = ["service_type"]


@admin.register(TeamAssessment)
class TeamAssessmentAdmin(admin.ModelAdmin):
    list_display = ["team", "assessed_on", "next_review_on"]
    inlines = [RatingInline, ParticipantInline]


@admin.register(TeamAction)
class TeamActionAdmin(admin.ModelAdmin):
    list_display = ["what", "team", "due_on", "status"]
    list_filter = ["status"]
