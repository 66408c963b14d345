from django.contrib import admin

from sites.figures_admin import FiguresAdmin

from .models import ChecklistEntry, PeerPost, RecruitmentRound


@admin.register(ChecklistEntry)
class ChecklistEntryAdmin(FiguresAdmin):
    list_display = ["site", "item", "done_on"]
    list_filter = ["item"]


@admin.register(RecruitmentRound)
class RecruitmentRoundAdmin(FiguresAdmin):
    list_display = ["site", "opened_on", "applicants", "interviewed", "appointed"]


@admin.register(PeerPost)
class PeerPostAdmin(FiguresAdmin):
    list_display = ["site", "team", "head_count", "wte"]
