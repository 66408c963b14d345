from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend
from django.contrib.auth.models import Group
from django.db.models import Exists, OuterRef
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from .roles import Role


class AccountBackend(ModelBackend):
    """Loads the signed-in user together with their programme roles and whether they have a
    second factor in one query, so the role and two-factor checks every page makes cost
    nothing more (see ``roles.has_role`` and ``two_factor.has_device``)."""

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
        user = (
            get_user_model()
            ._default_manager.annotate(**flags, **devices)
            .filter(pk=user_id)
            .first()
        )
        if user is None or not self.user_can_authenticate(user):
            return None
        user._imroc_roles = {role.value for role in Role if getattr(user, f"has_role_{role.value}")}
        user.has_otp_device = user.has_totpdevice or user.has_staticdevice
        return user
