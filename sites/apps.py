from django.apps import AppConfig
from django.utils.module_loading import autodiscover_modules


class SitesConfig(AppConfig):
    verbose_name = "Sites and project groups"
    name = "sites"

    def ready(self):
        """Each app registers its part of the site page in its ``site_page.py`` and the
        headline figures it holds in its ``figures.py``."""
        autodiscover_modules("site_page")
        autodiscover_modules("figures")
