"""The records of fixtures/ loaded into the database (awards.records.seed) without losing
editors' work."""

import pytest

from awards import models
from awards.records.seed import fixture_paths, load_fixture_records
from tests.support.admin_pages import history_entries

pytestmark = pytest.mark.django_db(transaction=False)


def snapshot():
    return {
        model.__name__: sorted(model.objects.values_list("slug", flat=True))
        for model in models.RECORD_MODELS
    }


def test_loading_twice_leaves_the_same_records(no_records):
    first = load_fixture_records(paths=fixture_paths())
    after_first = snapshot()
    second = load_fixture_records(paths=fixture_paths())
    assert first.created == 61 and first.kept == 0
    assert second.created == 0 and second.kept == 61
    assert snapshot() == after_first


def test_loading_again_keeps_what_editors_changed(seeded):
    models.Title.objects.filter(slug="hero-of-labour").update(name_en="Hero of Labour (edited)")
    load_fixture_records(paths=fixture_paths())
    assert models.Title.objects.get(slug="hero-of-labour").name_en == "Hero of Labour (edited)"


def test_update_restores_the_fixtures_version(seeded):
    models.Title.objects.filter(slug="hero-of-labour").update(name_en="Edited")
    report = load_fixture_records(paths=fixture_paths(), update=True)
    assert report.updated == 61
    assert models.Title.objects.get(slug="hero-of-labour").name_en == "Hero of Labour"


def test_loaded_records_start_their_history(seeded):
    title = models.Title.objects.get(slug="hero-of-labour")
    entry = title.history.get()
    assert entry.history_type == "+"
    assert entry.history_change_reason == "fixtures"
    assert entry.name_ru == "Герой Труда"


def test_loading_fixtures_over_edited_records_raises_their_versions(seeded):
    title = models.Title.objects.get(slug="hero-of-labour")
    title.name_en = "Edited"
    title.save()
    load_fixture_records(paths=fixture_paths(), update=True)
    title.refresh_from_db()
    assert title.version == 3
    assert history_entries(title)[0].version == 3
