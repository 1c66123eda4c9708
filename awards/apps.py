from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AwardsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "awards"
    verbose_name = _("Titles of labour")

    def ready(self):
        from django.contrib import admin
        from django.db.models.signals import post_migrate

        from awards.admin.messages import agree_everywhere
        from awards.core import sqlite_like
        from awards.records import roles, writes

        post_migrate.connect(roles.set_roles_after_migrate, sender=self)

        sqlite_like.connect()
        writes.connect()
        # Every library's admin is registered by now (the admin's autodiscovery ran in its
        # own ready(), before this app's).
        agree_everywhere(admin.site)
