"""The history of the Soviet titles of labour as records: each one cites its source."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from awards.dates import PartialDate, format_partial_date
from awards.fields import PartialDateField


def ranges_disjoint(first: PartialDate | None, second: PartialDate | None) -> bool:
    """True when two dates, each a span of days, cannot be the same day."""
    if first is None or second is None:
        return False
    return first.latest() < second.earliest() or second.latest() < first.earliest()


class RecordQuerySet(models.QuerySet):
    def published(self):
        return self.filter(published=True)

    def get_by_natural_key(self, slug):
        return self.get(slug=slug)


class Record(models.Model):
    """What every record shares: a slug for URLs and exchange, timestamps, a draft flag."""

    slug = models.SlugField(
        _("slug"),
        max_length=100,
        unique=True,
        help_text=_("Latin letters, digits and hyphens; used in addresses and in import files."),
    )
    published = models.BooleanField(
        _("published"), default=False, help_text=_("Drafts never appear on public pages.")
    )
    # Defaults rather than auto_now: fixtures and bulk imports save raw rows, which skip
    # pre_save(); save() keeps updated_at current for every other write.
    created_at = models.DateTimeField(_("created"), default=timezone.now, editable=False)
    updated_at = models.DateTimeField(_("updated"), default=timezone.now, editable=False)

    objects = RecordQuerySet.as_manager()

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        self.updated_at = timezone.now()
        if kwargs.get("update_fields") is not None:
            kwargs["update_fields"] = {*kwargs["update_fields"], "updated_at"}
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse(f"awards:{self._meta.model_name}-detail", kwargs={"slug": self.slug})

    def natural_key(self):
        return (self.slug,)


class CitedRecord(Record):
    """A record of the history: it must cite the passages that state it."""

    citations = models.ManyToManyField(
        "awards.Citation",
        related_name="cited_by_%(class)s",
        verbose_name=_("citations"),
        help_text=_("The passages of the sources that state this record."),
    )

    class Meta:
        abstract = True


class Source(Record):
    name = models.CharField(_("name"), max_length=300)
    author = models.CharField(_("author"), max_length=300, blank=True)
    url = models.URLField(_("address"), blank=True)
    language = models.CharField(_("language of the text"), max_length=10, default="ru")
    text = models.TextField(
        _("text"), blank=True, help_text=_("The full text, so that quotations can be checked.")
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("source")
        verbose_name_plural = _("sources")

    def __str__(self):
        return self.name


class Citation(Record):
    """A passage of a source: the quoted words and where they stand."""

    source = models.ForeignKey(
        Source, on_delete=models.PROTECT, related_name="citations", verbose_name=_("source")
    )
    paragraph = models.PositiveSmallIntegerField(_("paragraph"))
    sentence = models.PositiveSmallIntegerField(_("sentence"))
    quote = models.TextField(_("quotation"))

    class Meta:
        ordering = ["source__name", "paragraph", "sentence", "slug"]
        verbose_name = _("citation")
        verbose_name_plural = _("citations")

    def __str__(self):
        return _("%(source)s, paragraph %(paragraph)s, sentence %(sentence)s") % {
            "source": self.source,
            "paragraph": self.paragraph,
            "sentence": self.sentence,
        }

    def clean(self):
        super().clean()
        if not self.source_id or not self.source.text or not self.quote_ru:
            return
        if " ".join(self.quote_ru.split()) not in " ".join(self.source.text.split()):
            raise ValidationError(
                {"quote_ru": _("The quotation does not occur in the text of the source.")}
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

    class Meta:
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

    class Meta:
        ordering = ["name"]
        verbose_name = _("person")
        verbose_name_plural = _("people")

    def __str__(self):
        return self.name


class Decree(CitedRecord):
    """A normative act: what it established, changed or abolished follows from its relations."""

    class Kind(models.TextChoices):
        RESOLUTION = "resolution", _("resolution (postanovlenie)")
        DECREE = "decree", _("decree (ukaz)")
        UNSTATED = "unstated", _("kind not stated in the source")

    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    date = PartialDateField(_("date"))
    authorities = models.ManyToManyField(
        Authority,
        blank=True,
        related_name="decrees",
        verbose_name=_("issued by"),
        help_text=_("One or several: the act of 1927 was joint."),
    )
    name = models.CharField(_("name"), max_length=300)
    summary = models.TextField(_("summary"), blank=True)

    class Meta:
        ordering = ["date", "slug"]
        verbose_name = _("normative act")
        verbose_name_plural = _("normative acts")

    def __str__(self):
        return self.name


class Title(CitedRecord):
    """An honorific title."""

    name = models.CharField(_("name"), max_length=300)
    description = models.TextField(_("description"), blank=True)
    established_on = PartialDateField(_("established on"), null=True, blank=True)
    established_by = models.ForeignKey(
        Decree,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="titles_established",
        verbose_name=_("established by"),
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

    class Meta:
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
        if self.established_by_id and ranges_disjoint(
            self.established_by.date, self.established_on
        ):
            errors["established_by"] = _(
                "The act establishing the title is dated %(date)s, "
                "not on the date of establishment."
            ) % {"date": format_partial_date(self.established_by.date)}
        if self.abolished_by_id and ranges_disjoint(self.abolished_by.date, self.abolished_on):
            errors["abolished_by"] = _(
                "The act abolishing the title is dated %(date)s, not on the date of abolition."
            ) % {"date": format_partial_date(self.abolished_by.date)}
        if self.predecessor_id and self.predecessor_id == self.pk:
            errors["predecessor"] = _("A title cannot be its own predecessor.")
        if errors:
            raise ValidationError(errors)

    def is_alive_on(self, date: PartialDate) -> bool:
        """False only when the date surely falls before the title existed or after it ended."""
        if self.established_on and date.latest() < self.established_on.earliest():
            return False
        return not (self.abolished_on and date.earliest() > self.abolished_on.latest())


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

    class Meta:
        ordering = ["name"]
        verbose_name = _("insignia")
        verbose_name_plural = _("insignia")

    def __str__(self):
        return self.name

    def clean(self):
        super().clean()
        if self.established_by_id and ranges_disjoint(
            self.established_by.date, self.established_on
        ):
            raise ValidationError(
                {
                    "established_by": _(
                        "The act establishing the insignia is dated %(date)s, "
                        "not on the date of establishment."
                    )
                    % {"date": format_partial_date(self.established_by.date)}
                }
            )


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

    class Meta:
        ordering = ["date", "slug"]
        verbose_name = _("event")
        verbose_name_plural = _("events")

    def __str__(self):
        return self.name


class Provision(CitedRecord):
    """What a title entailed during a period, set and ended by a decree or an event.

    An empty start means the source states the provision of the title as such: it holds
    from the title's establishment. An empty end means until the title's abolition.
    The end is the first day on which the provision no longer held.
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

    class Meta:
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
        for field, decree_field in (("start", "start_decree"), ("end", "end_decree")):
            decree = getattr(self, decree_field)
            if decree is None:
                continue
            if ranges_disjoint(decree.date, getattr(self, field)):
                errors[decree_field] = _("The act is dated %(date)s, not on this date.") % {
                    "date": format_partial_date(decree.date)
                }
            elif self.title_id and not self.title.is_alive_on(decree.date):
                errors[decree_field] = _(
                    "The act is dated %(date)s, outside the life of the title it amends."
                ) % {"date": format_partial_date(decree.date)}
        for field, event_field in (("start", "start_event"), ("end", "end_event")):
            event = getattr(self, event_field)
            if event is not None and ranges_disjoint(event.date, getattr(self, field)):
                errors[event_field] = _("The event is dated %(date)s, not on this date.") % {
                    "date": format_partial_date(event.date)
                }
        if errors:
            raise ValidationError(errors)


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
