import datetime

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.safestring import mark_safe
from django.views.decorators.http import require_POST, require_safe
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from . import home as work
from . import registry, two_factor
from .forms import TwoFactorCodeForm, TwoFactorSetUpForm


@login_required
@require_safe
def home(request):
    """One page, a section per role the user holds: each person's work, every item linked to
    where it is done, in a fixed number of queries however large the programme. The sections
    and their items come from each app's ``home.py`` (``accounts.registry``)."""
    page = work.home_page(request.user, datetime.date.today())
    sections, values = registry.render_sections(page)
    return render(
        request, "accounts/home.html", {"today": page.today, "sections": sections, **values}
    )


def _next_url(request) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(target, {request.get_host()}, request.is_secure()):
        return target
    return reverse("home")


@login_required
@require_safe
def two_factor_overview(request):
    user = request.user
    return render(
        request,
        "accounts/two_factor.html",
        {
            "has_app": TOTPDevice.objects.filter(user=user, confirmed=True).exists(),
            "codes_left": two_factor.backup_codes_left(user),
            "required": two_factor.is_required(user),
        },
    )


@login_required
def two_factor_set_up(request):
    """Add an authenticator app: before anything else for staff without one; later, from
    a verified session only, to replace the app (never with the password alone)."""
    user = request.user
    if two_factor.has_device(user) and not user.is_verified():
        return redirect(f"{reverse('two-factor-verify')}?{request.GET.urlencode()}")
    device = two_factor.pending_app_device(user=user)
    form = TwoFactorSetUpForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        codes = two_factor.confirm_app(
            request=request, device=device, code=form.cleaned_data["code"]
        )
        if codes is not None:
            return render(
                request,
                "accounts/two_factor_backup_codes.html",
                {"codes": codes, "next": _next_url(request), "just_set_up": True},
            )
        form.add_error(
            "code",
            "That code does not match. Type the code the app shows now (after a wrong code, "
            "wait a few seconds first).",
        )
    return render(
        request,
        "accounts/two_factor_set_up.html",
        {
            "form": form,
            "qr_code": mark_safe(two_factor.qr_code_svg(device)),  # drawn here from our key
            "key": two_factor.key_for_typing(device),
            "next": _next_url(request),
            "required": two_factor.is_required(user),
        },
        status=400 if form.errors else 200,
    )


@login_required
def two_factor_verify(request):
    user = request.user
    if user.is_verified() or not two_factor.has_device(user):
        return redirect(_next_url(request))
    form = TwoFactorCodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        device = two_factor.verify(request=request, code=form.cleaned_data["code"])
        if device is not None:
            if isinstance(device, StaticDevice):
                left = two_factor.backup_codes_left(user)
                messages.warning(
                    request,
                    f"You used a backup code: {left} left. Make new ones on your "
                    "two-factor page before they run out.",
                )
            return redirect(_next_url(request))
        form.add_error(
            "code",
            "That code is not right. Type the code your app shows now (it changes every 30 "
            "seconds) or an unused backup code. After several wrong codes you must wait a "
            "little before the next try.",
        )
    return render(
        request,
        "accounts/two_factor_verify.html",
        {"form": form, "next": _next_url(request)},
        status=400 if form.errors else 200,
    )


@login_required
@require_POST
def two_factor_backup_codes(request):
    """New backup codes, shown once; the old ones stop working."""
    if not TOTPDevice.objects.filter(user=request.user, confirmed=True).exists():
        messages.error(request, "Set up an authenticator app first.")
        return redirect("two-factor")
    codes = two_factor.new_backup_codes(user=request.user)
    return render(
        request,
        "accounts/two_factor_backup_codes.html",
        {"codes": codes, "next": reverse("two-factor")},
    )


@login_required
@require_POST
def two_factor_turn_off(request):
    """Only for people for whom two-factor is optional."""
    if two_factor.is_required(request.user):
        raise PermissionDenied
    two_factor.reset_devices(user=request.user, by=request.user, request=request)
    messages.success(request, "Two-factor authentication is off for your account.")
    return redirect("two-factor")


@login_required
@require_safe
def floor(request):
    """The benchmark's floor: a signed-in page with nothing in it (the session, the user and
    the base template), against which every page's requests per second are compared."""
    return render(request, "accounts/floor.html")
