"""The titles, the acts that made and changed them, their insignia and the dated events."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from awards.core.dates import PartialDate
from awards.fields import PartialDateField
from awards.models.actors import Authority, Person
from awards.models.base import CitedRecord, RecordQuerySet, note_misdated_act
from awards.models.boundaries import (
    Basis,
    BasisField,
    note_unsupported_basis,
    settle_unstated_basis,
)

# A title's own boundaries are dated or unknown: "the title's life" is the title itself.
TITLE_BASIS_CHOICES = [(Basis.DATED, Basis.DATED.label), (Basis.UNKNOWN, Basis.UNKNOWN.label)]

# What a provision is shown with: the acts and events that set and ended it, its passages.
PROVISION_LINKS = (
    "start_decree",
    "end_decree",
    "start_event",
    "end_event",
    "start_citation",
    "end_citation",
    "citations",
)
_PROVISIONS_WITH_LINKS = tuple(f"provisions__{link}" for link in PROVISION_LINKS)


class DecreeQuerySet(RecordQuerySet):
    def for_detail(self):
        return self.published().prefetch_published(
            "authorities",
            "titles_established",
            "titles_abolished",
            "medals_established",
            "provisions_started",
            "provisions_ended",
            "events",
            "citations",
        )

    def for_history(self):
        """With what the history shows of each act: who issued it, what it founded or ended."""
        return self.published().prefetch_published(
            "authorities",
            "titles_established",
            "titles_abolished",
            "medals_established",
            "citations",
        )


class TitleQuerySet(RecordQuerySet):
    def for_list(self):
        """In the order they were established; titles the source does not date, last."""
        return (
            self.published()
            .order_by(models.F("established_on").asc(nulls_last=True), "slug")
            .prefetch_published("established_by", "medals", "citations")
        )

    def for_lead(self):
        """As ``for_list``, with what a lead says of each: its acts, insignia and their passages."""
        return (
            self.published()
            .order_by(models.F("established_on").asc(nulls_last=True), "slug")
            .prefetch_published(
                "established_by__citations",
                "abolished_by__citations",
                "medals__citations",
                "citations",
            )
        )

    def for_choice(self):
        """The titles a visitor may pick in a form, in the order they were established;
        titles the source does not date, last (SQLite would put them first)."""
        return self.published().order_by(models.F("established_on").asc(nulls_last=True), "slug")

    def for_detail(self):
        return self.published().prefetch_published(
            "established_by",
            "abolished_by",
            "predecessor",
            "successors",
            "conferred_by",
            "medals__designer",
            "medals__citations",
            "established_by__citations",
            "abolished_by__citations",
            "events",
            *_PROVISIONS_WITH_LINKS,
            "citations",
        )

    def for_comparison(self):
        """With their provisions (and what set them), insignia and citations."""
        return self.published().prefetch_published(
            "established_by",
            "abolished_by",
            "medals__citations",
            *_PROVISIONS_WITH_LINKS,
            "citations",
        )

    def for_timeline(self):
        """Titles with a dated establishment: each gives a period of the history, with the
        passages that date it, and what the page's lead says of it (as ``for_lead``)."""
        return (
            self.published()
            .filter(established_basis="dated", established_on__isnull=False)
            .prefetch_published(
                "established_by__citations",
                "abolished_by__citations",
                "medals__citations",
                "citations",
            )
        )


class MedalQuerySet(RecordQuerySet):
    def for_detail(self):
        return self.published().prefetch_published(
            "established_by", "designer", "titles", "events", "citations"
        )


class EventQuerySet(RecordQuerySet):
    def for_detail(self):
        return self.published().prefetch_published(
            "titles", "decrees", "medals", "provisions_started", "provisions_ended", "citations"
        )

    def for_history(self):
        """With the titles, acts and insignia each event concerns."""
        return self.published().prefetch_published("titles", "decrees", "medals", "citations")


class Decree(CitedRecord):
    """A normative act: what it established, changed or abolished follows from its relations."""

    class Kind(models.TextChoices):
        RESOLUTION = "resolution", _("resolution (postanovlenie)")
        DECREE = "decree", _("decree (ukaz)")
        UNSTATED = "unstated", _("kind not stated in the source")

    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    date = PartialDateField(_("date"))
    number = models.CharField(
        _("number"), max_length=50, blank=True, help_text=_("As the act is numbered, if it is.")
    )
    authorities = models.ManyToManyField(
        Authority,
        blank=True,
        related_name="decrees",
        verbose_name=_("issued by"),
        help_text=_("One or several: the act of 1927 was joint."),
    )
    name = models.CharField(_("name"), max_length=300)
    summary = models.TextField(_("summary"), blank=True)

    objects = DecreeQuerySet.as_manager()

    history_dates = ("date",)

    class Meta(CitedRecord.Meta):
        ordering = ["date", "slug"]
        # The acts of an imported list are found by date and number.
        indexes = [models.Index(fields=["date", "number"])]
        verbose_name = _("normative act")
        verbose_name_plural = _("normative acts")

    def __str__(self):
        return self.name


