"""The figures the programme reported on, per site, dated; every update is a new row so the
history stays."""

from django.conf import settings
from django.db import models
from rules.contrib.models import RulesModel

from imroc.dates import short_date
from sites.models import Site

from .. import rules as support_rules


class ProgrammeOutcome(RulesModel):
    """A dated snapshot of the site's outcomes that no other part of the app holds: risk
    policy review, personal budgets, IPS and outcome measures. Peer support workers come
    from the posts (``peer_support``) and recovery colleges from the colleges app, with
    their own dated history: never typed here again (``sites.figures``).

    Personal budgets are held as the number of people with one (0 means none): a count
    answers "does the site offer them?" as well as "how many?", and sums across sites.
    Outcome measures are separate booleans (plus a free-text "other") so they can be
    counted across sites in one portable query."""

    class RiskReview(models.TextChoices):
        NONE = "none", "Not started"
        UNDER_WAY = "under_way", "Under way"
        DONE = "done", "Done"

    class IpsService(models.TextChoices):
        NONE = "none", "None"
        PLANNED = "planned", "Planned"
        RUNNING = "running", "Running"

    site = models.ForeignKey(Site, on_delete=models.CASCADE, related_name="outcomes")
    recorded_on = models.DateField("figures as at")
    risk_policy_review = models.CharField(
        max_length=10, choices=RiskReview.choices, default=RiskReview.NONE
    )
    personal_budgets = models.PositiveIntegerField(
        "people with a personal budget", default=0, help_text="0 if none are offered."
    )
    ips_service = models.CharField(
        "IPS employment service",
        max_length=10,
        choices=IpsService.choices,
        default=IpsService.NONE,
    )
    uses_inspire = models.BooleanField("INSPIRE", default=False)
    uses_wrap = models.BooleanField("WRAP", default=False)
    uses_recovery_star = models.BooleanField("Recovery Star", default=False)
    other_measures = models.CharField("other outcome measures", max_length=200, blank=True)
    notes = models.TextField(blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-recorded_on", "-pk"]
        get_latest_by = ["recorded_on", "pk"]
        indexes = [
            models.Index(fields=["site", "-recorded_on"]),
            models.Index(fields=["recorded_on"]),
        ]
        rules_permissions = {
            "view": support_rules.can_read_site_support,
            "add": support_rules.can_report_outcomes,
            "change": support_rules.can_correct_outcomes,
            "delete": support_rules.can_correct_outcomes,
        }

    def __str__(self) -> str:
        return f"Outcomes of {self.site} as at {short_date(self.recorded_on)}"

    @property
    def outcome_measures(self) -> list[str]:
        names = [
            label
            for flag, label in [
                (self.uses_inspire, "INSPIRE"),
                (self.uses_wrap, "WRAP"),
                (self.uses_recovery_star, "Recovery Star"),
            ]
            if flag
        ]
        if self.other_measures:
            names.append(self.other_measures)
        return names
