"""The admin's user list gains the administrator's recovery actions."""

import logging

from axes.utils import reset as axes_reset
from django.contrib import admin, messages
from django.contrib.auth import get_user_model
from django.contrib.auth.admin import UserAdmin

from audit.services import Action, record
from sites.figures_admin import FiguresAdmin

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
class ProgrammeUserAdmin(FiguresAdmin, UserAdmin):
    actions = [unlock_sign_in, reset_two_factor]

    def save_model(self, request, obj, form, change):
        obj.roles_before = _roles(User.objects.get(pk=obj.pk)) if change else set()
        super().save_model(request, obj, form, change)

    def save_related(self, request, form, formsets, change):
        """A change to someone's roles (groups, staff or superuser) is recorded in the log."""
        user = form.instance
        before = getattr(user, "roles_before", set())
        super().save_related(request, form, formsets, change)
        after = _roles(user)
        if before != after:
            gained, lost = sorted(after - before), sorted(before - after)
            what = "; ".join(
                part
                for part in (
                    f"given {', '.join(gained)}" if gained else "",
                    f"no longer {', '.join(lost)}" if lost else "",
                )
                if part
            )
            record(action=Action.ROLES_CHANGED, request=request, what=f"{user.username}: {what}")


def _roles(user) -> set[str]:
    """What the person may do: their role groups, and staff or superuser."""
    flags = {"staff": user.is_staff, "superuser": user.is_superuser}
    return {*user.groups.values_list("name", flat=True), *(k for k, on in flags.items() if on)}
