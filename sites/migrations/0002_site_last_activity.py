from django.db import migrations, models


def count_last_activity(apps, schema_editor):
    from sites.activity import recount

    recount(apps.get_model("sites", "Site").objects.all(), apps=apps)


class Migration(migrations.Migration):
    dependencies = [
        ("sites", "0001_initial"),
        ("pdsa", "0008_indicator_data_version"),
        ("support", "0001_initial"),
        ("challenges", "0003_assessments"),
    ]

    operations = [
        migrations.AddField(
            model_name="site",
            name="last_activity",
            field=models.DateField(blank=True, editable=False, null=True),
        ),
        migrations.RunPython(count_last_activity, migrations.RunPython.noop),
    ]
