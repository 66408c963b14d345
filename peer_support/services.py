"""State changes of a site's peer-support-worker programme."""

from django.db import transaction

from sites.figures import figures_changed

from .models import ChecklistEntry, PeerPost, RecruitmentRound


@transaction.atomic
def checklist_record(*, site, item: str, done_on, evidence: str, by) -> ChecklistEntry:
    entry, _ = ChecklistEntry.objects.update_or_create(
        site=site,
        item=item,
        defaults={"done_on": done_on, "evidence": evidence, "recorded_by": by},
    )
    figures_changed()
    return entry


def checklist_undo(*, site, item: str) -> None:
    ChecklistEntry.objects.filter(site=site, item=item).delete()
    figures_changed()


def round_save(*, site, round: RecruitmentRound | None = None, **fields) -> RecruitmentRound:
    round = round or RecruitmentRound(site=site)
    for name, value in fields.items():
        setattr(round, name, value)
    round.save()
    figures_changed()
    return round


def post_save(*, site, post: PeerPost | None = None, **fields) -> PeerPost:
    post = post or PeerPost(site=site)
    for name, value in fields.items():
        setattr(post, name, value)
    post.save()
    figures_changed()
    return post


def record_remove(*, record: RecruitmentRound | PeerPost) -> None:
    record.delete()
    figures_changed()
