from django.apps import AppConfig


class ApiConfig(AppConfig):
    verbose_name = "Read-only API for BI"
    name = "api"
