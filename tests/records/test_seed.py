import pytest
from django.core.management import call_command
from django.http import HttpRequest

from awards import models
from awards.records.seed import fixture_paths, load_fixture_records

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


def test_load_records_command_reports_counts(no_records, capsys):
    call_command("load_records")
    call_command("load_records")
    output = capsys.readouterr().out.splitlines()
    assert output == [
        "Records: 61 created, 0 updated, 0 kept as they were.",
        "Records: 0 created, 0 updated, 61 kept as they were.",
    ]


def test_demo_editor_can_log_in_with_the_printed_password(seeded, client, capsys):
    call_command("create_demo_editor")
    line = capsys.readouterr().out
    password = line.split("password:")[1].split()[0]
    assert client.login(request=HttpRequest(), username="editor", password=password)
    titles = client.get("/admin/awards/title/").content.decode()
    assert "Герой Социалистического Труда" in titles


def test_loaded_records_start_their_history(seeded):
    title = models.Title.objects.get(slug="hero-of-labour")
    entry = title.history.get()
    assert entry.history_type == "+"
    assert entry.history_change_reason == "fixtures"
    assert entry.name_ru == "Герой Труда"
