from django.apps import AppConfig
from django.utils.module_loading import autodiscover_modules


class SiteExportsConfig(AppConfig):
    name = "site_exports"
    verbose_name = "Site exports"

    def ready(self):
        """Each app declares what of a site it exports in its ``site_export.py``."""
        autodiscover_modules("site_export")
