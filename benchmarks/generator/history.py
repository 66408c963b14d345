"""Each site's stored progress scores (``ProgressSnapshot``, the site's own, no goal): the
history its progress page draws and the programme report's "rose most" and "fell most" read.
A score a quarter from the site's joining, walking the IHI scale up more often than down."""

import datetime

from pdsa.models import ProgressSnapshot
from pdsa.progress import SCALE
from sites.models import Site

from .bulk import insert

SCORES = sorted(SCALE)
STEPS = (-1, 0, 0, 1, 1, 2)  # a quarter's move along the scale


def build(*, rng, today: datetime.date, timings) -> None:
    with timings.table("progress scores (site snapshots)") as t:
        snapshots = []
        for site_id, joined in Site.objects.order_by("pk").values_list("pk", "date_joined"):
            at, day = 0, max(joined, today - datetime.timedelta(days=3 * 365))
            while day <= today:
                snapshots.append(
                    ProgressSnapshot(site_id=site_id, recorded_on=day, score=SCORES[at])
                )
                at = min(max(at + rng.choice(STEPS), 0), len(SCORES) - 1)
                day += datetime.timedelta(days=91)
        t["rows"] = len(insert(ProgressSnapshot, snapshots))
