"""The bodies that issued acts and conferred titles, and the people of the history."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from awards.core.names import normalized_name
from awards.fields import PartialDateField
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
    """A person of the history: a designer of insignia, a recipient of a title.

    The parts of the name are in Russian (``_ru``) and transliterated (``_en``); every part
    but ``name`` may be unknown, as the source gives it.
    """

    class Citizenship(models.TextChoices):
        UNSTATED = "", _("not stated")
        USSR = "ussr", _("citizen of the USSR")
        FOREIGN = "foreign", _("foreign citizen")

    name = models.CharField(_("name"), max_length=300, help_text=_("As the source gives it."))
    surname = models.CharField(_("surname"), max_length=100, blank=True)
    given_name = models.CharField(_("given name"), max_length=100, blank=True)
    patronymic = models.CharField(_("patronymic"), max_length=100, blank=True)
    initials = models.CharField(
        _("initials"),
        max_length=20,
        blank=True,
        help_text=_(
            "Where the source gives only the initials of the given name and patronymic "
            "(«В. А.»), they are kept here, and those parts stay empty."
        ),
    )
    born_on = PartialDateField(_("born on"), null=True, blank=True)
    birth_place = models.CharField(_("place of birth"), max_length=300, blank=True)
    died_on = PartialDateField(_("died on"), null=True, blank=True)
    death_place = models.CharField(_("place of death"), max_length=300, blank=True)
    occupation = models.CharField(_("occupation"), max_length=300, blank=True)
    citizenship = models.CharField(
        _("citizenship"),
        max_length=10,
        choices=Citizenship.choices,
        blank=True,
        default=Citizenship.UNSTATED,
        help_text=_("Checked against the rules of a title conferred on the person."),
    )
    description = models.TextField(_("description"), blank=True)
    # The Russian surname as people are matched by it (awards.registry.matching: lower case,
    # ё as е, hyphens and spaces alike), kept with every save.
    match_surname = models.CharField(max_length=100, blank=True, editable=False)

    objects = PersonQuerySet.as_manager()
    # What save() derives from the person's own fields: written with any change of a bulk
    # update (awards.exchange.kinds.records.write).
    DERIVED_FIELDS = ("match_surname",)

    class Meta(CitedRecord.Meta):
        ordering = ["name"]
        verbose_name = _("person")
        verbose_name_plural = _("people")
        # Matching the people of an imported list: by the surname as it is compared.
        # Named, as the translation fields are added after the class is built.
        indexes = [
            models.Index(
                fields=["surname_ru", "given_name_ru", "born_on"], name="person_name_birth_idx"
            ),
            models.Index(fields=["match_surname"], name="person_match_surname_idx"),
        ]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        self.fill_keys()
        super().save(*args, **kwargs)

    def fill_keys(self) -> None:
        """The surname people are matched by, from the Russian surname."""
        self.match_surname = normalized_name(self.surname_ru)[:100]

    def clean(self):
        super().clean()
        self.fill_keys()
        if self.born_on and self.died_on and self.died_on.latest() < self.born_on.earliest():
            raise ValidationError({"died_on": _("A person cannot die before being born.")})
