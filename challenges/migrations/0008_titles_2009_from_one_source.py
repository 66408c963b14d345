"""The 2009 challenges' titles blended wordings from different seeds: they take the words
of one source (``framework_2009.SOURCE``), and the framework page names it."""

from django.db import migrations

from challenges import framework_2009


def use_one_source(apps, schema_editor):
    Framework = apps.get_model("challenges", "Framework")
    framework = Framework.objects.filter(version=framework_2009.VERSION).first()
    if framework is None:
        return
    framework.source = framework_2009.SOURCE
    framework.save(update_fields=["source"])
    for number, (title, _) in enumerate(framework_2009.CHALLENGES, start=1):
        framework.challenges.filter(number=number).update(title=title)


class Migration(migrations.Migration):
    dependencies = [("challenges", "0007_perspective_staff_lived")]
    operations = [migrations.RunPython(use_one_source, migrations.RunPython.noop)]
