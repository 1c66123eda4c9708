"""The history of the Soviet titles of labour as records: each one cites its source."""

from awards.models.actors import Authority, OtherDate, OtherName, Person
from awards.models.base import CitedRecord, Record, RecordQuerySet, StaleRecordError
from awards.models.history import Decree, Event, Medal, Title
from awards.models.imports import ImportJob, ImportLog
from awards.models.moderation import PendingRevision
from awards.models.provisions import Provision
from awards.models.registry import Conferment, ConfermentCount
from awards.models.sources import Citation, Source

# Every kind of record, in dependency order: each refers only to those before it.
RECORD_MODELS = (Source, Citation, Authority, Person, Decree, Title, Medal, Event, Provision)
# The registry of conferments: records too, kept apart as the fixtures hold none.
REGISTRY_MODELS = (Conferment,)


def _cited_passage(link) -> str:
    return link.citation.place()


# A record's link to a passage (the many-to-many table Django makes) reads as the passage's
# place, «абзац 4, предложение 2», where the admin lists a record's citations.
for _model in (*RECORD_MODELS, *REGISTRY_MODELS):
    if issubclass(_model, CitedRecord):
        _model.citations.through.__str__ = _cited_passage

__all__ = [
    "RECORD_MODELS",
    "REGISTRY_MODELS",
    "Authority",
    "Citation",
    "CitedRecord",
    "Conferment",
    "ConfermentCount",
    "Decree",
    "Event",
    "ImportJob",
    "ImportLog",
    "Medal",
    "OtherDate",
    "OtherName",
    "PendingRevision",
    "Person",
    "Provision",
    "Record",
    "RecordQuerySet",
    "Source",
    "StaleRecordError",
    "Title",
]
