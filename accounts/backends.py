from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend
from django.contrib.auth.models import Group
from django.db.models import (
    Aggregate,
    CharField,
    Count,
    Exists,
    OuterRef,
    Subquery,
    TextField,
    Value,
)
from django.db.models.functions import Cast, Concat
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from notifications.models import Notification
from sites.models import ProjectGroupMember, Site

from .roles import Role


class Joined(Aggregate):
    """Text values joined by commas: GROUP_CONCAT on SQLite, STRING_AGG on PostgreSQL."""

    function = "GROUP_CONCAT"
    output_field = TextField()

    def as_postgresql(self, compiler, connection, **extra):
        return self.as_sql(
            compiler,
            connection,
            function="STRING_AGG",
            template="%(function)s(%(expressions)s, ',')",
        )


def _per_user(queryset, user: str, value) -> Subquery:
    """One text column: ``value`` of every row of ``queryset`` whose ``user`` is the user."""
    return Subquery(
        queryset.filter(**{user: OuterRef("pk")}).values(user).annotate(v=value).values("v")
    )


class AccountBackend(ModelBackend):
    """Loads the signed-in user in one query together with what every page asks of them: their
    programme roles, whether they have a second factor, the sites they belong to (and their
    role there), the sites they consult for and their unread notifications. So the role,
    two-factor and site checks and the nav's count cost nothing more (see ``roles.has_role``,
    ``two_factor.has_device``, ``sites.rules`` and ``notifications.selectors``)."""

    def get_user(self, user_id):
        flags = {
            f"has_role_{role.value}": Exists(
                Group.objects.filter(user=OuterRef("pk"), name=role.value)
            )
            for role in Role
        }
        devices = {
            f"has_{model._meta.model_name}": Exists(
                model.objects.filter(user=OuterRef("pk"), confirmed=True)
            )
            for model in (TOTPDevice, StaticDevice)
        }
        site_id = Cast("site_id", CharField())
        site_roles = _per_user(
            ProjectGroupMember.objects,
            "person__user",
            Joined(Concat(site_id, Value(":"), "role", output_field=CharField())),
        )
        consulted = _per_user(Site.consultants.through.objects, "user", Joined(site_id))
        unread = _per_user(Notification.objects.filter(read_at__isnull=True), "user", Count("pk"))
        user = (
            get_user_model()
            ._default_manager.annotate(
                **flags,
                **devices,
                site_roles_joined=site_roles,
                consulted_joined=consulted,
                unread_joined=unread,
            )
            .filter(pk=user_id)
            .first()
        )
        if user is None or not self.user_can_authenticate(user):
            return None
        user._imroc_roles = {role.value for role in Role if getattr(user, f"has_role_{role.value}")}
        user.has_otp_device = user.has_totpdevice or user.has_staticdevice
        user._imroc_site_roles = {
            int(site): role
            for site, role in (pair.split(":", 1) for pair in _split(user.site_roles_joined))
        }
        user._imroc_consulted_site_ids = {int(site) for site in _split(user.consulted_joined)}
        user._imroc_unread_notifications = user.unread_joined or 0
        return user


def _split(joined: str | None) -> list[str]:
    return joined.split(",") if joined else []
