"""Sign in with the organisation's account: start (state, nonce, PKCE), the provider's
callback (throttled, every refusal audited with its reason), and the sign-in and sign-out
pages that offer it."""

from urllib.parse import urlencode

from django.conf import settings
from django.contrib import auth
from django.contrib.auth import views as auth_views
from django.core.cache import cache
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.crypto import get_random_string
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET
from mozilla_django_oidc.utils import (
    add_state_and_verifier_and_nonce_to_session,
    generate_code_challenge,
)
from requests import RequestException

from audit.services import Action, record
from imroc.addresses import client_ip

from ..forms import SignInForm
from .backend import OrganisationBackend, Refused
from .providers import Provider, providers

SSO = "imroc_sso"  # the provider, its ID token (for signing out there) and whether MFA was used
SIGNED_OUT = "imroc_sso_signed_out"
SCOPES = "openid email profile"


def _provider(key: str) -> Provider:
    found = providers().get(key)
    if found is None:
        raise Http404
    return found


def _callback_url(request, provider: Provider) -> str:
    return request.build_absolute_uri(reverse("sso-callback", args=[provider.key]))


def _refusals_key(request) -> str:
    return f"sso-refusals:{client_ip(request)}"


def _sign_in_page(request, message: str, status: int):
    return render(
        request,
        "registration/login.html",
        {"form": SignInForm(request), "providers": providers().values(), "sso_error": message},
        status=status,
    )


@require_GET
def sso_start(request, key):
    provider = _provider(key)
    try:
        authorize = provider.endpoints()["authorization_endpoint"]
    except (RequestException, KeyError, ValueError):
        return _sign_in_page(
            request, f"{provider.name} cannot be reached just now: try again soon.", 503
        )
    state = get_random_string(32)
    verifier = get_random_string(64)
    params = {
        "response_type": "code",
        "scope": SCOPES,
        "client_id": provider.client_id,
        "redirect_uri": _callback_url(request, provider),
        "state": state,
        "nonce": get_random_string(32),
        "code_challenge": generate_code_challenge(verifier, "S256"),
        "code_challenge_method": "S256",
    }
    add_state_and_verifier_and_nonce_to_session(request, state, params, verifier)
    request.session["oidc_states"][state]["provider"] = provider.key
    next_url = request.GET.get("next", "")
    if url_has_allowed_host_and_scheme(next_url, {request.get_host()}, request.is_secure()):
        request.session["oidc_states"][state]["next"] = next_url
    request.session.modified = True
    return HttpResponseRedirect(f"{authorize}?{urlencode(params)}")


@never_cache
@require_GET
def sso_callback(request, key):
    provider = _provider(key)
    if cache.get(_refusals_key(request), 0) >= settings.AXES_FAILURE_LIMIT:
        minutes = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
        return _sign_in_page(
            request,
            f"Too many refused sign-ins from your network: try again in {minutes} minutes.",
            429,
        )
    states = request.session.get("oidc_states", {})
    entry = states.pop(request.GET.get("state", ""), None)
    request.session.modified = True
    try:
        if request.GET.get("error"):
            raise Refused(f"{provider.name} said: {request.GET['error'][:100]}")
        if entry is None or entry.get("provider") != provider.key or not request.GET.get("code"):
            raise Refused("the sign-in was already used or was not started here (state)")
        user, id_token, payload = OrganisationBackend(provider, request).sign_in(
            code=request.GET["code"],
            code_verifier=entry["code_verifier"],
            nonce=entry["nonce"],
            redirect_uri=_callback_url(request, provider),
        )
    except Refused as refusal:
        return _refused(request, provider, refusal)
    except RequestException:
        return _refused(request, provider, Refused(f"{provider.name} cannot be reached"))
    auth.login(request, user, backend="accounts.backends.AccountBackend")
    mfa = "mfa" in (payload.get("amr") or [])
    request.session[SSO] = {"provider": provider.key, "id_token": id_token, "mfa": mfa}
    record(
        action=Action.SSO_SIGNED_IN,
        request=request,
        user=user,
        what=f"{provider.name}{' with multi-factor authentication' if mfa else ''}",
    )
    cache.delete(_refusals_key(request))
    return redirect(entry.get("next") or settings.LOGIN_REDIRECT_URL)


def _refused(request, provider: Provider, refusal: Refused):
    record(
        action=Action.SSO_REFUSED,
        request=request,
        username=refusal.email,
        what=f"{provider.name}: {refusal.reason}",
    )
    key = _refusals_key(request)
    cache.add(key, 0, int(settings.AXES_COOLOFF_TIME.total_seconds()))
    try:
        cache.incr(key)
    except ValueError:
        cache.set(key, 1, int(settings.AXES_COOLOFF_TIME.total_seconds()))
    return _sign_in_page(
        request,
        f"You could not be signed in with {provider.name}: {refusal.reason}. If you were "
        "invited, use the email address the invitation went to; or sign in with your password.",
        403,
    )


def mfa_at_provider(request) -> bool:
    """The provider said the person used multi-factor authentication (``amr``)."""
    return bool(request.session.get(SSO, {}).get("mfa"))


class SignInView(auth_views.LoginView):
    """The password form, below a "Sign in with <organisation>" button per provider; after
    signing out of a session that began there, a link to sign out of the provider too."""

    authentication_form = SignInForm
    redirect_authenticated_user = True

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["providers"] = providers().values()
        signed_out = self.request.session.pop(SIGNED_OUT, None)
        if signed_out:
            context["provider_sign_out"] = _provider_sign_out(self.request, signed_out)
        return context


def _provider_sign_out(request, signed_out: dict):
    provider = providers().get(signed_out.get("provider"))
    if provider is None:
        return None
    try:
        end = provider.endpoints().get("end_session_endpoint")
    except (RequestException, ValueError):
        return None
    if not end:
        return None
    query = urlencode(
        {
            "id_token_hint": signed_out.get("id_token", ""),
            "client_id": provider.client_id,
            "post_logout_redirect_uri": request.build_absolute_uri(reverse("login")),
        }
    )
    return {"name": provider.name, "url": f"{end}?{query}"}


class SignOutView(auth_views.LogoutView):
    """Ends the app's session; when it began at a provider, the sign-in page then offers to
    sign out there too (RP-initiated logout)."""

    def post(self, request, *args, **kwargs):
        began_at = request.session.get(SSO)
        response = super().post(request, *args, **kwargs)
        if began_at:
            request.session[SIGNED_OUT] = {k: began_at[k] for k in ("provider", "id_token")}
        return response
