"""What a report worker loads when it starts rather than in its first job.

WeasyPrint's import and first layout (its fonts and user-agent stylesheet, ~0.3 s of CPU)
and the URL map that the "report ready" notice links into (~0.25 s) are paid once by a
long-running worker; loading them at start keeps the first report after a deploy or a
restart as quick as the ones after it.
"""


def load_before_the_first_job(**kwargs) -> None:
    from django.urls import reverse
    from weasyprint import HTML

    HTML(string="<p>ImROC</p>").write_pdf()
    reverse("reports:report-list")
