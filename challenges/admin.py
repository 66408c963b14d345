from django.contrib import admin

from .models import Challenge, Framework, Stage


class ChallengeInline(admin.TabularInline):
    model = Challenge
    extra = 0


class StageInline(admin.TabularInline):
    model = Stage
    extra = 0


@admin.register(Framework)
class FrameworkAdmin(admin.ModelAdmin):
    list_display = ["version", "name", "published", "is_current"]
    inlines = [ChallengeInline, StageInline]


@admin.register(Challenge)
class ChallengeAdmin(admin.ModelAdmin):
    list_display = ["number", "title", "framework"]
    list_filter = ["framework"]


@admin.register(Stage)
class StageAdmin(admin.ModelAdmin):
    list_display = ["rank", "name", "framework"]
    list_filter = ["framework"]
