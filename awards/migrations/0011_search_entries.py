"""The full-text index of the records (awards.search_index): FTS5 on SQLite, a stored
tsvector with a GIN index on PostgreSQL; filled from the records already there."""

from django.db import migrations

from awards.search_index import create_index_table, drop_index_table, rebuild_search_index


def create_and_fill(apps, schema_editor):
    create_index_table(schema_editor.connection)
    rebuild_search_index(apps=apps, using=schema_editor.connection.alias)


def drop(apps, schema_editor):
    drop_index_table(schema_editor.connection)


class Migration(migrations.Migration):
    dependencies = [
        ("awards", "0010_registry"),
    ]

    operations = [
        migrations.RunPython(create_and_fill, drop, elidable=False),
    ]
