from django.db import migrations, models


def count_last_activity(apps, schema_editor):
    from dashboard.activity import recount

    models_then = {
        "SupportLogEntry": apps.get_model("support", "SupportLogEntry"),
        "DataPoint": apps.get_model("pdsa", "DataPoint"),
        "HistoricalCycle": apps.get_model("pdsa", "HistoricalCycle"),
        "Assessment": apps.get_model("challenges", "Assessment"),
        "ProgressReview": apps.get_model("support", "ProgressReview"),
    }
    recount(apps.get_model("sites", "Site").objects.all(), models=models_then)


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
