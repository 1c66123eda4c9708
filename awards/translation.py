"""Bilingual fields (Russian is the source, English the translation) and edit history.

History is registered here, after the translation fields exist, so that the historical
tables keep both language versions (django-simple-history's advice for modeltranslation).
"""

from modeltranslation.translator import TranslationOptions, register
from simple_history import register as register_history

from awards import models
from awards.records.revisions import TrackedHistoricalRecords, track_history


class RussianRequired(TranslationOptions):
    required_languages = ("ru",)


@register(models.Source)
class SourceTranslation(RussianRequired):
    fields = ("name",)


@register(models.Citation)
class CitationTranslation(RussianRequired):
    fields = ("quote",)


@register(models.Authority)
class AuthorityTranslation(RussianRequired):
    fields = ("name", "short_name", "description")
    required_languages = {"ru": ("name",)}


@register(models.Person)
class PersonTranslation(RussianRequired):
    # The English versions of the name's parts and places are their transliterations.
    fields = (
        "name",
        "surname",
        "given_name",
        "patronymic",
        "birth_place",
        "death_place",
        "occupation",
        "description",
    )
    required_languages = {"ru": ("name",)}


@register(models.Decree)
class DecreeTranslation(RussianRequired):
    fields = ("name", "summary")
    required_languages = {"ru": ("name",)}


@register(models.Title)
class TitleTranslation(RussianRequired):
    fields = ("name", "description")
    required_languages = {"ru": ("name",)}


@register(models.Medal)
class MedalTranslation(RussianRequired):
    fields = ("name", "description")
    required_languages = {"ru": ("name",)}


@register(models.Event)
class EventTranslation(RussianRequired):
    fields = ("name", "description")
    required_languages = {"ru": ("name",)}


@register(models.Provision)
class ProvisionTranslation(RussianRequired):
    fields = ("value", "note")
    required_languages = {"ru": ("value",)}


@register(models.Conferment)
class ConfermentTranslation(TranslationOptions):
    fields = ("note",)


for model in (*models.RECORD_MODELS, *models.REGISTRY_MODELS):
    track_history(model)

# Another name or date is part of its person's record: its own history, as it has no
# translation.
register_history(models.OtherName, app="awards", records_class=TrackedHistoricalRecords)
register_history(models.OtherDate, app="awards", records_class=TrackedHistoricalRecords)

# Each step of a review (submitted, sent back, approved) is an entry of its revision's
# history; the record's own history gets the approved change.
register_history(models.PendingRevision, app="awards")
