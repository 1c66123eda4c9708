from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AwardsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "awards"
    verbose_name = _("Titles of labour")

    def ready(self):
        from django.db.models.signals import post_migrate

        from awards.core import sqlite_like
        from awards.records import roles, writes

        post_migrate.connect(roles.set_roles_after_migrate, sender=self)

        sqlite_like.connect()
        writes.connect()
