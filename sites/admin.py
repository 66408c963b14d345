from django.contrib import admin

from imroc.formsets import CappedInline

from .figures_admin import FiguresAdmin
from .models import Person, ProjectGroupMember, Site


class ProjectGroupMemberInline(CappedInline, admin.TabularInline):
    model = ProjectGroupMember
    extra = 0
    autocomplete_fields = ["person"]


@admin.register(Site)
class SiteAdmin(FiguresAdmin):
    list_display = ["name", "category", "organisation_type", "region", "date_joined", "is_active"]
    list_filter = ["category", "organisation_type", "region", "is_active"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}
    filter_horizontal = ["consultants"]
    inlines = [ProjectGroupMemberInline]


@admin.register(Person)
class PersonAdmin(FiguresAdmin):
    list_display = ["full_name", "email", "user"]
    search_fields = ["full_name", "email"]
    raw_id_fields = ["user"]


@admin.register(ProjectGroupMember)
class ProjectGroupMemberAdmin(FiguresAdmin):
    list_display = ["person", "site", "role", "perspective"]
    list_filter = ["role", "perspective"]
    search_fields = ["person__full_name", "site__name"]
    list_select_related = ["person", "site"]
