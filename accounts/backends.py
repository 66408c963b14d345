from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend
from django.contrib.auth.models import Group
from django.db.models import Exists, OuterRef

from .roles import Role


class AccountBackend(ModelBackend):
    """Loads the signed-in user together with their programme roles in one query, so the
    role checks every page makes cost nothing more (see ``roles.has_role``)."""

    def get_user(self, user_id):
        flags = {
            f"has_role_{role.value}": Exists(
                Group.objects.filter(user=OuterRef("pk"), name=role.value)
            )
            for role in Role
        }
        user = get_user_model()._default_manager.annotate(**flags).filter(pk=user_id).first()
        if user is None or not self.user_can_authenticate(user):
            return None
        user._imroc_roles = {role.value for role in Role if getattr(user, f"has_role_{role.value}")}
        return user
