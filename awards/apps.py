from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AwardsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "awards"
    verbose_name = _("Titles of labour")

    def ready(self):
        from awards import record_writes, sqlite_like

        sqlite_like.connect()
        record_writes.connect()