class Title(CitedRecord):
    """An honorific title."""

    name = models.CharField(_("name"), max_length=300)
    description = models.TextField(_("description"), blank=True)
    established_basis = BasisField(
        _("establishment: basis"),
        choices=TITLE_BASIS_CHOICES,
        help_text=_(
            "Dated: the source gives the date (and the act, if it names one). "
            "Unknown: the source does not say when the title was established."
        ),
    )
    established_on = PartialDateField(_("established on"), null=True, blank=True)
    established_by = models.ForeignKey(
        Decree,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="titles_established",
        verbose_name=_("established by"),
    )
    abolished_basis = BasisField(
        _("abolition: basis"),
        choices=TITLE_BASIS_CHOICES,
        help_text=_(
            "Dated: the source gives the date of abolition. Unknown: the source does not "
            "say whether or when the title was abolished."
        ),
    )
    abolished_on = PartialDateField(_("abolished on"), null=True, blank=True)
    abolished_by = models.ForeignKey(
        Decree,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="titles_abolished",
        verbose_name=_("abolished by"),
    )
    predecessor = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="successors",
        verbose_name=_("predecessor"),
    )
    conferred_by = models.ManyToManyField(
        Authority, blank=True, related_name="titles_conferred", verbose_name=_("conferred by")
    )

    objects = TitleQuerySet.as_manager()

    history_dates = ("established_on", "abolished_on")

    class Meta(CitedRecord.Meta):
        ordering = ["established_on", "slug"]
        verbose_name = _("title")
        verbose_name_plural = _("titles")

    def __str__(self):
        return self.name

    def clean(self):
        super().clean()
        errors = {}
        if (
            self.established_on
            and self.abolished_on
            and self.abolished_on.latest() < self.established_on.earliest()
        ):
            errors["abolished_on"] = _("A title cannot be abolished before it was established.")
        note_misdated_act(
            errors,
            field="established_by",
            act=self.established_by,
            date=self.established_on,
            message=_(
                "The act establishing the title is dated %(date)s, "
                "not on the date of establishment."
            ),
        )
        note_misdated_act(
            errors,
            field="abolished_by",
            act=self.abolished_by,
            date=self.abolished_on,
            message=_(
                "The act abolishing the title is dated %(date)s, not on the date of abolition."
            ),
        )
        for basis, date_field, act_field in (
            ("established_basis", "established_on", "established_by"),
            ("abolished_basis", "abolished_on", "abolished_by"),
        ):
            setattr(
                self,
                basis,
                settle_unstated_basis(
                    getattr(self, basis),
                    date=getattr(self, date_field),
                    act=getattr(self, act_field),
                ),
            )
            note_unsupported_basis(
                errors,
                basis=getattr(self, basis),
                fields={"basis": basis, "date": date_field, "act": act_field},
                date=getattr(self, date_field),
                act=getattr(self, act_field),
                allows_title_life=False,
            )
        if self.predecessor_id and self.predecessor_id == self.pk:
            errors["predecessor"] = _("A title cannot be its own predecessor.")
        if errors:
            raise ValidationError(errors)

    def is_alive_on(self, date: PartialDate) -> bool:
        """False only when the date surely falls before the title existed or after it ended."""
        if self.established_on and date.latest() < self.established_on.earliest():
            return False
        return not (self.abolished_on and date.earliest() > self.abolished_on.latest())

    @property
    def established_date(self) -> PartialDate | None:
        """The date of establishment, only where the record dates it."""
        return self.established_on if self.established_basis == Basis.DATED else None

    @property
    def abolished_date(self) -> PartialDate | None:
        """The date of abolition, only where the record dates it."""
        return self.abolished_on if self.abolished_basis == Basis.DATED else None


class Medal(CitedRecord):
    """A medal, order, badge or certificate: the insignia that go with the titles."""

    class Kind(models.TextChoices):
        MEDAL = "medal", _("medal")
        ORDER = "order", _("order")
        BADGE = "badge", _("badge")
        CERTIFICATE = "certificate", _("certificate")

    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    name = models.CharField(_("name"), max_length=300)
    description = models.TextField(_("description"), blank=True)
    established_on = PartialDateField(_("established on"), null=True, blank=True)
    established_by = models.ForeignKey(
        Decree,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="medals_established",
        verbose_name=_("established by"),
    )
    designer = models.ForeignKey(
        Person,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="medals_designed",
        verbose_name=_("designer"),
    )
    titles = models.ManyToManyField(
        Title, blank=True, related_name="medals", verbose_name=_("goes with the titles")
    )

    objects = MedalQuerySet.as_manager()

    history_dates = ("established_on",)

    class Meta(CitedRecord.Meta):
        ordering = ["name"]
        # One English word for one and many; Russian has «знак отличия», «знаки отличия».
        verbose_name = pgettext_lazy("one", "insignia")
        verbose_name_plural = _("insignia")

    def __str__(self):
        return self.name

    def clean(self):
        super().clean()
        errors = {}
        note_misdated_act(
            errors,
            field="established_by",
            act=self.established_by,
            date=self.established_on,
            message=_(
                "The act establishing the insignia is dated %(date)s, "
                "not on the date of establishment."
            ),
        )
        if errors:
            raise ValidationError(errors)


class Event(CitedRecord):
    """A dated occurrence of the history."""

    date = PartialDateField(_("date"))
    name = models.CharField(_("name"), max_length=300)
    description = models.TextField(_("description"), blank=True)
    titles = models.ManyToManyField(
        Title, blank=True, related_name="events", verbose_name=_("titles")
    )
    decrees = models.ManyToManyField(
        Decree, blank=True, related_name="events", verbose_name=_("normative acts")
    )
    medals = models.ManyToManyField(
        Medal, blank=True, related_name="events", verbose_name=_("insignia")
    )

    objects = EventQuerySet.as_manager()

    history_dates = ("date",)

    class Meta(CitedRecord.Meta):
        ordering = ["date", "slug"]
        verbose_name = _("event")
        verbose_name_plural = _("events")

    def __str__(self):
        return self.name
