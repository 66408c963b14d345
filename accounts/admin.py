"""The admin's user list gains the administrator's recovery actions."""

import logging

from axes.utils import reset as axes_reset
from django.contrib import admin, messages
from django.contrib.auth import get_user_model
from django.contrib.auth.admin import UserAdmin

from audit.services import Action, record

from . import two_factor

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
        record(action=Action.UNLOCKED, request=request, what=f"account {user.get_username()}")
    messages.success(request, f"Sign-in unlocked for {queryset.count()} account(s).")


@admin.action(description="Reset two-factor authentication (they set it up again)")
def reset_two_factor(modeladmin, request, queryset):
    for user in queryset:
        two_factor.reset_devices(user=user, by=request.user, request=request)
    messages.success(
        request,
        f"Two-factor authentication reset for {queryset.count()} account(s): each sets up "
        "a new authenticator app at their next sign-in.",
    )


admin.site.unregister(User)


@admin.register(User)
class ProgrammeUserAdmin(UserAdmin):
    actions = [unlock_sign_in, reset_two_factor]
