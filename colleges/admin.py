from django.contrib import admin

from sites.figures_admin import FiguresAdmin

from .models import Course, FidelityCheck, RecoveryCollege, Term


@admin.register(RecoveryCollege)
class RecoveryCollegeAdmin(FiguresAdmin):
    list_display = ["name", "site", "status", "opened_on"]
    list_filter = ["status"]


@admin.register(FidelityCheck)
class FidelityCheckAdmin(FiguresAdmin):
    """Read here; the score is written with its ratings by the app's own form."""

    list_display = ["college", "checked_on", "score"]
    readonly_fields = ["score"]


@admin.register(Term)
class TermAdmin(FiguresAdmin):
    list_display = ["college", "name", "starts_on", "students", "students_using_services"]


@admin.register(Course)
class CourseAdmin(FiguresAdmin):
    list_display = ["title", "term", "sessions", "co_produced"]
