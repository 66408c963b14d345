"""Two-factor authentication with django-otp: an authenticator app (TOTP) and single-use
backup codes. Required for administrators and consultants, optional for everyone else;
``accounts.middleware.TwoFactorMiddleware`` enforces it on every page."""

import logging
import re
from base64 import b32encode

import django_otp
import qrcode
import qrcode.image.svg
from django.db import transaction
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from audit.services import Action, record

from .rules import is_administrator, is_consultant

log = logging.getLogger(__name__)

APP_DEVICE_NAME = "Authenticator app"
BACKUP_DEVICE_NAME = "Backup codes"
BACKUP_CODE_COUNT = 10


def is_required(user) -> bool:
    """Administrators (and anyone with the Django admin) and consultants read every site."""
    return user.is_staff or is_administrator(user) or is_consultant(user)


def has_device(user) -> bool:
    """A confirmed app or backup codes; read from the sign-in query when it was loaded there
    (``accounts.backends.AccountBackend``), so pages pay no extra query."""
    flag = getattr(user, "has_otp_device", None)
    if flag is None:
        flag = (
            TOTPDevice.objects.filter(user=user, confirmed=True).exists()
            or StaticDevice.objects.filter(user=user, confirmed=True).exists()
        )
    return bool(flag)


def pending_app_device(*, user) -> TOTPDevice:
    """The app being set up: the same key until it is confirmed, so reloading the page
    does not change the QR code that was just scanned."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).order_by("pk").first()
    return device or TOTPDevice.objects.create(user=user, name=APP_DEVICE_NAME, confirmed=False)


def qr_code_svg(device: TOTPDevice) -> str:
    """Inline SVG drawn here: no image from outside, nothing the CSP has to allow."""
    image = qrcode.make(device.config_url, image_factory=qrcode.image.svg.SvgPathImage, box_size=10)
    return image.to_string(encoding="unicode")


def key_for_typing(device: TOTPDevice) -> str:
    """The key in base32, in groups of four, for apps that cannot scan."""
    key = b32encode(device.bin_key).decode()
    return " ".join(key[i : i + 4] for i in range(0, len(key), 4))


def normalise(code: str) -> str:
    return re.sub(r"[\s-]", "", code or "").lower()


@transaction.atomic
def confirm_app(*, request, device: TOTPDevice, code: str) -> list[str] | None:
    """Confirm the app with a code it shows; it replaces any earlier app, gives a fresh set
    of backup codes (returned, to show once) and counts as this session's second factor."""
    if not device.verify_token(normalise(code)):
        return None
    user = device.user
    TOTPDevice.objects.filter(user=user).exclude(pk=device.pk).delete()
    device.confirmed = True
    device.name = APP_DEVICE_NAME
    device.save(update_fields=["confirmed", "name"])
    codes = new_backup_codes(user=user)
    django_otp.login(request, device)
    request.session.cycle_key()
    record(action=Action.TWO_FACTOR_SET_UP, request=request, what="authenticator app")
    return codes


@transaction.atomic
def new_backup_codes(*, user) -> list[str]:
    """Ten single-use codes; making new ones voids the old."""
    device, _ = StaticDevice.objects.get_or_create(
        user=user, defaults={"name": BACKUP_DEVICE_NAME, "confirmed": True}
    )
    device.token_set.all().delete()
    codes = [StaticToken.random_token() for _ in range(BACKUP_CODE_COUNT)]
    StaticToken.objects.bulk_create(StaticToken(device=device, token=code) for code in codes)
    return codes


def verify(*, request, code: str):
    """Check a code from the app (six digits) or a backup code; on success the session
    counts as verified. Devices throttle wrong codes themselves (django-otp)."""
    user = request.user
    code = normalise(code)
    model = TOTPDevice if code.isdigit() and len(code) == 6 else StaticDevice
    with transaction.atomic():
        for device in model.objects.filter(user=user, confirmed=True).select_for_update():
            if device.verify_token(code):
                django_otp.login(request, device)
                request.session.cycle_key()
                record(action=Action.TWO_FACTOR_VERIFIED, request=request, what=device.name)
                return device
    record(action=Action.TWO_FACTOR_FAILED, request=request)
    return None


def backup_codes_left(user) -> int:
    return StaticToken.objects.filter(device__user=user, device__confirmed=True).count()


@transaction.atomic
def reset_devices(*, user, by, request=None) -> None:
    """The administrator's recovery path (and turning it off, for whom it is optional): the
    app and backup codes go; a person who needs two-factor sets it up at their next page."""
    TOTPDevice.objects.filter(user=user).delete()
    StaticDevice.objects.filter(user=user).delete()
    log.warning("Two-factor devices of %s reset by %s", user.get_username(), by.get_username())
    record(
        action=Action.TWO_FACTOR_RESET,
        request=request,
        user=by,
        what=f"devices of {user.get_username()}",
    )
