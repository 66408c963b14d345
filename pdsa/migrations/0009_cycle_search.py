import django.contrib.postgres.search
from django.db import migrations

SEARCHED = "objective, change_idea, results, learning"
FORWARD = f"""
CREATE TRIGGER pdsa_cycle_search_vector BEFORE INSERT OR UPDATE OF {SEARCHED}
ON pdsa_cycle FOR EACH ROW EXECUTE FUNCTION
tsvector_update_trigger(search_vector, 'pg_catalog.english', {SEARCHED});
UPDATE pdsa_cycle SET objective = objective;
CREATE INDEX pdsa_cycle_search_gin ON pdsa_cycle USING gin (search_vector);
"""
BACKWARD = """
DROP INDEX IF EXISTS pdsa_cycle_search_gin;
DROP TRIGGER IF EXISTS pdsa_cycle_search_vector ON pdsa_cycle;
"""


def on_postgresql(sql):
    """The library searches with PostgreSQL's full text; SQLite falls back to icontains."""

    def run(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            schema_editor.execute(sql)

    return run


class Migration(migrations.Migration):
    dependencies = [
        ("pdsa", "0008_indicator_data_version"),
    ]

    operations = [
        migrations.AddField(
            model_name="cycle",
            name="search_vector",
            field=django.contrib.postgres.search.SearchVectorField(editable=False, null=True),
        ),
        migrations.RunPython(on_postgresql(FORWARD), on_postgresql(BACKWARD)),
    ]
