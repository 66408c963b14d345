from django.db import migrations

from challenges import framework_2009, framework_2012, stage_descriptors


def seed(apps, schema_editor):
    """Keys on the 2009 rows, the 2012 version beside it, and a descriptor per stage."""
    Framework = apps.get_model("challenges", "Framework")
    framework_2009.seed_keys(Framework)
    framework_2012.create(Framework)
    stage_descriptors.seed(Framework, apps.get_model("challenges", "StageDescriptor"))


class Migration(migrations.Migration):
    dependencies = [("challenges", "0005_framework_2012_and_descriptors")]
    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
