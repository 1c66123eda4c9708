"""The log of imports of exchange files."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class ImportLog(models.Model):
    """One import of an exchange file: who brought what in, and what came of it."""

    class Status(models.TextChoices):
        IMPORTED = "imported", _("imported")
        REJECTED = "rejected", _("rejected, nothing changed")

    class Origin(models.TextChoices):
        ADMIN = "admin", _("admin")
        COMMAND = "command", _("command line")

    created_at = models.DateTimeField(_("when"), default=timezone.now, db_index=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("who"),
    )
    model_name = models.CharField(_("kind of record"), max_length=50)
    file_name = models.CharField(_("file"), max_length=255, blank=True)
    file_format = models.CharField(_("format"), max_length=10)
    origin = models.CharField(_("from"), max_length=10, choices=Origin.choices)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices)
    dry_run = models.BooleanField(
        _("check only"), default=False, help_text=_("A preview or a --dry-run: nothing written.")
    )
    new_count = models.PositiveIntegerField(_("new"), default=0)
    updated_count = models.PositiveIntegerField(_("updated"), default=0)
    unchanged_count = models.PositiveIntegerField(_("unchanged"), default=0)
    failed_count = models.PositiveIntegerField(_("failed"), default=0)
    errors = models.TextField(_("errors"), blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("import")
        verbose_name_plural = _("import log")

    def __str__(self):
        return f"{self.file_name or self.model_name} ({self.get_status_display()})"
