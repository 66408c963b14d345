from django.db import migrations

from learning_sets import topics


def create_topics(apps, schema_editor):
    topics.create(apps.get_model("learning_sets", "Topic"))


class Migration(migrations.Migration):
    dependencies = [("learning_sets", "0001_initial")]
    operations = [migrations.RunPython(create_topics, migrations.RunPython.noop)]
