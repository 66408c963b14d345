"""Two-factor in tests, without weakening it in the app: a person gets a real TOTP device
and the test types (or stores) what their authenticator app would show."""

from django.test.client import Client
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from accounts import two_factor

TEST_APP = "Test authenticator"


def give_device(user) -> TOTPDevice:
    """The person's confirmed authenticator app (created once)."""
    device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
    return device or TOTPDevice.objects.create(user=user, name=TEST_APP, confirmed=True)


def current_code(device: TOTPDevice) -> str:
    """What the app shows now; if this 30-second step's code was already used (two sign-ins
    in one step), the next step's, which the one-step tolerance accepts."""
    device.refresh_from_db()
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    if totp.t() <= device.last_t:
        totp.time = device.t0 + (device.last_t + 1) * device.step
    return f"{totp.token():0{device.digits}d}"


def needs_code(user) -> bool:
    return two_factor.is_required(user) or two_factor.has_device(user)


_plain_force_login = Client.force_login


def force_login_with_second_factor(self, user, backend=None):
    """``Client.force_login`` standing for a whole sign-in: the password and, for whoever
    has or needs one, the second factor (the session marked as django-otp's login does).
    Tests of the two-factor steps themselves sign in through the real forms."""
    _plain_force_login(self, user, backend)
    user = type(user)._default_manager.get(pk=user.pk)  # fresh roles and devices
    if needs_code(user):
        session = self.session
        session[DEVICE_ID_SESSION_KEY] = give_device(user).persistent_id
        session.save()
