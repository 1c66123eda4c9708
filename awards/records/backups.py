"""Backups: every record, its history and the import log in one zip archive, and back.

The archive holds `manifest.json` (format version, package versions, the migrations the
database was at, and each table's file and row count) and one JSON-lines file per table,
named after the model (`awards.title.jsonl`): one row per line, as Django's serializers
write it, with the primary key kept so that history rows still point at their records.
Link tables of many-to-many relations are files of their own. Users (who are named by the
history and the import log) and groups go in by name, with their permissions.

A backup is read in one transaction (a repeatable-read snapshot on PostgreSQL), so it is
consistent while editors work. A restore goes into an empty, migrated database only, in
one transaction: it writes everything or nothing.
"""

import datetime
import decimal
import io
import json
import uuid
import zipfile
from dataclasses import dataclass
from importlib.metadata import version
from pathlib import Path

from django.apps import apps
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core import serializers
from django.core.management.color import no_style
from django.db import DEFAULT_DB_ALIAS, connections, transaction
from django.db.migrations.recorder import MigrationRecorder

from awards.records.writes import records_replaced

FORMAT = "heroes-of-labour-backup"
FORMAT_VERSION = 1
MANIFEST = "manifest.json"
PACKAGES = ("Django", "django-simple-history", "django-modeltranslation", "heroes-of-labour")
# Tables that migrations fill themselves: restored by name into what is there.
MERGED_BY_NAME = (Group,)


class BackupError(Exception):
    """An archive that cannot be restored here; the message says why."""


@dataclass(frozen=True)
class TableCount:
    label: str
    rows: int


def backup_models() -> list:
    """Groups and users first, then every table of the awards app, link and history tables too."""
    awards = apps.get_app_config("awards").get_models(include_auto_created=True)
    return [Group, get_user_model(), *awards]


def _migration_state(connection) -> dict[str, list[str]]:
    labels = {model._meta.app_label for model in backup_models()}
    state: dict[str, list[str]] = {label: [] for label in sorted(labels)}
    for app, name in MigrationRecorder(connection).applied_migrations():
        if app in state:
            state[app].append(name)
    return {app: sorted(names) for app, names in state.items()}


def _encode(value):
    # Full precision: DjangoJSONEncoder would cut datetimes to milliseconds.
    if isinstance(value, datetime.datetime | datetime.date | datetime.time):
        return value.isoformat()
    if isinstance(value, decimal.Decimal | uuid.UUID):
        return str(value)
    raise TypeError(f"{type(value).__name__} cannot be written to a backup")


def _serialize(model, queryset) -> list[dict]:
    if model in MERGED_BY_NAME or model is get_user_model():
        return serializers.serialize(
            "python",
            queryset,
            use_natural_foreign_keys=True,
            use_natural_primary_keys=model in MERGED_BY_NAME,
        )
    # Many-to-many links are their own tables' files, written and restored row by row.
    fields = [field.name for field in model._meta.local_fields]
    return serializers.serialize("python", queryset, fields=fields)


def _file_name(model) -> str:
    return f"{model._meta.label_lower}.jsonl"


def write_backup(*, path: Path, using: str = DEFAULT_DB_ALIAS) -> list[TableCount]:
    """Write the archive at `path` from one consistent read; return each table's row count."""
    connection = connections[using]
    counts = []
    # Only a transaction of our own can be made a snapshot; inside another it is what it is.
    snapshot = connection.vendor == "postgresql" and not connection.in_atomic_block
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        with transaction.atomic(using=using):
            if snapshot:
                with connection.cursor() as cursor:
                    cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY")
            for model in backup_models():
                rows = _serialize(model, model._default_manager.using(using).order_by("pk"))
                lines = (json.dumps(row, default=_encode, ensure_ascii=False) for row in rows)
                archive.writestr(_file_name(model), "".join(f"{line}\n" for line in lines))
                counts.append(TableCount(model._meta.label_lower, len(rows)))
            migrations = _migration_state(connection)
        manifest = {
            "format": FORMAT,
            "format_version": FORMAT_VERSION,
            "created_at": datetime.datetime.now(datetime.UTC).isoformat(),
            "database_vendor": connection.vendor,
            "packages": {package: version(package) for package in PACKAGES},
            "migrations": migrations,
            "tables": [
                {"model": count.label, "file": f"{count.label}.jsonl", "rows": count.rows}
                for count in counts
            ],
        }
        archive.writestr(MANIFEST, json.dumps(manifest, indent=2, ensure_ascii=False))
    return counts


def _read_manifest(archive: zipfile.ZipFile) -> dict:
    try:
        manifest = json.loads(archive.read(MANIFEST))
    except KeyError:
        raise BackupError(f"The archive has no {MANIFEST}: it is not a backup.") from None
    if manifest.get("format") != FORMAT or manifest.get("format_version") != FORMAT_VERSION:
        raise BackupError(
            f"The archive is not a backup of format {FORMAT} version {FORMAT_VERSION}."
        )
    return manifest


def _refuse_unless_empty(using: str) -> None:
    filled = [
        f"{model._meta.label_lower} ({count} rows)"
        for model in backup_models()
        if model not in MERGED_BY_NAME and (count := model._default_manager.using(using).count())
    ]
    if filled:
        raise BackupError(
            "The database is not empty, so nothing was restored: "
            + ", ".join(filled)
            + ". Restore into a new database after `manage.py migrate`."
        )


def restore_backup(*, path: Path, using: str = DEFAULT_DB_ALIAS) -> list[TableCount]:
    """Restore the archive at `path` into an empty database at its migrations; all or nothing."""
    connection = connections[using]
    with zipfile.ZipFile(path) as archive:
        manifest = _read_manifest(archive)
        if manifest["migrations"] != _migration_state(connection):
            raise BackupError(
                "The archive was made at other migrations than this database is at; "
                "migrate both to the same version first. Archive: "
                f"{manifest['migrations']}"
            )
        counts = []
        with transaction.atomic(using=using):
            _refuse_unless_empty(using)
            for table in manifest["tables"]:
                model = apps.get_model(table["model"])
                with archive.open(table["file"]) as lines:
                    rows = [json.loads(line) for line in io.TextIOWrapper(lines, "utf-8")]
                restored = list(serializers.deserialize("python", rows, using=using))
                if any(item.m2m_data for item in restored) or model in MERGED_BY_NAME:
                    for item in restored:
                        item.save(using=using)
                else:
                    model._default_manager.using(using).bulk_create(
                        [item.object for item in restored], batch_size=500
                    )
                counts.append(TableCount(table["model"], len(restored)))
            models = [apps.get_model(table["model"]) for table in manifest["tables"]]
            with connection.cursor() as cursor:
                for statement in connection.ops.sequence_reset_sql(no_style(), models):
                    cursor.execute(statement)
            records_replaced(using=using)
    return counts
