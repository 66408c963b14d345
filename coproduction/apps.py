from django.apps import AppConfig


class CoProductionConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "coproduction"
    verbose_name = "Co-production"
