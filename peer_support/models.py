"""A site's peer-support-worker programme: the stages' checklist, recruitment rounds and
the posts by team."""

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from simple_history.models import HistoricalRecords

from imroc.dates import month_year
from sites.models import Site

from . import checklist


class ChecklistEntry(models.Model):
    """One item of the method's checklist, done on a date with its evidence."""

    site = models.ForeignKey(Site, on_delete=models.CASCADE, related_name="peer_checklist")
    item = models.CharField(max_length=30, choices=checklist.CHOICES)
    done_on = models.DateField("Done on")
    evidence = models.TextField(blank=True, max_length=4000)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name_plural = "checklist entries"
        ordering = ["site", "done_on"]
        constraints = [
            models.UniqueConstraint(fields=["site", "item"], name="one_entry_per_item"),
        ]

    def __str__(self) -> str:
        return f"{self.site}: {self.get_item_display()}"

    @property
    def stage(self) -> str:
        return checklist.BY_KEY[self.item].stage


class RecruitmentRound(models.Model):
    site = models.ForeignKey(Site, on_delete=models.CASCADE, related_name="peer_rounds")
    opened_on = models.DateField("Advertised on")
    closed_on = models.DateField("Appointments made on", null=True, blank=True)
    applicants = models.PositiveIntegerField()
    interviewed = models.PositiveIntegerField()
    appointed = models.PositiveIntegerField()

    class Meta:
        ordering = ["site", "-opened_on"]
        constraints = [
            models.CheckConstraint(
                condition=Q(interviewed__lte=F("applicants")), name="interviewed_of_applicants"
            ),
            models.CheckConstraint(
                condition=Q(appointed__lte=F("interviewed")), name="appointed_of_interviewed"
            ),
            models.CheckConstraint(
                condition=Q(closed_on__isnull=True) | Q(closed_on__gte=F("opened_on")),
                name="round_closes_after_it_opens",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.site}: round of {month_year(self.opened_on)}"


class PeerPost(models.Model):
    """Peer support worker posts in one team: how many people, and their whole-time
    equivalent. The programme's head count and WTE are read from these rows alone
    (``peer_support.figures``); every change is kept, so the figures as at a past date
    are read from their history, never typed again."""

    site = models.ForeignKey(Site, on_delete=models.CASCADE, related_name="peer_posts")
    team = models.CharField(max_length=200)
    head_count = models.PositiveSmallIntegerField("People employed")
    wte = models.DecimalField("Whole-time equivalent", max_digits=6, decimal_places=2)
    history = HistoricalRecords()

    class Meta:
        ordering = ["site", "team"]
        constraints = [
            models.UniqueConstraint(fields=["site", "team"], name="one_post_row_per_team"),
            models.CheckConstraint(
                condition=Q(wte__gte=0) & Q(wte__lte=F("head_count")),
                name="wte_within_head_count",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.team} ({self.site})"
