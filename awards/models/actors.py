"""The bodies that issued acts and conferred titles, and the people of the history."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from awards.models.base import CitedRecord, RecordQuerySet


class AuthorityQuerySet(RecordQuerySet):
    def for_detail(self):
        return self.published().prefetch_published(
            "parent", "bodies", "decrees", "titles_conferred", "citations"
        )


class PersonQuerySet(RecordQuerySet):
    def for_detail(self):
        return self.published().prefetch_published("medals_designed", "citations")


class Authority(CitedRecord):
    """A body that issued acts or conferred titles."""

    class Jurisdiction(models.TextChoices):
        UNION = "union", _("USSR")
        UNION_REPUBLIC = "union_republic", _("union republic")

    name = models.CharField(_("name"), max_length=300)
    short_name = models.CharField(_("short name"), max_length=100, blank=True)
    jurisdiction = models.CharField(
        _("jurisdiction"), max_length=20, choices=Jurisdiction.choices, default=Jurisdiction.UNION
    )
    parent = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="bodies",
        verbose_name=_("part of"),
    )
    description = models.TextField(_("description"), blank=True)

    objects = AuthorityQuerySet.as_manager()

    # The acts it issued and the titles it conferred must keep naming it.
    protected_by = ("decrees", "titles_conferred")

    class Meta(CitedRecord.Meta):
        ordering = ["name"]
        verbose_name = _("authority")
        verbose_name_plural = _("authorities")

    def __str__(self):
        return self.short_name or self.name

    def clean(self):
        super().clean()
        if self.parent_id and self.parent_id == self.pk:
            raise ValidationError({"parent": _("A body cannot be part of itself.")})


class Person(CitedRecord):
    name = models.CharField(_("name"), max_length=300, help_text=_("As the source gives it."))
    description = models.TextField(_("description"), blank=True)

    objects = PersonQuerySet.as_manager()

    class Meta(CitedRecord.Meta):
        ordering = ["name"]
        verbose_name = _("person")
        verbose_name_plural = _("people")

    def __str__(self):
        return self.name
