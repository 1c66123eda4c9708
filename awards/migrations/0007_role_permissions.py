"""The editors' and chief editors' groups with exactly the permissions of their roles."""

from django.db import migrations

from awards.roles import set_role_permissions


def set_roles(apps, schema_editor):
    set_role_permissions(apps=apps)


class Migration(migrations.Migration):
    dependencies = [
        ("awards", "0006_publish_permission"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("axes", "0010_accessattemptexpiration"),
    ]

    operations = [migrations.RunPython(set_roles, migrations.RunPython.noop)]
