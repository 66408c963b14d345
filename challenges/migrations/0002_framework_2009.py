from django.db import migrations

from challenges import framework_2009 as data


def create_framework(apps, schema_editor):
    Framework = apps.get_model("challenges", "Framework")
    framework, _ = Framework.objects.get_or_create(
        version=data.VERSION,
        defaults={
            "name": data.NAME,
            "published": 2009,
            "source": data.SOURCE,
            "is_current": True,
        },
    )
    for number, (title, description) in enumerate(data.CHALLENGES, start=1):
        framework.challenges.get_or_create(
            number=number, defaults={"title": title, "description": description}
        )
    for rank, name, description in data.STAGES:
        framework.stages.get_or_create(
            rank=rank, defaults={"name": name, "description": description}
        )


class Migration(migrations.Migration):
    dependencies = [("challenges", "0001_initial")]
    operations = [migrations.RunPython(create_framework, migrations.RunPython.noop)]
