"""notifications' part of each person's home page: how many notifications they have not
read and the latest few, linked to the notifications page. The count came with the signed-in
user (``accounts.backends``); the latest are read only when there are some."""

from accounts.registry import home_section

from .models import Notification
from .selectors import unread_count

LATEST = 3


@home_section(
    title="Unread notifications",
    order=15,
    template="notifications/_home_unread.html",
    queries=1,
)
def unread(page):
    count = unread_count(page.user)
    if not count:
        return None
    latest = Notification.objects.filter(user=page.user, read_at__isnull=True)[:LATEST]
    return {"unread_count": count, "unread_latest": list(latest)}
