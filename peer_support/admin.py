from django.contrib import admin

from .models import ChecklistEntry, PeerPost, RecruitmentRound


@admin.register(ChecklistEntry)
class ChecklistEntryAdmin(admin.ModelAdmin):
    list_display = ["site", "item", "done_on"]
    list_filter = ["item"]


@admin.register(RecruitmentRound)
class RecruitmentRoundAdmin(admin.ModelAdmin):
    list_display = ["site", "opened_on", "applicants", "interviewed", "appointed"]


@admin.register(PeerPost)
class PeerPostAdmin(admin.ModelAdmin):
    list_display = ["site", "team", "head_count", "wte"]
