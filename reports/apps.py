from django.apps import AppConfig
from django.utils.module_loading import autodiscover_modules


class ReportsConfig(AppConfig):
    name = "reports"
    verbose_name = "Reports"

    def ready(self):
        """Each app registers its report sections in its ``report_sections.py``."""
        autodiscover_modules("report_sections")
