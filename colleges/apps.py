from django.apps import AppConfig


class CollegesConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "colleges"
    verbose_name = "Recovery colleges"
