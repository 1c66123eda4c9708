"""One column type for every field a Resource declares: a plain value, a foreign key by
slug, or many-to-many links by slugs.

A Column knows how to turn a cell into a field value (through the widget, then Django's
own field validation, as ``Model.clean_fields`` does), how to write the value back out,
and where its values are read in bulk: records and relation targets by slug, links
through their through table, a fixed number of queries per batch (awards.core.bulk).
"""

import enum
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext as _
from import_export.resources import Resource
from import_export.widgets import Widget

from awards.core.bulk import chunks, links_of


class Kind(enum.Enum):
    VALUE = "value"
    FOREIGN_KEY = "foreign key"
    MANY = "many-to-many"


@dataclass(frozen=True)
class Column:
    name: str
    field: models.Field
    widget: Widget
    kind: Kind

    @classmethod
    def of(cls, resource_field, model: type[models.Model]) -> "Column":
        field = model._meta.get_field(resource_field.attribute)
        if field.many_to_many:
            kind = Kind.MANY
        elif field.is_relation:
            kind = Kind.FOREIGN_KEY
        else:
            kind = Kind.VALUE
        return cls(resource_field.column_name, field, resource_field.widget, kind)

    @property
    def target_model(self) -> type[models.Model] | None:
        return self.field.related_model

    @property
    def required(self) -> bool:
        """Whether a file must have this column: the field has no default to fall back on."""
        return not self.field.blank and not self.field.has_default()

    @property
    def stored_with(self) -> str | None:
        """The untranslated column stored with a translation field (``name`` for ``name_ru``)."""
        translated = getattr(self.field, "translated_field", None)
        return translated.name if translated is not None else None

    @property
    def export_lookup(self) -> str | None:
        """What ``values_list`` reads for this column; many-to-many links are read apart."""
        if self.kind is Kind.MANY:
            return None
        if self.kind is Kind.FOREIGN_KEY:
            return f"{self.field.name}__slug"
        return self.field.attname

    def clean(self, cell):
        """The field value of a cell (a slug, or a list of slugs, for relations), or
        ValidationError with a message for the editor."""
        try:
            value = self.widget.clean(cell)
        except ValueError as error:
            raise ValidationError(str(error)) from error
        empty = value in (None, "", [])
        if empty and not self.field.blank:
            raise ValidationError(self.field.error_messages["blank"], code="blank")
        if self.kind is not Kind.VALUE:
            return value or ([] if self.kind is Kind.MANY else None)
        if empty:
            return None if self.field.null else ""
        # What Model.clean_fields() does for one field: to_python, choices, validators.
        return self.field.clean(value, None)

    def differs(self, old, new) -> bool:
        if isinstance(self.field, models.CharField | models.TextField):
            return (old or "") != (new or "")
        return old != new

    def render(self, value) -> str:
        """The text of a CSV cell."""
        return self.widget.render(value)

    def render_native(self, value):
        """The value of a JSON field or an XLSX cell: numbers and booleans stay so."""
        return self.widget.render_native(value)


def import_columns(resource: Resource) -> dict[str, Column]:
    """The columns a file of this resource may have, by name."""
    model = resource._meta.model
    return {field.column_name: Column.of(field, model) for field in resource.get_import_fields()}


def export_columns(resource: Resource) -> list[Column]:
    """The columns of an exported file, in order."""
    model = resource._meta.model
    return [Column.of(field, model) for field in resource.get_export_fields()]


def fetch_by_slug(
    model: type[models.Model], slugs: Iterable[str], *, select_related: Iterable[str] = ()
) -> dict[str, models.Model]:
    """Records of a model by slug, in one query per batch of slugs."""
    found = {}
    for chunk in chunks(sorted(slugs)):
        queryset = model._default_manager.filter(slug__in=chunk)
        if select_related:
            queryset = queryset.select_related(*select_related)
        found.update((record.slug, record) for record in queryset)
    return found


def current_links(column: Column, record_pks: Iterable[int]) -> dict[int, dict[str, int]]:
    """For each record, the slugs it links to through a many-to-many column, with the
    primary key of each link."""
    source, target = _link_lookups(column)
    links = defaultdict(dict)
    for link_pk, record_pk, slug in links_of(column.field, record_pks, "pk", source, target):
        links[record_pk][slug] = link_pk
    return links


def related_slugs(column: Column, record_pks: Iterable[int]) -> dict[int, list[str]]:
    """For each record, the sorted slugs it links to through a many-to-many column."""
    source, target = _link_lookups(column)
    slugs = defaultdict(list)
    for record_pk, slug in links_of(column.field, record_pks, source, target):
        slugs[record_pk].append(slug)
    return {pk: sorted(values) for pk, values in slugs.items()}


def _link_lookups(column: Column) -> tuple[str, str]:
    """The through model's lookups of the record's key and of the target's slug."""
    field = column.field
    return f"{field.m2m_field_name()}_id", f"{field.m2m_reverse_field_name()}__slug"


def unknown_slug_message(column: Column, slug: str) -> str:
    return _("There is no %(model)s with the slug “%(slug)s”.") % {
        "model": column.target_model._meta.verbose_name,
        "slug": slug,
    }
