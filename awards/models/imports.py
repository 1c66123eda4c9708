"""The log of imports of exchange files, and the background imports of large files."""

import os

from django.apps import apps
from django.conf import settings
from django.core.files.storage import FileSystemStorage
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

# The kind of a job that imports a registry list (awards.exchange.kinds.registry_list): not one
# model's, for a list adds people and acts as well as the conferments it is about.
REGISTRY_LIST = "registry"


def model_verbose_name(model_name: str) -> str:
    """The kind of record in the editor's language ("звание" for ``title``)."""
    if model_name == REGISTRY_LIST:
        return _("registry list")
    try:
        return apps.get_model("awards", model_name)._meta.verbose_name
    except LookupError:
        return model_name


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

    @property
    def model_verbose_name(self) -> str:
        return model_verbose_name(self.model_name)


class ImportFileStorage(FileSystemStorage):
    """Uploaded files of background imports, under settings.IMPORT_FILES_ROOT: private
    (no URL serves them), read where the setting points at the time."""

    @property
    def base_location(self):
        return str(settings.IMPORT_FILES_ROOT)

    @property
    def location(self):
        return os.path.abspath(self.base_location)

    @property
    def base_url(self):
        return None


def import_file_storage() -> ImportFileStorage:
    return ImportFileStorage()


class ImportJobQuerySet(models.QuerySet):
    def for_page(self):
        return self.select_related("user")


class ImportJob(models.Model):
    """A large import run by a background task: its file, where it is, and what came of it.

    A job is checked first (nothing written); the editor confirms a clean check on the job's
    page, and the file is then written, refused if its records changed since the check.
    """

    class Status(models.TextChoices):
        QUEUED = "queued", _("waiting to be checked")
        CHECKING = "checking", _("checking")
        CHECKED = "checked", _("checked, waiting for confirmation")
        CONFIRMED = "confirmed", _("confirmed, waiting to be written")
        WRITING = "writing", _("writing")
        IMPORTED = "imported", _("imported")
        REJECTED = "rejected", _("rejected, nothing changed")
        FAILED = "failed", _("failed, nothing changed")

    class Failure(models.TextChoices):
        ERROR = "error", _("an error of the system")
        STOPPED = "stopped", _("its worker stopped")
        LOST = "lost", _("its task was lost")

    RUNNING = (Status.QUEUED, Status.CHECKING, Status.CONFIRMED, Status.WRITING)
    # Waiting for a worker to take the check (queued) or the write (confirmed).
    WAITING = (Status.QUEUED, Status.CONFIRMED)

    created_at = models.DateTimeField(_("when"), default=timezone.now, db_index=True)
    updated_at = models.DateTimeField(_("updated"), default=timezone.now)
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("who"),
    )
    model_name = models.CharField(_("kind of record"), max_length=50)
    file = models.FileField(_("stored file"), storage=import_file_storage, upload_to="%Y/%m")
    file_name = models.CharField(_("file"), max_length=255)
    file_format = models.CharField(_("format"), max_length=10)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.QUEUED
    )
    # Why a failed job failed (Failure); empty for a job failed before it was recorded.
    failure = models.CharField(_("failure"), max_length=10, choices=Failure.choices, blank=True)
    # The id of the task (django_tasks' TaskResult) last queued to run the job, taken over
    # by the task that claims it: how a page tells a job whose task ended or was lost.
    task_id = models.CharField(_("task"), max_length=64, blank=True, editable=False)
    rows_total = models.PositiveIntegerField(_("rows in the file"), default=0)
    rows_read = models.PositiveIntegerField(_("rows read"), default=0)
    rows_validated = models.PositiveIntegerField(_("rows checked"), default=0)
    rows_to_write = models.PositiveIntegerField(_("records to write"), default=0)
    rows_written = models.PositiveIntegerField(_("records written"), default=0)
    error_count = models.PositiveIntegerField(_("errors"), default=0)
    new_count = models.PositiveIntegerField(_("new"), default=0)
    updated_count = models.PositiveIntegerField(_("updated"), default=0)
    unchanged_count = models.PositiveIntegerField(_("unchanged"), default=0)
    # The first errors (row, column, message, conflict) and the cells of their rows.
    errors = models.JSONField(_("errors"), default=list, blank=True)
    error_rows = models.JSONField(default=dict, blank=True)
    # The versions of the file's records when it was checked (slug → version): the write
    # refuses rows whose record changed since.
    versions = models.JSONField(default=dict, blank=True)
    # Rows of a registry list that may name a person already recorded or another row's
    # (awards.registry.matching), each with its candidates: asked of the editor on the job's
    # page before the confirmation.
    questions = models.JSONField(default=list, blank=True)
    # The editor's answers, by row number: the slug of the person meant, or "new".
    answers = models.JSONField(default=dict, blank=True)
    # What the check or the write tells the editor beside the counts (ImportReport.notes).
    notes = models.JSONField(default=list, blank=True)

    objects = ImportJobQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("background import")
        verbose_name_plural = _("background imports")

    def __str__(self):
        return f"{self.file_name} ({self.get_status_display()})"

    def get_absolute_url(self):
        return reverse("admin:awards_importjob_change", args=[self.pk])

    @property
    def is_running(self) -> bool:
        return self.status in self.RUNNING

    @property
    def failure_message(self) -> str:
        """What stopped a failed job, and what the editor may do."""
        return FAILURE_MESSAGES.get(self.failure, FAILURE_MESSAGES[self.Failure.ERROR])

    @property
    def is_registry_list(self) -> bool:
        return self.model_name == REGISTRY_LIST

    @property
    def records_model_name(self) -> str:
        """The model whose records the job is about: a registry list's are conferments."""
        return "conferment" if self.is_registry_list else self.model_name

    def progress_bar(self) -> tuple[int | None, int]:
        """The bar's value and maximum: the rows read and checked while the file is checked,
        the records written while it is written; no value (a bar that only says "busy")
        while it waits for a worker."""
        if self.status in (self.Status.QUEUED, self.Status.CONFIRMED):
            return None, 1
        if self.status in (self.Status.WRITING, self.Status.IMPORTED):
            maximum = max(self.rows_to_write, 1)
            written = self.rows_to_write if self.status == self.Status.IMPORTED else 0
            return min(max(self.rows_written, written), maximum), maximum
        if self.status == self.Status.CHECKING:
            return self.rows_read + self.rows_validated, max(2 * self.rows_total, 1)
        return 1, 1

    @property
    def model_verbose_name(self) -> str:
        return model_verbose_name(self.model_name)


FAILURE_MESSAGES = {
    ImportJob.Failure.ERROR: _(
        "The import stopped with an error of the system; nothing was written. Check the file "
        "again, or tell the site's maintainers."
    ),
    ImportJob.Failure.STOPPED: _(
        "The worker that ran this import stopped before finishing it (its process was stopped "
        "or died); nothing was written. The file is kept: check it again."
    ),
    ImportJob.Failure.LOST: _(
        "The task that was to run this import is no longer in the queue (the queue was "
        "emptied, or the worker that took the task stopped before starting it); nothing was "
        "written. The file is kept: check it again."
    ),
}
