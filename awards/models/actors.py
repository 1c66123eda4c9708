"""The bodies that issued acts and conferred titles, and the people of the history."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import get_language, pgettext_lazy
from django.utils.translation import gettext_lazy as _

from awards.core.dates import PartialDateError, check_styles, julian_to_gregorian
from awards.core.grammar import UNKNOWN, grammatical_sex
from awards.core.inflection import NameParts, name_in_case
from awards.core.names import normalized_name, sort_key
from awards.fields import PartialDateField
from awards.models.base import CitedRecord, RecordQuerySet
from awards.models.sources import Source


class AuthorityQuerySet(RecordQuerySet):
    def for_detail(self):
        return self.published().prefetch_published(
            "parent", "bodies", "decrees", "titles_conferred", "citations"
        )


class PersonQuerySet(RecordQuerySet):
    def for_detail(self):
        """Published people with their insignia, passages, other names (a draft source
        of another name reads as none) and the other dates whose passages are published (a
        date without a public source is not shown)."""
        other_dates = models.Prefetch(
            "other_dates",
            queryset=OtherDate.objects.filter(
                citation__published=True, citation__source__published=True
            ).select_related("citation__source"),
        )
        return (
            self.published()
            .prefetch_published("medals_designed", "citations")
            .prefetch_related(
                "other_names",
                models.Prefetch("other_names__source", queryset=Source.objects.published()),
                other_dates,
            )
        )


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

    class Sex(models.TextChoices):
        UNSTATED = "", _("not stated")
        MALE = "male", _("male")
        FEMALE = "female", _("female")

    # «Название» is a thing's: a person has a full name.
    name = models.CharField(
        pgettext_lazy("person", "name"), max_length=300, help_text=_("As the source gives it.")
    )
    name_as_written = models.CharField(
        _("name as written"),
        max_length=300,
        blank=True,
        help_text=_(
            "The name exactly as the source writes it (spelling, order, initials), kept "
            "beside its parts."
        ),
    )
    sex = models.CharField(
        _("sex"),
        max_length=10,
        choices=Sex.choices,
        blank=True,
        default=Sex.UNSTATED,
        help_text=_(
            "As the source states it. Where it is not stated, sentences about the person "
            "follow the patronymic (…вич, …ич, …оглы: male; …вна, …чна, …ична, …кызы: "
            "female)."
        ),
    )
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
    born_on_old_style = PartialDateField(
        _("born on (Old Style)"),
        null=True,
        blank=True,
        help_text=_("The Julian date the source gives beside the date of birth, before 1918."),
    )
    birth_place = models.CharField(_("place of birth"), max_length=300, blank=True)
    died_on = PartialDateField(_("died on"), null=True, blank=True)
    died_on_old_style = PartialDateField(
        _("died on (Old Style)"),
        null=True,
        blank=True,
        help_text=_("The Julian date the source gives beside the date of death, before 1918."),
    )
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
    # The name as lists sort it (Russian alphabetical order, ё with е), kept with every save.
    sort_name = models.CharField(max_length=200, blank=True, editable=False)

    objects = PersonQuerySet.as_manager()
    # What save() derives from the person's own fields: written with any change of a bulk
    # update (awards.exchange.kinds.records.write).
    DERIVED_FIELDS = ("match_surname", "sort_name")

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
            models.Index(fields=["sort_name", "id"], name="person_sort_name_idx"),
        ]

    def __str__(self):
        return self.name

    @property
    def name_as_written_if_different(self) -> str:
        """The name as the source writes it, where it is not the Russian name as kept."""
        written = self.name_as_written.strip()
        return written if written and " ".join(written.split()) != self.name_ru else ""

    def save(self, *args, **kwargs):
        self.fill_keys()
        super().save(*args, **kwargs)

    def fill_keys(self) -> None:
        """The surname people are matched by and the name they are sorted by, from the
        Russian name."""
        self.match_surname = normalized_name(self.surname_ru)[:100]
        self.sort_name = sort_key(
            " ".join(
                part for part in (self.surname_ru, self.given_name_ru, self.patronymic_ru) if part
            )
            or self.name_ru
            or ""
        )

    @property
    def grammatical_sex(self) -> str:
        """The sex sentences about the person agree with ("male", "female", "unknown"): as
        the source states it, else as the Russian patronymic shows it
        (awards.core.grammar)."""
        return grammatical_sex(stated=self.sex, patronymic=self.patronymic_ru)

    @property
    def sex_is_derived(self) -> bool:
        """The sex is not stated but read from the patronymic."""
        return not self.sex and self.grammatical_sex != UNKNOWN

    def name_in(self, case: str) -> str | None:
        """The name as a sentence of the page's language needs it: in Russian, surname,
        given name and patronymic in ``case`` (awards.core.inflection); in English, the
        name. None when the Russian name cannot be put in the case (no parts, or the sex
        unknown): the sentence must then be one that keeps the name as it is."""
        if not (get_language() or "ru").startswith("ru"):
            return self.name
        if not self.surname_ru or self.grammatical_sex == UNKNOWN:
            return None
        parts = NameParts(
            surname=self.surname_ru,
            given_name=self.given_name_ru or "",
            patronymic=self.patronymic_ru or "",
            initials=self.initials,
        )
        return name_in_case(parts, case, sex=self.grammatical_sex)

    def clean(self):
        super().clean()
        self.fill_keys()
        errors = {}
        for column, old_column in (
            ("born_on", "born_on_old_style"),
            ("died_on", "died_on_old_style"),
        ):
            old_style = getattr(self, old_column)
            if old_style is None:
                continue
            try:
                # An Old Style day alone gives the New Style date stored beside it.
                if getattr(self, column) is None:
                    setattr(self, column, julian_to_gregorian(old_style))
                else:
                    check_styles(new_style=getattr(self, column), old_style=old_style)
            except PartialDateError as error:
                errors[old_column] = str(error)
        if errors:
            raise ValidationError(errors)
        if self.born_on and self.died_on and self.died_on.latest() < self.born_on.earliest():
            raise ValidationError({"died_on": _("A person cannot die before being born.")})


class OtherName(models.Model):
    """Another name of a person, with the source that gives it: a name at birth, a pen
    name, a spelling in another language or by another system."""

    class Kind(models.TextChoices):
        BIRTH = "birth", _("name at birth")
        PEN = "pen", _("pen name")
        SPELLING = "spelling", _("other spelling")
        OTHER = "other", _("other name")

    person = models.ForeignKey(
        Person, on_delete=models.CASCADE, related_name="other_names", verbose_name=_("person")
    )
    name = models.CharField(_("name"), max_length=300)
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices, default=Kind.OTHER)
    language = models.CharField(
        _("language"), max_length=10, blank=True, help_text=_("Its language code: ru, en, de…")
    )
    source = models.ForeignKey(
        "awards.Source",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("source"),
    )
    where = models.CharField(
        _("where the source gives it"),
        max_length=300,
        blank=True,
        help_text=_("A page, an entry, an address: enough to find the name again."),
    )

    class Meta:
        ordering = ["person", "kind", "name", "pk"]
        verbose_name = _("other name")
        verbose_name_plural = _("other names")
        constraints = [
            models.UniqueConstraint(fields=["person", "kind", "name"], name="other_name_unique")
        ]

    def __str__(self):
        return f"{self.name} ({self.get_kind_display()})"


class OtherDate(models.Model):
    """A date of a person's birth or death that a source gives otherwise than the record:
    kept with the passage that gives it, so that a disagreement of sources (the official
    year of birth against the one recorded elsewhere) is neither lost nor a second person."""

    class Kind(models.TextChoices):
        BIRTH = "birth", _("date of birth")
        DEATH = "death", _("date of death")

    person = models.ForeignKey(
        Person, on_delete=models.CASCADE, related_name="other_dates", verbose_name=_("person")
    )
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    date = PartialDateField(_("date"))
    citation = models.ForeignKey(
        "awards.Citation",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("passage"),
        help_text=_("The passage of a source that gives this date."),
    )
    where = models.CharField(
        _("where the source gives it"),
        max_length=300,
        blank=True,
        help_text=_("A page, an entry, an address, or the import that brought it."),
    )

    class Meta:
        ordering = ["person", "kind", "date", "pk"]
        verbose_name = _("other date")
        verbose_name_plural = _("other dates")
        constraints = [
            models.UniqueConstraint(fields=["person", "kind", "date"], name="other_date_unique")
        ]

    def __str__(self):
        return f"{self.get_kind_display()}: {self.date}"
