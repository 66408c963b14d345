import datetime

from api import services
from api.views.resources import RESOURCES
from tests.walk import Case, expect

ISSUERS = expect(200, member_a=403, consultant=403, organiser=403)
# The API takes tokens only: a signed-in session reads nothing through it.
TOKENS_ONLY = expect(401, anonymous=401)


def cases(world):
    token, _ = services.token_issue(
        name="Walk",
        user=world.lead_a,
        site=world.site_a,
        expires_on=datetime.date.today() + datetime.timedelta(days=1),
        by=world.lead_a,
    )
    found = [
        Case("api:schema", "/api/schema/", expect(200, anonymous=401)),
        Case("api:docs", "/api/docs/", expect(200)),
        Case("api:token-list", "/api/tokens/", ISSUERS),
        Case("api:token-list", "/api/tokens/", ISSUERS, method="post"),
        Case(
            "api:token-revoke",
            f"/api/tokens/{token.pk}/revoke/",
            expect(404, lead_a=302, admin=302),
            method="post",
        ),
    ]
    for name in RESOURCES:
        found.append(Case(f"api:{name}-list", f"/api/v1/{name}/", TOKENS_ONLY))
        if name != "attendance":
            found.append(Case(f"api:{name}-detail", f"/api/v1/{name}/1/", TOKENS_ONLY))
    return found
