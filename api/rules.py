"""Who may issue and revoke API tokens: the administrator for anyone, a lead for their site."""

import rules

from accounts.rules import is_administrator
from sites.rules import is_site_lead

can_issue_for_site = is_administrator | is_site_lead


@rules.predicate
def is_token_holder(user, token) -> bool:
    return token is not None and user.pk in (token.user_id, token.created_by_id)


can_revoke_token = is_administrator | is_token_holder

rules.add_perm("api.issue_site_token", can_issue_for_site)
rules.add_perm("api.issue_any_token", is_administrator)
rules.add_perm("api.revoke_token", can_revoke_token)
