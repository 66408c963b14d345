from django.contrib import admin

from .models import Course, FidelityCheck, RecoveryCollege, Term


@admin.register(RecoveryCollege)
class RecoveryCollegeAdmin(admin.ModelAdmin):
    list_display = ["name", "site", "status", "opened_on"]
    list_filter = ["status"]


@admin.register(FidelityCheck)
class FidelityCheckAdmin(admin.ModelAdmin):
    """Read here; the score is written with its ratings by the app's own form."""

    list_display = ["college", "checked_on", "score"]
    readonly_fields = ["score"]


@admin.register(Term)
class TermAdmin(admin.ModelAdmin):
    list_display = ["college", "name", "starts_on", "students", "students_using_services"]


@admin.register(Course)
class CourseAdmin(admin.ModelAdmin):
    list_display = ["title", "term", "sessions", "co_produced"]
