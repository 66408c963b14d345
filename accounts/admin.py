"""The admin's user list gains the administrator's recovery actions."""

import logging

from axes.utils import reset as axes_reset
from django.contrib import admin, messages
from django.contrib.auth import get_user_model
from django.contrib.auth.admin import UserAdmin

log = logging.getLogger(__name__)
User = get_user_model()


@admin.action(description="Unlock sign-in (clear failed attempts)")
def unlock_sign_in(modeladmin, request, queryset):
    for user in queryset:
        cleared = axes_reset(username=user.get_username())
        log.warning(
            "Sign-in unlocked for %s by %s (%d attempt records cleared)",
            user.get_username(),
            request.user.get_username(),
            cleared,
        )
    messages.success(request, f"Sign-in unlocked for {queryset.count()} account(s).")


admin.site.unregister(User)


@admin.register(User)
class ProgrammeUserAdmin(UserAdmin):
    actions = [unlock_sign_in]
