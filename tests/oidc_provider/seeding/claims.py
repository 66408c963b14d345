"""Who the test provider says its people are. Usernames choose the case: ``unverified...``
has an unverified email; ``mfa...`` signed in with multi-factor authentication."""


def userinfo(claims, user):
    claims["email"] = user.email
    claims["email_verified"] = not user.username.startswith("unverified")
    claims["name"] = user.get_full_name()
    claims["given_name"] = user.first_name
    claims["family_name"] = user.last_name
    return claims


def id_token(id_token, user, token, request, **kwargs):
    id_token["amr"] = ["pwd", "mfa"] if user.username.startswith("mfa") else ["pwd"]
    return id_token
