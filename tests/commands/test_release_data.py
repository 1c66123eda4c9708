"""``manage.py release_data DIR`` (awards.site.data_releases): a dated release whose
manifest's checksums match its files, whose counts match them, and which holds no draft."""

import csv
import datetime
import hashlib
import io
import json

import pytest
from django.core.management import CommandError, call_command

from awards import models
from awards.exchange.resources import RESOURCES
from tests.support.registry_builders import confer, hero

DAY = datetime.date(2026, 12, 7)


def release(folder, **options):
    out = io.StringIO()
    call_command("release_data", str(folder), "--date", DAY.isoformat(), stdout=out, **options)
    return folder / DAY.isoformat(), out.getvalue()


def manifest_of(path):
    return json.loads((path / "manifest.json").read_text(encoding="utf-8"))


def csv_rows(path) -> list[dict]:
    return list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8-sig"))))


def test_the_manifest_checksums_match_the_files(seeded, tmp_path):
    path, _out = release(tmp_path)
    manifest = manifest_of(path)
    listed = {entry["path"] for entry in manifest["files"]}
    assert listed == {item.name for item in path.iterdir()} - {"manifest.json"}
    for entry in manifest["files"]:
        data = (path / entry["path"]).read_bytes()
        assert hashlib.sha256(data).hexdigest() == entry["sha256"]
        assert len(data) == entry["bytes"]


def test_the_manifest_states_the_date_licence_format_and_counts(seeded, tmp_path, settings):
    settings.DATA_RELEASE_LICENSE = "CC0 1.0"
    path, out = release(tmp_path)
    manifest = manifest_of(path)
    assert manifest["release_date"] == "2026-12-07"
    assert manifest["license"] == "CC0 1.0"
    assert manifest["format_version"] == "1"
    assert set(manifest["counts"]) == set(RESOURCES)
    assert manifest["counts"]["title"] == models.Title.objects.published().count()
    assert "Release 2026-12-07 written" in out


def test_each_kind_has_a_csv_in_the_exchange_format_with_as_many_rows_as_counted(seeded, tmp_path):
    person = hero(surname="Петров")
    confer(person, "1957-01-11")
    path, _out = release(tmp_path)
    counts = manifest_of(path)["counts"]
    for name in RESOURCES:
        assert len(csv_rows(path / f"{name}.csv")) == counts[name], name
    assert counts["conferment"] == 1
    (title,) = [row for row in csv_rows(path / "title.csv") if row["slug"] == "hero-of-labour"]
    assert title["name_ru"] == "Герой Труда"


def test_drafts_and_links_to_drafts_are_left_out(seeded, tmp_path, make_title, make_citation):
    make_title(slug="secret-draft-title", name_ru="Тайное звание", published=False)
    draft_passage = make_citation(slug="secret-draft-passage", published=False)
    public = make_title(slug="public-title", name_ru="Открытое звание")
    public.citations.add(draft_passage)
    path, _out = release(tmp_path)
    for entry in manifest_of(path)["files"]:
        text = (path / entry["path"]).read_text(encoding="utf-8-sig")
        assert "secret-draft-title" not in text and "Тайное звание" not in text
        assert "secret-draft-passage" not in text
    (row,) = [row for row in csv_rows(path / "title.csv") if row["slug"] == "public-title"]
    assert row["citations"] and "secret" not in row["citations"]


def test_the_graph_is_schema_org_json_ld_of_every_published_record(seeded, tmp_path):
    path, _out = release(tmp_path, base_url="https://example.org/")
    graph = json.loads((path / "records.jsonld").read_text(encoding="utf-8"))
    assert graph["@context"] == "https://schema.org"
    ids = {node["@id"] for node in graph["@graph"]}
    assert "https://example.org/titles/hero-of-socialist-labour/" in ids
    published = sum(model.objects.published().count() for model in models.RECORD_MODELS)
    assert len(graph["@graph"]) == published
    assert {node["@type"] for node in graph["@graph"]} >= {"DefinedTerm", "Legislation"}


def test_a_release_of_the_same_day_is_never_overwritten(seeded, tmp_path):
    path, _out = release(tmp_path)
    before = (path / "manifest.json").read_bytes()
    with pytest.raises(CommandError, match="exists already"):
        release(tmp_path)
    assert (path / "manifest.json").read_bytes() == before
    assert [item.name for item in tmp_path.iterdir()] == ["2026-12-07"]
