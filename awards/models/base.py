"""What every record shares: a slug, timestamps, a draft flag and, for facts, citations."""

from functools import lru_cache

from django.core.exceptions import ValidationError
from django.db import models, router, transaction
from django.db.models import Prefetch, ProtectedError
from django.db.models.constants import LOOKUP_SEP
from django.urls import get_script_prefix, reverse
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from awards.core.dates import PartialDate, format_partial_date

# The years a record of this history may be dated in: from the revolution of 1917 to the
# end of the USSR. A record names its dates that must fall in them (``history_dates``).
HISTORY_YEARS = (1917, 1991)


def ranges_disjoint(first: PartialDate | None, second: PartialDate | None) -> bool:
    """True when two dates, each a span of days, cannot be the same day."""
    if first is None or second is None:
        return False
    return first.latest() < second.earliest() or second.latest() < first.earliest()


def note_misdated_act(errors: dict, *, field: str, act, date: PartialDate | None, message) -> None:
    """Note ``message`` for ``field`` when the act (or event) cannot be dated on ``date``.

    ``message`` takes the act's date, rendered as known, as ``%(date)s``.
    """
    if act is not None and ranges_disjoint(act.date, date):
        errors[field] = message % {"date": format_partial_date(act.date)}


# A slug is letters, digits and hyphens (SlugField), so it can stand in for this marker
# in an address reversed once.
_SLUG_MARKER = "slug-marker"


@lru_cache(maxsize=256)
def _detail_url_pattern(model_name: str, language: str, prefix: str) -> str:
    return reverse(f"awards:{model_name}-detail", kwargs={"slug": _SLUG_MARKER})


def detail_url(model_name: str, slug: str) -> str:
    """The address of a record's page: reversed once per kind, language and script
    prefix, then the slug put in (a list of fifty records reversed a hundred times)."""
    pattern = _detail_url_pattern(model_name, get_language() or "", get_script_prefix())
    return pattern.replace(_SLUG_MARKER, slug)


class RecordQuerySet(models.QuerySet):
    def published(self):
        """The records the public may see: drafts left out."""
        return self.filter(published=True)

    def prefetch_published(self, *lookups: str):
        """Prefetch each relation, and each relation on the way to it, over published records.

        Every step goes through the ``published()`` of the model it leads to, so a draft
        never reaches a public page through a record that links to it: a foreign key to a
        draft reads as ``None`` and a many-to-many or reverse relation leaves drafts out.
        Each relation costs one query, whatever the number of records.
        """
        paths = {}
        for lookup in lookups:
            parts = lookup.split(LOOKUP_SEP)
            for end in range(1, len(parts) + 1):
                paths.setdefault(LOOKUP_SEP.join(parts[:end]), None)
        return self.prefetch_related(
            *(
                Prefetch(path, queryset=_model_at(self.model, path)._default_manager.published())
                for path in paths
            )
        )

    def get_by_natural_key(self, slug):
        return self.get(slug=slug)

    def delete(self):
        refuse_deleting_used(self.model, self)
        return super().delete()


def records_using(model: type[models.Model], records) -> list[models.Model]:
    """The records that link to any of ``records`` through the model's ``protected_by``
    relations: while any does, those records cannot be deleted.

    A foreign key protects by itself (``on_delete=PROTECT``); a many-to-many link would
    silently vanish with the record it points to, so it is checked here.
    """
    users = []
    for name in getattr(model, "protected_by", ()):
        relation = model._meta.get_field(name)
        users += (
            relation.related_model._base_manager.filter(**{f"{relation.field.name}__in": records})
            .distinct()
            .order_by("pk")
        )
    return users


def refuse_deleting_used(model: type[models.Model], records) -> None:
    """Raise ProtectedError, naming the records that use them, if any of ``records`` is used."""
    if users := records_using(model, records):
        raise ProtectedError(
            _("Cannot delete: other records use it: %(users)s.")
            % {"users": "; ".join(str(user) for user in users)},
            set(users),
        )


def _model_at(model: type[models.Model], path: str) -> type[models.Model]:
    """The model a lookup path such as ``provisions__start_decree`` leads to."""
    for name in path.split(LOOKUP_SEP):
        model = model._meta.get_field(name).related_model
    return model


class StaleRecordError(Exception):
    """A write based on a version of a record that another write has replaced or deleted."""

    def __init__(self, record):
        super().__init__(
            f"{record._meta.label} {record.pk} is no longer at version {record.version}"
        )
        self.record = record


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
    # Optimistic concurrency: every write of the record raises it by one, and a write
    # based on an older version is refused instead of overwriting newer work.
    version = models.PositiveIntegerField(_("version"), default=1, editable=False)

    objects = RecordQuerySet.as_manager()

    # Reverse many-to-many relations whose records keep this one from being deleted.
    protected_by: tuple[str, ...] = ()
    # Date fields that must fall within HISTORY_YEARS.
    history_dates: tuple[str, ...] = ()

    class Meta:
        abstract = True
        # Publishing and withdrawing are a permission of their own: chief editors have it
        # (awards.records.roles). A record's Meta extends this one to keep it.
        default_permissions = ("add", "change", "delete", "view", "publish")

    def save(self, *args, **kwargs):
        """Write the record if it is still at ``self.version``, and raise its version by one.

        The check and the write are one transaction: the version is claimed with a
        conditional ``UPDATE … WHERE version = %s`` first, so of two writers that read the
        same version one wins and the other gets ``StaleRecordError``, nothing written.
        """
        self.updated_at = timezone.now()
        if kwargs.get("update_fields") is not None:
            kwargs["update_fields"] = {*kwargs["update_fields"], "updated_at", "version"}
        if self._state.adding:
            super().save(*args, **kwargs)
            return
        using = kwargs.get("using") or router.db_for_write(type(self), instance=self)
        with transaction.atomic(using=using):
            claimed = (
                type(self)
                ._base_manager.using(using)
                .filter(pk=self.pk, version=self.version)
                .update(version=self.version + 1)
            )
            if not claimed:
                raise StaleRecordError(self)
            self.version += 1
            super().save(*args, **kwargs)

    def get_absolute_url(self):
        return detail_url(self._meta.model_name, self.slug)

    def natural_key(self):
        return (self.slug,)

    def clean(self):
        super().clean()
        first, last = HISTORY_YEARS
        errors = {
            name: _(
                "Dates of this history lie between %(first)d and %(last)d (from the "
                "revolution to the end of the USSR); %(date)s is outside them."
            )
            % {"first": first, "last": last, "date": format_partial_date(date)}
            for name in self.history_dates
            # A date the form could not read is left as it was: its field has the error.
            if isinstance(date := getattr(self, name), PartialDate)
            and not first <= date.year <= last
        }
        if errors:
            raise ValidationError(errors)

    def delete(self, *args, **kwargs):
        refuse_deleting_used(type(self), [self])
        return super().delete(*args, **kwargs)


class CitedRecord(Record):
    """A record of the history: it must cite the passages that state it."""

    citations = models.ManyToManyField(
        "awards.Citation",
        related_name="cited_by_%(class)s",
        verbose_name=_("citations"),
        help_text=_("The passages of the sources that state this record."),
    )

    class Meta(Record.Meta):
        abstract = True
