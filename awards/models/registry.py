"""The registry: who received which title, on which date, by which act."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from awards.core.dates import PartialDate, certainly_after
from awards.core.medal_numbers import medal_order_of
from awards.core.names import sort_key
from awards.fields import PartialDateField
from awards.models.actors import Person
from awards.models.base import CitedRecord, RecordQuerySet, detail_url, note_misdated_act
from awards.models.history import Decree, Medal, Title

# The number of awards counted as "this many and more": four and more are possible under
# the rules after 14 May 1973, and lists and filters count them together.
MANY_TIMES = 4


def times_condition(times: int) -> models.Q:
    """Published awards of a title to one person numbering ``times`` exactly, or
    ``MANY_TIMES`` and more."""
    if times >= MANY_TIMES:
        return models.Q(public_times__gte=MANY_TIMES)
    return models.Q(public_times=times)


def awarded_posthumously(*, posthumous: bool, date, died_on) -> bool:
    """Conferred posthumously: stated so by the source, or dated surely after the
    person's death (a day after the day of death; a year or a month only when wholly
    after it). The one rule the pages, the lists and the exports read."""
    return posthumous or certainly_after(date, died_on)


def stands_revoked(*, revoked_on, revoked_by_id, restored_on, restored_by_id) -> bool:
    """Revoked (by a date or an act) and not restored."""
    return bool(revoked_on or revoked_by_id) and not (restored_on or restored_by_id)


class ConfermentQuerySet(RecordQuerySet):
    def published(self):
        """Published conferments of published people and titles.

        A conferment is public only if its person and its title are: it says that this
        person received that title.
        """
        return (
            super()
            .published()
            .filter(person__published=True, title__published=True)
            .select_related("person", "title", "decree")
        )

    def for_registry(self):
        """The rows of the public registry list, each with its person, title and act."""
        return self.published()

    def filtered(
        self,
        *,
        title=None,
        year: int | None = None,
        times: int | None = None,
        by_date: bool = False,
    ):
        """Conferments of a title, of a year, to people who received it ``times`` times
        (counting published conferments only: a draft never makes anyone twice honoured;
        ``MANY_TIMES``: that many and more).

        ``by_date``: the list is in date order. A year is then the range of its dates, so
        that each index ending in the date (the title's, the number of awards', the
        date's own) reads just that year; by name, the index of the year reads it.
        """
        queryset = self
        if title is not None:
            queryset = queryset.filter(title=title)
        if year is not None and by_date:
            # Partial dates sort as text: "1975" ≤ "1975-03" ≤ "1975-12-31" < "1976".
            queryset = queryset.filter(date__gte=PartialDate(year), date__lt=PartialDate(year + 1))
        elif year is not None:
            queryset = queryset.filter(year=year)
        if times is not None:
            queryset = queryset.filter(times_condition(times))
        return queryset

    def dates_of_pairs(self, conferments) -> dict[tuple[int, int], list]:
        """The dates of every conferment of the same people and titles as
        ``conferments``, by (person, title), oldest first: values, not records."""
        pairs = {(item.person_id, item.title_id) for item in conferments}
        people = {person for person, _title in pairs}
        dates = {pair: [] for pair in pairs}
        # By person alone, the titles sorted out here: a condition on the title as well
        # may lead the database to read the title's whole list in date order instead.
        for person, title, date in (
            self.filter(person__in=people)
            .order_by("date", "pk")
            .values_list("person_id", "title_id", "date")
        ):
            if (person, title) in dates:
                dates[person, title].append(date)
        return dates

    def repeated(self, *, times: int):
        """One row per person and title for those who received the title ``times`` times
        (``MANY_TIMES``: that many and more), the first of their published conferments of it."""
        return (
            self.filter(times_condition(times), public_ordinal=1)
            .select_related(None)
            .select_related("person", "title")
        )


def sort_names(person: Person) -> tuple[str, str]:
    """The keys the registry sorts a person by, in Russian and transliterated: surname,
    given name, patronymic (or the name as given), lower case, ё with е
    (awards.core.names.sort_key)."""

    def key(language: str) -> str:
        parts = [
            getattr(person, f"{part}_{language}") or ""
            for part in ("surname", "given_name", "patronymic")
        ]
        text = " ".join(part for part in parts if part) or getattr(person, f"name_{language}")
        return sort_key(text or person.name_ru or "")

    return key("ru"), key("en")


class Conferment(CitedRecord):
    """A title conferred on a person, on a date, by an act; revoked and restored if it was.

    ``ordinal`` (which award of the title this was for the person, by date) and ``times``
    (how many times the person received the title) count every conferment recorded, drafts
    included, as the rules do; ``public_ordinal`` and ``public_times`` count the published
    ones only, as the public lists do (0 for a draft). All four are kept by
    awards.registry.numbering.renumber whenever the person's conferments change;
    ``rules_uncertain`` by the rules check on each save.
    """

    person = models.ForeignKey(
        Person, on_delete=models.PROTECT, related_name="conferments", verbose_name=_("person")
    )
    title = models.ForeignKey(
        Title, on_delete=models.PROTECT, related_name="conferments", verbose_name=_("title")
    )
    decree = models.ForeignKey(
        Decree,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="conferments",
        verbose_name=_("conferred by act"),
    )
    date = PartialDateField(_("date"), help_text=_("As far as the source gives it."))
    medal_number = models.CharField(
        _("insignia number"),
        max_length=30,
        blank=True,
        help_text=_("The number of the medal (“Hammer and Sickle” No.), where known."),
    )
    # The medal's number as a number (None when the text holds none), for the ledger of
    # numbers: kept with every save.
    medal_order = models.PositiveIntegerField(null=True, blank=True, editable=False)
    insignia = models.ManyToManyField(
        Medal,
        blank=True,
        related_name="conferments",
        verbose_name=_("insignia presented"),
        help_text=_("What the source says was presented; the rules' due insignia are computed."),
    )
    revoked_on = PartialDateField(_("revoked on"), null=True, blank=True)
    revoked_by = models.ForeignKey(
        Decree,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="conferments_revoked",
        verbose_name=_("revoked by act"),
    )
    restored_on = PartialDateField(_("restored on"), null=True, blank=True)
    restored_by = models.ForeignKey(
        Decree,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="conferments_restored",
        verbose_name=_("restored by act"),
    )
    posthumous = models.BooleanField(
        _("posthumously"),
        default=False,
        help_text=_(
            "As the source states it («посмертно»). An award dated after the person's "
            "death is posthumous whatever this says."
        ),
    )
    note = models.TextField(_("note"), blank=True)
    # Kept by awards.registry.checks; filtered and sorted on, hence stored.
    year = models.PositiveSmallIntegerField(_("year"), default=0, editable=False)
    ordinal = models.PositiveSmallIntegerField(_("award number"), default=1, editable=False)
    times = models.PositiveSmallIntegerField(_("times conferred"), default=1, editable=False)
    public_ordinal = models.PositiveSmallIntegerField(
        _("published award number"), default=0, editable=False
    )
    public_times = models.PositiveSmallIntegerField(
        _("times conferred, published"), default=0, editable=False
    )
    sort_name_ru = models.CharField(max_length=200, blank=True, editable=False)
    sort_name_en = models.CharField(max_length=200, blank=True, editable=False)
    rules_uncertain = models.BooleanField(
        _("rules uncertain"),
        default=False,
        editable=False,
        help_text=_("The source does not say whether a rule of the title allowed it."),
    )
    uncertain_rules = models.CharField(
        _("uncertain rules"), max_length=200, blank=True, editable=False
    )

    objects = ConfermentQuerySet.as_manager()
    # What clean() derives from the date, the person and the rules: written with any
    # change of a bulk update (awards.exchange.kinds.records.write).
    DERIVED_FIELDS = (
        "year",
        "sort_name_ru",
        "sort_name_en",
        "rules_uncertain",
        "uncertain_rules",
        "medal_order",
    )

    class Meta(CitedRecord.Meta):
        ordering = ["date", "pk"]
        verbose_name = _("conferment")
        verbose_name_plural = _("conferments")
        # The registry's filters (title, year, number of conferments) each lead an index
        # ending in each of its orders (surname in either language, date), the key last:
        # a page is a range of one index, at any depth (keyset pagination).
        indexes = [
            models.Index(fields=["sort_name_ru", "id"], name="conferment_name_ru_idx"),
            models.Index(fields=["sort_name_en", "id"], name="conferment_name_en_idx"),
            models.Index(fields=["date", "id"], name="conferment_date_idx"),
            models.Index(fields=["title", "sort_name_ru", "id"], name="conferment_title_ru_idx"),
            models.Index(fields=["title", "sort_name_en", "id"], name="conferment_title_en_idx"),
            models.Index(fields=["title", "date", "id"], name="conferment_title_date_idx"),
            models.Index(
                fields=["public_times", "sort_name_ru", "id"], name="conferment_times_ru_idx"
            ),
            models.Index(
                fields=["public_times", "sort_name_en", "id"], name="conferment_times_en_idx"
            ),
            models.Index(fields=["public_times", "date", "id"], name="conferment_times_date_idx"),
            # Four times and more is a range of the number of awards, which no index
            # leading with it keeps in either order: the few conferments it selects have
            # indexes of their own, in each order (the lists of those honoured four times
            # and more, the filter "four times and more").
            *(
                models.Index(
                    fields=[order, "id"],
                    condition=models.Q(public_times__gte=MANY_TIMES),
                    name=f"conferment_many_{suffix}_idx",
                )
                for order, suffix in (
                    ("sort_name_ru", "ru"),
                    ("sort_name_en", "en"),
                    ("date", "date"),
                )
            ),
            # The editors' list filtered by the number of awards of every record, by date.
            models.Index(fields=["times", "date", "id"], name="conferment_all_times_idx"),
            models.Index(fields=["year", "sort_name_ru", "id"], name="conferment_year_ru_idx"),
            models.Index(fields=["year", "sort_name_en", "id"], name="conferment_year_en_idx"),
            # A year and a number of awards together: the two equalities, then the order.
            models.Index(
                fields=["year", "public_times", "sort_name_ru", "id"],
                name="conferment_year_times_ru_idx",
            ),
            models.Index(
                fields=["year", "public_times", "sort_name_en", "id"],
                name="conferment_year_times_en_idx",
            ),
            models.Index(fields=["person", "title", "date"], name="conferment_person_idx"),
            models.Index(fields=["rules_uncertain"], name="conferment_uncertain_idx"),
            # The ledger of medal numbers: a title's numbers in order.
            models.Index(fields=["title", "medal_order", "id"], name="conferment_medal_idx"),
        ]

    def __str__(self):
        return f"{self.person} — {self.title}, {self.date}"

    def save(self, *args, **kwargs):
        self.fill_keys()
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return detail_url("person", self.person.slug) + f"#conferment-{self.slug}"

    def clean(self):
        super().clean()
        errors = {}
        for field, decree_field, message in (
            ("date", "decree", _("The act is dated %(date)s, not on the date of conferment.")),
            ("revoked_on", "revoked_by", _("The act is dated %(date)s, not on this date.")),
            ("restored_on", "restored_by", _("The act is dated %(date)s, not on this date.")),
        ):
            note_misdated_act(
                errors,
                field=decree_field,
                act=getattr(self, decree_field),
                date=getattr(self, field),
                message=message,
            )
        if (self.restored_on or self.restored_by_id) and not (
            self.revoked_on or self.revoked_by_id
        ):
            errors["restored_on"] = _("Only a revoked title can be restored.")
        if self.date and self.revoked_on and self.revoked_on.latest() < self.date.earliest():
            errors["revoked_on"] = _("A title cannot be revoked before it was conferred.")
        if (
            self.revoked_on
            and self.restored_on
            and self.restored_on.latest() < self.revoked_on.earliest()
        ):
            errors["restored_on"] = _("A title cannot be restored before it was revoked.")
        if errors:
            raise ValidationError(errors)
        # The rules of the title on the date span records (the title's provisions, the
        # person's other awards): awards.registry.checks.assess, which the admin's form
        # and the importers call.
        self.fill_keys()

    def fill_keys(self) -> None:
        """The year and sort names stored for the registry's filters and orders, from the
        date and the person: every writer (a save, a bulk import's check) stores them."""
        if self.date:
            self.year = self.date.year
        if self.person_id:
            self.sort_name_ru, self.sort_name_en = sort_names(self.person)
        self.medal_order = medal_order_of(self.medal_number)

    @property
    def is_posthumous(self) -> bool:
        """Conferred posthumously (``awarded_posthumously``)."""
        return awarded_posthumously(
            posthumous=self.posthumous, date=self.date, died_on=self.person.died_on
        )

    @property
    def revoked(self) -> bool:
        """Revoked and not restored (``stands_revoked``)."""
        return stands_revoked(
            revoked_on=self.revoked_on,
            revoked_by_id=self.revoked_by_id,
            restored_on=self.restored_on,
            restored_by_id=self.restored_by_id,
        )


class ConfermentCount(models.Model):
    """How many published conferments of published people a title has in a year.

    The figures of the chart of conferments per year, kept by awards.registry.counts
    whenever conferments or their people are written, so that the chart reads a row per
    title and year instead of counting the whole registry. Whether the title is published
    is applied when reading: publishing a title changes no count.
    """

    title = models.ForeignKey(Title, on_delete=models.CASCADE, related_name="+")
    year = models.PositiveSmallIntegerField()
    count = models.PositiveIntegerField()

    class Meta:
        ordering = ["year", "title"]
        constraints = [
            models.UniqueConstraint(fields=["title", "year"], name="conferment_count_unique")
        ]

    def __str__(self):
        return f"{self.title_id}, {self.year}: {self.count}"
