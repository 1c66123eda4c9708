"""Loading the records of fixtures/ into the database without losing editors' work."""

from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.core import serializers
from django.db import transaction

from awards.records.revisions import record_bulk_changes

FIXTURE_DIR = Path(settings.BASE_DIR) / "fixtures"
# The reason of the history entries load_records writes (editors read it in the admin).
SEED_REASON = "fixtures"


@dataclass(frozen=True)
class LoadReport:
    created: int
    updated: int
    kept: int


def fixture_paths(directory: Path = FIXTURE_DIR) -> list[Path]:
    """The fixture files, in the dependency order their numeric prefixes give."""
    return sorted(directory.glob("*.json"))


def load_fixture_records(*, paths: list[Path], update: bool = False) -> LoadReport:
    """Create every record of the fixtures that the database lacks, matched by slug.

    A record that exists already is kept as the editors left it, unless ``update`` asks
    to overwrite it with the fixture's version. Either way a second run changes nothing.
    """
    created = updated = kept = 0
    written = []
    with transaction.atomic():
        deferred = []
        for path in paths:
            for item in serializers.deserialize(
                "json", path.read_text(encoding="utf-8"), handle_forward_references=True
            ):
                # The deserializer resolves the natural key (slug) of an existing row to its pk.
                exists = item.object.pk is not None
                if exists and not update:
                    kept += 1
                    continue
                if exists:
                    # A raw save skips Record.save(): raise the version as every write does.
                    item.object.version = _current_version(item.object) + 1
                # One history entry per record, written below with its relations.
                item.object.skip_history_when_saving = True
                item.save()
                del item.object.skip_history_when_saving
                written.append((item.object, exists))
                if item.deferred_fields:
                    deferred.append(item)
                if exists:
                    updated += 1
                else:
                    created += 1
        for item in deferred:
            item.save_deferred_fields()
        _record_history(written)
    return LoadReport(created=created, updated=updated, kept=kept)


def _current_version(record) -> int:
    manager = type(record)._base_manager
    return manager.filter(pk=record.pk).values_list("version", flat=True).get()


def _record_history(written: list) -> None:
    """Give each written record a history entry, as the raw fixture saves skip history."""
    by_model: dict[tuple[type, bool], list] = {}
    for record, existed in written:
        by_model.setdefault((type(record), existed), []).append(record)
    for (model, existed), records in by_model.items():
        record_bulk_changes(
            model=model,
            created=[] if existed else records,
            updated=records if existed else [],
            reason=SEED_REASON,
        )
