from notifications.emails import unsubscribe_token
from notifications.models import Reminder
from tests.notifications.factories import NotificationFactory, ReminderFactory
from tests.walk import Case, expect

ADMIN_ONLY = {"lead_a": 403, "member_a": 403, "lead_b": 403, "consultant": 403, "organiser": 403}


def cases(world):
    notification = NotificationFactory(user=world.lead_a)
    failed = ReminderFactory(status=Reminder.Status.FAILED, last_error="Connection refused")
    return [
        Case("notifications:notification-list", "/notifications/", expect(200)),
        Case(
            "notifications:notification-open",
            f"/notifications/{notification.pk}/open/",
            expect(404, lead_a=302),
            method="post",
        ),
        Case("notifications:read-all", "/notifications/read-all/", expect(302), method="post"),
        Case("notifications:preferences", "/notifications/preferences/", expect(200)),
        Case(
            "notifications:unsubscribe",
            f"/notifications/stop/{unsubscribe_token(world.lead_a, 'review_due')}/",
            expect(200, anonymous=200),
        ),
        Case("notifications:failed-list", "/notifications/failed/", expect(200, **ADMIN_ONLY)),
        Case(
            "notifications:failed-retry",
            f"/notifications/failed/{failed.pk}/retry/",
            expect(302, **ADMIN_ONLY),
            method="post",
        ),
        Case("notifications:schedule", "/notifications/schedule/", expect(200, **ADMIN_ONLY)),
    ]
