"""A site's peer-support-worker programme: checklist, recruitment rounds, posts."""

from site_exports.registry import site_rows

from .models import ChecklistEntry, PeerPost, RecruitmentRound


@site_rows("peer_support.ChecklistEntry", order=80)
def checklist(site):
    return ChecklistEntry.objects.filter(site=site)


@site_rows("peer_support.RecruitmentRound", order=81)
def rounds(site):
    return RecruitmentRound.objects.filter(site=site)


@site_rows("peer_support.PeerPost", order=82)
def posts(site):
    return PeerPost.objects.filter(site=site)


@site_rows(
    "peer_support.HistoricalPeerPost", order=83, pointers={"id": "peer_support.PeerPost"}, csv=False
)
def post_history(site):
    """The posts' history: the figures as at a past date are read from it."""
    return PeerPost.history.filter(id__in=posts(site).values("pk"))
