"""Changes to published records that wait for a chief editor's review (as Wagtail's
moderation does): an editor's change is kept here, not written to the record, until a
chief editor approves it or sends it back with a comment (awards.records.moderation)."""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class PendingRevisionQuerySet(models.QuerySet):
    def pending(self):
        """The revisions a chief editor has still to decide."""
        return self.filter(state=PendingRevision.State.PENDING)

    def of_record(self, record):
        """A record's revisions, newest first."""
        return self.filter(
            content_type=ContentType.objects.get_for_model(type(record)), object_id=record.pk
        )

    def for_queue(self):
        return self.select_related("content_type", "author", "reviewer")


class PendingRevision(models.Model):
    """One editor's proposed change to one published record, against the version they saw.

    ``values`` holds the proposed fields as their ``value_to_string`` (null for none),
    ``links`` the proposed many-to-many relations as lists of keys (citations edited in
    their inline included), ``rows`` the proposed rows of inlines that are not records.
    """

    class State(models.TextChoices):
        PENDING = "pending", _("awaiting review")
        APPROVED = "approved", _("approved")
        SENT_BACK = "sent_back", _("sent back")

    class Origin(models.TextChoices):
        ADMIN = "admin", _("change form")
        IMPORT = "import", _("import")

    content_type = models.ForeignKey(
        ContentType, on_delete=models.CASCADE, verbose_name=_("kind of record")
    )
    object_id = models.PositiveIntegerField(_("record key"))
    record = GenericForeignKey("content_type", "object_id")
    record_name = models.CharField(_("record"), max_length=200)
    values = models.JSONField(_("proposed values"), default=dict, encoder=DjangoJSONEncoder)
    links = models.JSONField(_("proposed links"), default=dict, blank=True)
    # Rows of the record's own inlines that are not records (a person's other names), by
    # relation name: each row's fields as in ``values``; approved, they replace the rows.
    rows = models.JSONField(_("proposed rows"), default=dict, blank=True)
    base_version = models.PositiveIntegerField(_("version the change was made against"))
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="submitted_revisions",
        verbose_name=_("author"),
    )
    reason = models.CharField(_("reason for the change"), max_length=100, blank=True)
    origin = models.CharField(_("made in"), max_length=10, choices=Origin, default=Origin.ADMIN)
    state = models.CharField(
        _("state"), max_length=10, choices=State, default=State.PENDING, db_index=True
    )
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="reviewed_revisions",
        verbose_name=_("reviewer"),
    )
    review_comment = models.TextField(_("reviewer's comment"), blank=True)
    created_at = models.DateTimeField(_("submitted"), default=timezone.now)
    reviewed_at = models.DateTimeField(_("reviewed"), null=True, blank=True)

    objects = PendingRevisionQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["content_type", "object_id"])]
        verbose_name = _("change awaiting review")
        verbose_name_plural = _("changes awaiting review")
        default_permissions = ("view",)

    def __str__(self):
        return self.record_name

    def get_absolute_url(self):
        return reverse("admin:awards_pendingrevision_change", args=[self.pk])

    @property
    def record_model(self):
        return self.content_type.model_class()
