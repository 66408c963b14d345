from django.apps import AppConfig


class SitesConfig(AppConfig):
    verbose_name = "Sites and project groups"
    name = "sites"
