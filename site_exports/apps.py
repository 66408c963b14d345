from django.apps import AppConfig
from django.utils.module_loading import autodiscover_modules

from imroc import jobs


class SiteExportsConfig(AppConfig):
    name = "site_exports"
    verbose_name = "Site exports"

    def ready(self):
        """A person's jobs of this kind count towards their limit (``imroc.jobs``).
        Each app declares what of a site it exports in its ``site_export.py``."""
        autodiscover_modules("site_export")
        jobs.register(self.get_model("SiteExport"))
