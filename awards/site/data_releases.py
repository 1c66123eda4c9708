"""Dated data releases: every published record in files anyone may download and check.

A release is a folder named for its day (``2026-12-07``) holding a CSV per kind of record
in the exchange format (the files ``export_records`` writes and ``import_records``
reads), a JSON-LD graph of the records as schema.org describes them, and
``manifest.json``: the release date, the records' count per kind, the licence, the
format's version and the SHA-256 of every file. Only published records go in, and a link
to a draft (a draft citation's slug, a draft predecessor) is left out of the cells, as on
the pages. Every file is streamed: memory stays flat whatever the number of records.
"""

from __future__ import annotations

import datetime
import hashlib
import json
import shutil
from collections.abc import Iterable, Iterator
from pathlib import Path

from django.conf import settings
from django.db import transaction
from django.utils import timezone, translation

from awards.exchange.exporter import export_file
from awards.exchange.kinds import kind_for
from awards.exchange.resources import RESOURCES
from awards.models import RECORD_MODELS
from awards.site import structured_data
from awards.site.public_exports import PublicLinks

# The version of the layout of a release: raised when a file or a manifest field changes.
FORMAT_VERSION = "1"
MANIFEST = "manifest.json"
GRAPH = "records.jsonld"
_CHUNK_RECORDS = 2000


class ReleaseExistsError(Exception):
    """A release of that day is there already: releases are never overwritten."""


def _written(path: Path, chunks: Iterable[bytes]) -> dict:
    """Write the chunks to ``path``; the file's entry in the manifest."""
    digest = hashlib.sha256()
    size = 0
    with path.open("wb") as stream:
        for chunk in chunks:
            digest.update(chunk)
            size += len(chunk)
            stream.write(chunk)
    return {"path": path.name, "sha256": digest.hexdigest(), "bytes": size}


def _graph(*, base_url: str) -> Iterator[bytes]:
    """The published records as one schema.org JSON-LD graph, a record at a time."""
    yield b'{"@context": "https://schema.org", "@graph": [\n'
    first = True
    for model in RECORD_MODELS:
        for record in model.objects.published().order_by("pk").iterator(_CHUNK_RECORDS):
            url = base_url + record.get_absolute_url()
            node = structured_data.record(record=record, url=url)
            node.pop("@context", None)
            node["@id"] = url
            separator = b"" if first else b",\n"
            first = False
            yield separator + json.dumps(node, ensure_ascii=False, default=str).encode()
    yield b"\n]}\n"


def write_release(*, folder: Path, base_url: str, on: datetime.date | None = None) -> dict:
    """Write the release of the day ``on`` (today) under ``folder``; its manifest.

    The files are written to a hidden folder first and moved into place once all are
    complete, so a reader never finds half a release; all are read in one transaction, so
    the counts and the files agree.
    """
    on = on or timezone.localdate()
    target = folder / on.isoformat()
    if target.exists():
        raise ReleaseExistsError(f"A release of {on.isoformat()} exists already: {target}")
    partial = folder / f".{on.isoformat()}.partial"
    shutil.rmtree(partial, ignore_errors=True)
    partial.mkdir(parents=True)
    files, counts = [], {}
    with transaction.atomic(), translation.override(settings.LANGUAGE_CODE):
        for name, resource in RESOURCES.items():
            queryset = resource._meta.model.objects.published().order_by("pk")
            counts[name] = queryset.count()
            chunks = export_file(
                kind=PublicLinks(kind_for(name)), file_format="csv", queryset=queryset
            )
            files.append(_written(partial / f"{name}.csv", chunks))
        files.append(_written(partial / GRAPH, _graph(base_url=base_url.rstrip("/"))))
    manifest = {
        "name": "Heroes of Labour",
        "release_date": on.isoformat(),
        "format_version": FORMAT_VERSION,
        "license": settings.DATA_RELEASE_LICENSE,
        "counts": counts,
        "files": files,
    }
    (partial / MANIFEST).write_text(
        json.dumps(manifest, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
    )
    partial.rename(target)
    return manifest


def read_releases(folder: Path) -> list[dict]:
    """The complete releases under ``folder``, newest first: each one's manifest, as written."""
    if not folder.is_dir():
        return []
    releases = []
    for path in sorted(folder.iterdir(), reverse=True):
        manifest = path / MANIFEST
        if path.name.startswith(".") or not manifest.is_file():
            continue
        try:
            datetime.date.fromisoformat(path.name)
            read = json.loads(manifest.read_text(encoding="utf-8"))
        except ValueError:
            continue
        # A release is the folder of its day: a manifest naming another is not one.
        if read.get("release_date") == path.name:
            releases.append(read)
    return releases


def release_file(folder: Path, *, release: str, name: str) -> Path | None:
    """A file a release's manifest lists, or ``None``: nothing else under the folder is
    ever served, whatever the address asks for."""
    for manifest in read_releases(folder):
        if manifest.get("release_date") != release:
            continue
        listed = {entry["path"] for entry in manifest.get("files", [])} | {MANIFEST}
        if name in listed:
            return folder / release / name
    return None
