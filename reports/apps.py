from django.apps import AppConfig
from django.utils.module_loading import autodiscover_modules

from imroc import jobs


class ReportsConfig(AppConfig):
    name = "reports"
    verbose_name = "Reports"

    def ready(self):
        """A person's jobs of this kind count towards their limit (``imroc.jobs``).
        Each app registers its report sections in its ``report_sections.py``. A worker
        loads what the first report would when it starts (``reports.worker``)."""
        from celery import signals

        from . import worker

        signals.worker_init.connect(worker.load_before_the_first_job, weak=False)
        autodiscover_modules("report_sections")
        jobs.register(self.get_model("Report"))
