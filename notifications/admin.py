from django.contrib import admin, messages

from . import services
from .models import Notification, Preference, Reminder


@admin.register(Reminder)
class ReminderAdmin(admin.ModelAdmin):
    list_display = ["subject", "kind", "recipient", "delivery", "status", "attempts", "sent_at"]
    list_filter = ["status", "delivery", "kind"]
    search_fields = ["subject", "recipient", "key"]
    readonly_fields = ["claimed_at", "sent_at", "attempts", "last_error", "created_at"]
    raw_id_fields = ["user"]
    actions = ["retry"]

    @admin.action(description="Send the selected failed reminders again")
    def retry(self, request, queryset):
        count = sum(services.reminder_retry(reminder=r) for r in queryset)
        messages.success(request, f"{count} reminder(s) queued again.")


@admin.register(Notification)
class NotificationAdmin(admin.ModelAdmin):
    list_display = ["subject", "user", "created_at", "read_at"]
    raw_id_fields = ["user", "reminder"]


@admin.register(Preference)
class PreferenceAdmin(admin.ModelAdmin):
    list_display = ["user", "kind", "email", "digest"]
    raw_id_fields = ["user"]
