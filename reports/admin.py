from django.contrib import admin

from .models import Report


@admin.register(Report)
class ReportAdmin(admin.ModelAdmin):
    list_display = ["__str__", "kind", "status", "requested_by", "created_at", "expires_at"]
    list_filter = ["kind", "status"]
    list_select_related = ["site", "learning_set", "requested_by"]
    raw_id_fields = ["site", "requested_by"]
    readonly_fields = ["created_at", "finished_at", "error"]
