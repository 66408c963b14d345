import factory

from notifications.models import Notification, Reminder


class ReminderFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Reminder

    kind = "project_group_not_co_produced"
    key = factory.Sequence(lambda n: f"test:{n}")
    recipient = factory.LazyAttribute(lambda r: f"user:{r.user.pk}" if r.user else r.email)
    user = None
    email = "someone@example.org"
    subject = factory.Sequence(lambda n: f"Reminder {n}")
    url = "/sites/"


class NotificationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Notification

    user = None
    kind = "project_group_not_co_produced"
    subject = factory.Sequence(lambda n: f"Notification {n}")
    url = "/sites/alpha/"
