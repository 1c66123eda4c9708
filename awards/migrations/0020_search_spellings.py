"""People are found under every spelling of their name and their other names
(awards.search.hidden_names): the index is filled again. No change of schema."""

from django.db import migrations

from awards.search_index import rebuild_search_index


def fill_again(apps, schema_editor):
    rebuild_search_index(apps=apps, using=schema_editor.connection.alias)


class Migration(migrations.Migration):
    dependencies = [
        ("awards", "0019_person_other_dates"),
    ]

    operations = [
        migrations.RunPython(fill_again, fill_again, elidable=True),
    ]
