import datetime
from decimal import Decimal

from peer_support import services
from tests.walk import Case, expect, site_a_editable, site_a_pages


def cases(world):
    site = world.site_a
    round_ = services.round_save(
        site=site, opened_on=datetime.date(2012, 1, 9), applicants=20, interviewed=8, appointed=4
    )
    post = services.post_save(site=site, team="Acute ward", head_count=2, wte=Decimal("1.5"))
    base = f"/peer-support/sites/{site.slug}"
    return [
        Case("peer_support:overview", "/peer-support/", expect(200)),
        Case("peer_support:overview-csv", "/peer-support/overview.csv", expect(200)),
        *site_a_pages(
            "peer_support",
            read=[("programme", f"{base}/")],
            edit=[
                ("checklist-item", f"{base}/checklist/terms/"),
                ("round-add", f"{base}/rounds/new/"),
                ("round-edit", f"{base}/rounds/{round_.pk}/"),
                ("post-add", f"{base}/posts/new/"),
                ("post-edit", f"{base}/posts/{post.pk}/"),
            ],
        ),
        Case(
            "peer_support:record-remove",
            f"{base}/posts/{post.pk}/remove/",
            site_a_editable(302),
            method="post",
        ),
    ]
