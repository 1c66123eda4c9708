"""What a title entailed during a period: the rules that comparisons are computed from."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from awards.core.dates import format_partial_date
from awards.fields import PartialDateField
from awards.models.base import CitedRecord, RecordQuerySet, note_misdated_act
from awards.models.boundaries import (
    Basis,
    BasisField,
    SideOfPeriod,
    note_unsupported_basis,
    settle_unstated_basis,
)
from awards.models.history import PROVISION_LINKS, Decree, Event, Title
from awards.models.sources import Citation


class ProvisionQuerySet(RecordQuerySet):
    def published(self):
        """Published provisions of published titles, with their title, by aspect and start.

        A provision is public only if its title is: it says what that title entailed.
        """
        return (
            super()
            .published()
            .filter(title__published=True)
            .select_related("title")
            .order_by("aspect", "start")
        )

    def for_detail(self):
        return self.published().prefetch_published(*PROVISION_LINKS)


class Provision(CitedRecord):
    """What a title entailed during a period, set and ended by a decree or an event.

    Each boundary has a basis (``awards.models.boundaries``): dated (its date, and the act
    or event if the source names one), the title's establishment or abolition (with the
    passage that says so), or unknown. The end is the first day on which the provision
    no longer held.
    """

    class Aspect(models.TextChoices):
        RANK = "rank", _("rank among distinctions")
        ELIGIBILITY = "eligibility", _("who may receive it")
        LENGTH_OF_SERVICE = "length_of_service", _("length of service required")
        FOREIGN_CITIZENS = "foreign_citizens", _("foreign citizens")
        CONFERRED_BY = "conferred_by", _("conferred by")
        CERTIFICATE = "certificate", _("certificate")
        ORDER_OF_LENIN = "order_of_lenin", _("Order of Lenin")
        GOLD_MEDAL = "gold_medal", _("gold medal")
        REPEAT_AWARDS = "repeat_awards", _("repeat awards")
        REPEAT_ORDER_OF_LENIN = "repeat_order_of_lenin", _("Order of Lenin on a repeat award")
        STATUTE = "statute", _("statute")
        INSIGNIA = "insignia", _("insignia")
        NOMINATION = "nomination", _("nomination and award procedure")
        PRIVILEGES = "privileges", _("privileges")

    title = models.ForeignKey(
        Title, on_delete=models.CASCADE, related_name="provisions", verbose_name=_("title")
    )
    aspect = models.CharField(_("aspect"), max_length=40, choices=Aspect.choices)
    value = models.TextField(_("value"), help_text=_("What the title entailed in this aspect."))
    value_key = models.SlugField(
        _("comparison key"),
        max_length=60,
        help_text=_(
            "A short code: provisions of the same aspect with the same key are the same "
            "rule when titles or dates are compared (e.g. yes, no, 3, unlimited, shared)."
        ),
    )
    start_basis = BasisField(
        _("start: basis"),
        help_text=_(
            "Dated: give the date (and the act or event, if the source names one). The "
            "title's establishment: only where a passage says so; name it. Unknown: the "
            "source does not say when the provision began."
        ),
    )
    start_citation = models.ForeignKey(
        Citation,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="provision_starts",
        verbose_name=_("passage stating the start"),
    )
    start = PartialDateField(_("in force from"), null=True, blank=True)
    start_decree = models.ForeignKey(
        Decree,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="provisions_started",
        verbose_name=_("set by act"),
    )
    start_event = models.ForeignKey(
        Event,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="provisions_started",
        verbose_name=_("set by event"),
    )
    end_basis = BasisField(
        _("end: basis"),
        help_text=_(
            "Dated: give the first day it no longer held (and the act or event). The "
            "title's abolition: only where a passage says so; name it. Unknown: the "
            "source does not say when, or whether, the provision ended."
        ),
    )
    end_citation = models.ForeignKey(
        Citation,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="provision_ends",
        verbose_name=_("passage stating the end"),
    )
    end = PartialDateField(_("in force until"), null=True, blank=True)
    end_decree = models.ForeignKey(
        Decree,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="provisions_ended",
        verbose_name=_("ended by act"),
    )
    end_event = models.ForeignKey(
        Event,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="provisions_ended",
        verbose_name=_("ended by event"),
    )
    note = models.TextField(_("note"), blank=True)

    objects = ProvisionQuerySet.as_manager()

    history_dates = ("start", "end")

    class Meta(CitedRecord.Meta):
        ordering = ["title__slug", "aspect", "start", "slug"]
        verbose_name = _("provision")
        verbose_name_plural = _("provisions")
        indexes = [models.Index(fields=["title", "aspect", "start"])]

    def __str__(self):
        return f"{self.title}: {self.get_aspect_display()} — {self.value}"

    def clean(self):
        super().clean()
        errors = {}
        if self.start and self.end and self.end.latest() < self.start.earliest():
            errors["end"] = _("A provision cannot end before it starts.")
        for field, decree_field, event_field in (
            ("start", "start_decree", "start_event"),
            ("end", "end_decree", "end_event"),
        ):
            date, decree = getattr(self, field), getattr(self, decree_field)
            note_misdated_act(
                errors,
                field=decree_field,
                act=decree,
                date=date,
                message=_("The act is dated %(date)s, not on this date."),
            )
            amends_outside_life = (
                decree_field not in errors
                and decree is not None
                and self.title_id is not None
                and not self.title.is_alive_on(decree.date)
            )
            if amends_outside_life:
                errors[decree_field] = _(
                    "The act is dated %(date)s, outside the life of the title it amends."
                ) % {"date": format_partial_date(decree.date)}
            note_misdated_act(
                errors,
                field=event_field,
                act=getattr(self, event_field),
                date=date,
                message=_("The event is dated %(date)s, not on this date."),
            )
        for side in ("start", "end"):
            act = getattr(self, f"{side}_decree") or getattr(self, f"{side}_event")
            setattr(
                self,
                f"{side}_basis",
                settle_unstated_basis(
                    getattr(self, f"{side}_basis"), date=getattr(self, side), act=act
                ),
            )
            note_unsupported_basis(
                errors,
                basis=getattr(self, f"{side}_basis"),
                fields={
                    "basis": f"{side}_basis",
                    "date": side,
                    "act": f"{side}_decree",
                    "citation": f"{side}_citation",
                },
                date=getattr(self, side),
                act=act,
                citation=getattr(self, f"{side}_citation"),
            )
        if errors:
            raise ValidationError(errors)

    @property
    def start_act(self) -> Decree | Event | None:
        """The act, or else the event, that set the provision."""
        return self.start_decree or self.start_event

    @property
    def end_act(self) -> Decree | Event | None:
        """The act, or else the event, that ended the provision."""
        return self.end_decree or self.end_event

    @property
    def start_side(self) -> SideOfPeriod:
        return SideOfPeriod(
            "start", self.start_basis, self.start, self.start_act, self.start_citation
        )

    @property
    def end_side(self) -> SideOfPeriod:
        return SideOfPeriod("end", self.end_basis, self.end, self.end_act, self.end_citation)

    @property
    def holds_for_whole_life(self) -> bool:
        """True when passages say it held from the title's establishment until its abolition."""
        return self.start_basis == self.end_basis == Basis.TITLE_LIFE
