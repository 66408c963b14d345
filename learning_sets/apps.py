from django.apps import AppConfig


class LearningSetsConfig(AppConfig):
    name = "learning_sets"

    def ready(self):
        """The flood notice's event kind (``floods``) joins the notifications registry."""
        from . import floods  # noqa: F401
