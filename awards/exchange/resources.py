"""One Resource per model: the columns of the exchange files, for the admin and the commands.

Columns are named after the fields, both language versions as their own columns;
relations are slugs, many-to-many relations a list of slugs in one cell. Records are
matched by slug; the last column, ``version``, is the version of the record a file was
exported from: an import checks it against the record's (a stale row is a conflict) and
never writes it. These are declarations: the pipeline (awards.exchange.kinds.records)
and the exporter read them.
"""

from django.db import models
from import_export import resources
from import_export.fields import Field

from awards import models as records
from awards.exchange.widgets import (
    IntegerWidget,
    PartialDateWidget,
    SlugListWidget,
    SlugWidget,
    SpreadsheetBooleanWidget,
    TextWidget,
)
from awards.fields import PartialDateField
from awards.registry.checks import assess


def slug_of(model: type[models.Model], name: str) -> Field:
    """A foreign key written as the slug of the related record."""
    return Field(attribute=name, column_name=name, widget=SlugWidget(model))


def slugs_of(model: type[models.Model], name: str) -> Field:
    """A many-to-many relation written as the slugs of the related records."""
    return Field(attribute=name, column_name=name, widget=SlugListWidget(model))


class RecordResource(resources.ModelResource):
    """Widgets by field type for the plain values; relations are declared per resource."""

    @classmethod
    def widget_from_django_field(cls, f, default=None):
        if isinstance(f, PartialDateField):
            return PartialDateWidget
        if isinstance(f, models.BooleanField):
            return SpreadsheetBooleanWidget
        if isinstance(f, models.IntegerField):
            return IntegerWidget
        return TextWidget

    @classmethod
    def widget_kwargs_for_field(cls, field_name, django_field):
        # The project's widgets read every cell the same way; they take no options.
        return {}

    def get_queryset(self):
        model = self._meta.model
        return model._default_manager.order_by(*model._meta.ordering, "slug")

    def check_record(self, record) -> None:
        """What an import checks of a record beyond its own fields (``Model.clean``): the
        rules that span records. Raises ValidationError; nothing for most kinds."""


class SourceResource(RecordResource):
    class Meta:
        model = records.Source
        fields = (
            "slug",
            "published",
            "name_ru",
            "name_en",
            "author",
            "url",
            "language",
            "text",
            "version",
        )


class CitationResource(RecordResource):
    source = slug_of(records.Source, "source")

    class Meta:
        model = records.Citation
        fields = (
            "slug",
            "published",
            "source",
            "paragraph",
            "sentence",
            "quote_ru",
            "quote_en",
            "version",
        )


class AuthorityResource(RecordResource):
    parent = slug_of(records.Authority, "parent")
    citations = slugs_of(records.Citation, "citations")

    class Meta:
        model = records.Authority
        fields = (
            "slug",
            "published",
            "name_ru",
            "name_en",
            "short_name_ru",
            "short_name_en",
            "jurisdiction",
            "parent",
            "description_ru",
            "description_en",
            "citations",
            "version",
        )


class PersonResource(RecordResource):
    citations = slugs_of(records.Citation, "citations")

    class Meta:
        model = records.Person
        fields = (
            "slug",
            "published",
            "name_ru",
            "name_en",
            "surname_ru",
            "surname_en",
            "given_name_ru",
            "given_name_en",
            "patronymic_ru",
            "patronymic_en",
            "born_on",
            "birth_place_ru",
            "birth_place_en",
            "died_on",
            "death_place_ru",
            "death_place_en",
            "occupation_ru",
            "occupation_en",
            "citizenship",
            "description_ru",
            "description_en",
            "citations",
            "version",
        )


class DecreeResource(RecordResource):
    authorities = slugs_of(records.Authority, "authorities")
    citations = slugs_of(records.Citation, "citations")

    class Meta:
        model = records.Decree
        fields = (
            "slug",
            "published",
            "kind",
            "date",
            "number",
            "authorities",
            "name_ru",
            "name_en",
            "summary_ru",
            "summary_en",
            "citations",
            "version",
        )


