from django.apps import AppConfig
from django.utils.module_loading import autodiscover_modules


class NotificationsConfig(AppConfig):
    name = "notifications"
    verbose_name = "Reminders and notifications"

    def ready(self):
        """Each app registers its reminder kinds in its ``reminders.py`` and its event
        kinds in its ``events.py``."""
        autodiscover_modules("reminders", "events")
