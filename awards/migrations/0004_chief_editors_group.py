"""The chief editors' group: they may read django-axes' log of logins and lockouts."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

CHIEF_EDITORS_GROUP = "chief editors"
LOGIN_LOG_PERMISSIONS = [
    ("axes", "view_accessattempt"),
    ("axes", "view_accessfailurelog"),
    ("axes", "view_accesslog"),
]


def add_chief_editors(apps, schema_editor):
    # Permissions are normally created after all migrations; this one needs axes' now.
    axes = apps.get_app_config("axes")
    models_module = getattr(axes, "models_module", None)
    axes.models_module = models_module or True
    create_permissions(axes, apps=apps, verbosity=0)
    axes.models_module = models_module

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _ = Group.objects.get_or_create(name=CHIEF_EDITORS_GROUP)
    for app_label, codename in LOGIN_LOG_PERMISSIONS:
        group.permissions.add(
            Permission.objects.get(content_type__app_label=app_label, codename=codename)
        )


def remove_chief_editors(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name=CHIEF_EDITORS_GROUP).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("awards", "0003_relations_history"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("axes", "0010_accessattemptexpiration"),
    ]

    operations = [migrations.RunPython(add_chief_editors, remove_chief_editors)]
