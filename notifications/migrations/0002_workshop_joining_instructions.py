"""The 14-day workshop reminder became the joining instructions a week before: a person's
choice about the one carries to the other."""

from django.db import migrations


def forwards(apps, schema_editor):
    Preference = apps.get_model("notifications", "Preference")
    Preference.objects.filter(kind="workshop_in_14_days").update(kind="workshop_in_7_days")


def backwards(apps, schema_editor):
    Preference = apps.get_model("notifications", "Preference")
    Preference.objects.filter(kind="workshop_in_7_days").update(kind="workshop_in_14_days")


class Migration(migrations.Migration):
    dependencies = [("notifications", "0001_initial")]

    operations = [migrations.RunPython(forwards, backwards)]
