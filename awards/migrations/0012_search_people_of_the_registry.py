"""People are found by occupation and places of birth and death too
(awards.search_index.SEARCHABLE_KINDS): the index is filled again."""

from django.db import migrations

from awards.search_index import rebuild_search_index


def fill_again(apps, schema_editor):
    rebuild_search_index(apps=apps, using=schema_editor.connection.alias)


class Migration(migrations.Migration):
    dependencies = [
        ("awards", "0011_search_entries"),
    ]

    operations = [
        migrations.RunPython(fill_again, fill_again, elidable=True),
    ]
