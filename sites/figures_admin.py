"""The Django admin writes behind the services, so its saves and deletes replace the figures'
version themselves: a figure the administrator corrects shows at once on the dashboard, not
after the cached figures expire. So with the sites' progress scores: a correction in the admin
is rare, so every site's score version is replaced rather than working out whose it was."""

from django.contrib import admin

from .figures import figures_changed
from .models import Site


def _changed() -> None:
    figures_changed()
    Site.objects.progress_changed()


class FiguresAdmin(admin.ModelAdmin):
    """Base of the admin of every model a programme figure may read (``tests/test_admin``
    holds that the admin of each site, person and work app uses it)."""

    def save_related(self, request, form, formsets, change):
        """The admin calls this after ``save_model`` on every save (the change form and the
        list's editable rows), once the object and its inlines (a review's actions, an
        assessment's ratings) are written."""
        super().save_related(request, form, formsets, change)
        _changed()

    def delete_model(self, request, obj):
        super().delete_model(request, obj)
        _changed()

    def delete_queryset(self, request, queryset):
        super().delete_queryset(request, queryset)
        _changed()
