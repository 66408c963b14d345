"""A site's progress score (:mod:`pdsa.progress`), read from its project group, goals, cycles
and indicators, and kept per site in the shared cache.

The key carries ``Site.progress_version``, which every service writing what the score reads
(the project group, goals, cycles, indicators with their data and phases) replaces in its
own transaction (``sites.services.progress_changed``), so a score read after a write is
always recomputed and nothing has to be deleted. A reader that raced a write stored its score
under the version it read, which nobody reads again. Redis down is a miss: the score is
computed each time. My sites, the site page, the progress page and the home page read
:func:`site_scores`; the reports, the API and the nightly snapshot compute
(:func:`sites_progress`): both are the one rule's."""

from __future__ import annotations

from django.core.cache import cache
from django.db.models import QuerySet

from sites.models import ProjectGroupMember, Site

from . import chart_cache, progress
from .models import Goal, Indicator, ProgressSnapshot
from .models.goals import RULE

VERSION = 1  # of what is stored (and of the templates drawn): older ones are not read
TIMEOUT = 60 * 60 * 24  # bounds a change made past the services (the Django admin, a shell)


def _key(kind: str, site: Site) -> str:
    return f"pdsa:score:{VERSION}:{RULE}:{kind}:{site.pk}:{site.progress_version}"


def site_scores(sites) -> dict[int, progress.Progress]:
    """Each site's score by pk: one cache read; the sites not stored yet computed together
    (``sites_progress``, a fixed number of queries) and stored."""
    keys = {_key("site", site): site for site in sites}
    found = cache.get_many(keys)
    scores = {keys[key].pk: score for key, score in found.items()}
    missing = [site for key, site in keys.items() if key not in found]
    if missing:
        computed = sites_progress(missing)
        _store(missing, computed)
        scores |= {pk: score for pk, (score, _) in computed.items()}
    return scores


def site_score_and_goals(site: Site) -> tuple[progress.Progress, list]:
    """The site's score and each goal's (the progress page): one cache read, or computed."""
    keys = [_key("site", site), _key("goals", site)]
    found = cache.get_many(keys)
    if len(found) == len(keys):
        return found[keys[0]], found[keys[1]]
    computed = sites_progress([site])
    _store([site], computed)
    return computed[site.pk]


def site_score_and(site: Site, kind: str, draw):
    """The site's score and ``draw(goals)`` (each goal with its score) kept with it under the
    same version, such as the progress page's goals drawn as HTML: one cache read."""
    keys = [_key("site", site), _key(kind, site)]
    found = cache.get_many(keys)
    if len(found) == len(keys):
        return found[keys[0]], found[keys[1]]
    score, goals = site_score_and_goals(site)
    drawn = draw(goals)
    cache.set(keys[1], drawn, TIMEOUT)
    return score, drawn


def _store(sites, computed: dict[int, tuple]) -> None:
    """Each goal is stored as what the pages show of it (its title and link)."""
    stored = {}
    for site in sites:
        score, goals = computed[site.pk]
        stored[_key("site", site)] = score
        stored[_key("goals", site)] = [
            (Goal(pk=goal.pk, title=goal.title, status=goal.status), found) for goal, found in goals
        ]
    cache.set_many(stored, TIMEOUT)


def site_work_score(site: Site, work, *, group_formed: bool) -> progress.Progress:
    """The site page's score: stored, or computed from the goals the page already read
    (``site_work_progress``)."""
    key = _key("site", site)
    score = cache.get(key)
    if score is None:
        score = site_work_progress(site, work, group_formed=group_formed)
        cache.set(key, score, TIMEOUT)
    return score


def site_work_progress(site: Site, work, *, group_formed: bool) -> progress.Progress:
    """The site's progress score from the goals the site page already read (their cycles'
    facts annotated, ``selectors.site_work``): one more query for the indicators, their
    readings cached."""
    facts = {}
    for priority in [*work.priorities, *work.dropped]:
        for goal in priority.goals.all():
            change = None
            if goal.change_number is not None:
                change = progress.Change(goal.change_number, goal.change_outcome, goal.change_on)
            facts[goal] = progress.CycleFacts(
                goal.cycle_count, goal.cycle_count - goal.open_cycles, change
            )
    changes = {goal.pk: f.change.act_done if f.change else None for goal, f in facts.items()}
    reads = _reads_by_goal(Indicator.objects.filter(goal__priority__site=site), changes)
    scores = [
        (
            goal,
            progress.goal_progress(
                goal, group_formed=group_formed, cycles=f, reads=reads.get(goal.pk, [])
            ),
        )
        for goal, f in facts.items()
    ]
    return progress.site_progress(scores, group_formed=group_formed)


def _reads_by_goal(indicators: QuerySet[Indicator], changes: dict) -> dict[int, list]:
    """The indicators' readings against their goals' changes (``changes``: goal pk -> act
    date or None), by goal, in the indicators' order: one query and one cache read."""
    found = [i for i in indicators if i.goal_id in changes]
    reads = chart_cache.reads_many({i: changes[i.goal_id] for i in found})
    by_goal: dict[int, list] = {}
    for indicator in found:
        by_goal.setdefault(indicator.goal_id, []).append(reads[indicator.pk])
    return by_goal


def site_progress(site: Site):
    """The site's progress score and each goal's, computed now from its data (the project
    group, goals, indicators with their chart results, and cycles): a fixed number of queries."""
    return sites_progress([site])[site.pk]


def sites_progress(sites) -> dict[int, tuple]:
    """``site_progress`` of many sites at once (the API's pages of sites and goals), in the
    same fixed number of queries however many sites."""

    site_ids = [site.pk for site in sites]
    formed = set(
        ProjectGroupMember.objects.filter(site_id__in=site_ids).values_list("site_id", flat=True)
    )
    goals = list(
        Goal.objects.filter(priority__site_id__in=site_ids)
        .select_related("priority")
        .prefetch_related("cycles")
        .order_by("pk")
    )
    facts = {goal: progress.cycle_facts(goal.cycles.all()) for goal in goals}
    changes = {goal.pk: f.change.act_done if f.change else None for goal, f in facts.items()}
    reads = _reads_by_goal(Indicator.objects.filter(goal__priority__site_id__in=site_ids), changes)
    scores: dict[int, list] = {site_id: [] for site_id in site_ids}
    for goal, f in facts.items():
        site_id = goal.priority.site_id
        scores[site_id].append(
            (
                goal,
                progress.goal_progress(
                    goal, group_formed=site_id in formed, cycles=f, reads=reads.get(goal.pk, [])
                ),
            )
        )
    return {
        site_id: (progress.site_progress(found, group_formed=site_id in formed), found)
        for site_id, found in scores.items()
    }


def progress_history(site: Site):
    """Stored snapshots of the site's score, oldest first."""
    return list(ProgressSnapshot.objects.filter(site=site, goal__isnull=True))
