from django.db import migrations

from challenges import framework_2009


def create_framework(apps, schema_editor):
    framework_2009.create(apps.get_model("challenges", "Framework"))


class Migration(migrations.Migration):
    dependencies = [("challenges", "0001_initial")]
    operations = [migrations.RunPython(create_framework, migrations.RunPython.noop)]