class TitleResource(RecordResource):
    established_by = slug_of(records.Decree, "established_by")
    abolished_by = slug_of(records.Decree, "abolished_by")
    predecessor = slug_of(records.Title, "predecessor")
    conferred_by = slugs_of(records.Authority, "conferred_by")
    citations = slugs_of(records.Citation, "citations")

    class Meta:
        model = records.Title
        fields = (
            "slug",
            "published",
            "name_ru",
            "name_en",
            "description_ru",
            "description_en",
            "established_basis",
            "established_on",
            "established_by",
            "abolished_basis",
            "abolished_on",
            "abolished_by",
            "predecessor",
            "conferred_by",
            "citations",
            "version",
        )


class MedalResource(RecordResource):
    established_by = slug_of(records.Decree, "established_by")
    designer = slug_of(records.Person, "designer")
    titles = slugs_of(records.Title, "titles")
    citations = slugs_of(records.Citation, "citations")

    class Meta:
        model = records.Medal
        fields = (
            "slug",
            "published",
            "kind",
            "name_ru",
            "name_en",
            "description_ru",
            "description_en",
            "established_on",
            "established_by",
            "designer",
            "titles",
            "citations",
            "version",
        )


class EventResource(RecordResource):
    titles = slugs_of(records.Title, "titles")
    decrees = slugs_of(records.Decree, "decrees")
    medals = slugs_of(records.Medal, "medals")
    citations = slugs_of(records.Citation, "citations")

    class Meta:
        model = records.Event
        fields = (
            "slug",
            "published",
            "date",
            "name_ru",
            "name_en",
            "description_ru",
            "description_en",
            "titles",
            "decrees",
            "medals",
            "citations",
            "version",
        )


class ProvisionResource(RecordResource):
    title = slug_of(records.Title, "title")
    start_decree = slug_of(records.Decree, "start_decree")
    start_event = slug_of(records.Event, "start_event")
    end_decree = slug_of(records.Decree, "end_decree")
    end_event = slug_of(records.Event, "end_event")
    start_citation = slug_of(records.Citation, "start_citation")
    end_citation = slug_of(records.Citation, "end_citation")
    citations = slugs_of(records.Citation, "citations")

    class Meta:
        model = records.Provision
        fields = (
            "slug",
            "published",
            "title",
            "aspect",
            "value_ru",
            "value_en",
            "value_key",
            "start_basis",
            "start",
            "start_decree",
            "start_event",
            "start_citation",
            "end_basis",
            "end",
            "end_decree",
            "end_event",
            "end_citation",
            "note_ru",
            "note_en",
            "citations",
            "version",
        )


class ConfermentResource(RecordResource):
    """The registry, record by record (matched by slug). Lists as researchers keep them —
    a row per conferment, people by name and birth date — come in through
    awards.exchange.kinds.registry_list."""

    person = slug_of(records.Person, "person")
    title = slug_of(records.Title, "title")
    decree = slug_of(records.Decree, "decree")

    def check_record(self, record) -> None:
        """The conferment against its title's rules on its date, with the person's other
        awards: refusals raise, doubts are stored on the record."""
        if record.person_id and record.title_id and record.date:
            assess(record)

    insignia = slugs_of(records.Medal, "insignia")
    revoked_by = slug_of(records.Decree, "revoked_by")
    restored_by = slug_of(records.Decree, "restored_by")
    citations = slugs_of(records.Citation, "citations")

    class Meta:
        model = records.Conferment
        fields = (
            "slug",
            "published",
            "person",
            "title",
            "decree",
            "date",
            "medal_number",
            "insignia",
            "revoked_on",
            "revoked_by",
            "restored_on",
            "restored_by",
            "note_ru",
            "note_en",
            "citations",
            "version",
        )


# In dependency order: a file of each kind can be imported once those before it are.
RESOURCES = {
    resource._meta.model._meta.model_name: resource
    for resource in (
        SourceResource,
        CitationResource,
        AuthorityResource,
        PersonResource,
        DecreeResource,
        TitleResource,
        MedalResource,
        EventResource,
        ProvisionResource,
        ConfermentResource,
    )
}


def resource_for(model: type[models.Model] | str) -> type[RecordResource]:
    """The resource of a model, given as the class or as its name in admin URLs."""
    name = model if isinstance(model, str) else model._meta.model_name
    return RESOURCES[name]
