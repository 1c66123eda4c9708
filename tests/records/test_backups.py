"""Backups (awards.records.backups), through backup_records and restore_records: every row of
every table comes back as it was."""

import json
import zipfile

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import CommandError, call_command

from awards import models
from awards.records.backups import backup_models
from tests.support.admin_pages import admin_url, change_form_data, drafted
from tests.support.roles import chief_editors_group

pytestmark = pytest.mark.django_db


def snapshot() -> dict[str, list]:
    """Every row of every table a backup holds; groups and memberships by name."""
    tables = {}
    for model in backup_models():
        if model is Group:
            tables["auth.group"] = sorted(
                (group.name, sorted(p.natural_key() for p in group.permissions.all()))
                for group in Group.objects.all()
            )
        else:
            tables[model._meta.label_lower] = list(model._default_manager.order_by("pk").values())
    tables["memberships"] = sorted(
        (user.username, group.name)
        for user in get_user_model().objects.all()
        for group in user.groups.all()
    )
    return tables


@pytest.fixture
def edited_records(seeded, editor_client, editor):
    """Fixtures, an admin edit with a citation added (history with links), an import logged."""
    title = drafted(models.Title.objects.get(slug="hero-of-labour"))
    url = admin_url(models.Title, "change", title.pk)
    data = change_form_data(editor_client.get(url))
    data["name_en"] = "Hero of Labour (edited)"
    assert editor_client.post(url, data).status_code == 302
    models.ImportLog.objects.create(
        user=editor,
        model_name="title",
        file_name="titles.csv",
        file_format="csv",
        origin=models.ImportLog.Origin.COMMAND,
        status=models.ImportLog.Status.REJECTED,
        errors="Строка 2, name_ru: обязательное поле.",
    )
    editor.groups.add(chief_editors_group())


# Emptied with flush, which PostgreSQL allows only outside the test's transaction.
@pytest.mark.django_db(transaction=True)
def test_a_backup_restored_into_an_empty_database_has_every_row(edited_records, tmp_path):
    archive = tmp_path / "backup.zip"
    before = snapshot()
    assert before["awards.historicaltitle_citations"]
    assert before["awards.importlog"]

    call_command("backup_records", str(archive))
    call_command("flush", interactive=False, verbosity=0)
    assert snapshot()["awards.title"] == []
    call_command("restore_records", str(archive))

    assert snapshot() == before
    restored = models.Title.objects.get(slug="hero-of-labour")
    assert restored.history.first().history_user.username == "test-editor"
    # Sequences follow the restored keys: the next record gets a new one.
    assert models.Source.objects.create(slug="after-restore", name_ru="Новый").pk > max(
        row["id"] for row in before["awards.source"]
    )


def test_the_archive_is_a_manifest_and_one_json_lines_file_per_table(seeded, tmp_path):
    archive = tmp_path / "backup.zip"
    call_command("backup_records", str(archive))

    with zipfile.ZipFile(archive) as contents:
        manifest = json.loads(contents.read("manifest.json"))
        titles = [json.loads(line) for line in contents.read("awards.title.jsonl").splitlines()]
        names = set(contents.namelist())

    assert manifest["format"] == "heroes-of-labour-backup"
    assert "0004_chief_editors_group" in manifest["migrations"]["awards"]
    tables = {table["model"]: table for table in manifest["tables"]}
    assert tables["awards.title"]["rows"] == models.Title.objects.count() == len(titles)
    assert {table["file"] for table in manifest["tables"]} | {"manifest.json"} == names
    assert {"awards.historicaltitle.jsonl", "awards.title_citations.jsonl"} <= names
    assert {row["fields"]["slug"] for row in titles} >= {"hero-of-labour"}


def test_a_restore_into_a_database_with_records_is_refused_and_changes_nothing(seeded, tmp_path):
    archive = tmp_path / "backup.zip"
    call_command("backup_records", str(archive))
    count = models.Title.objects.count()

    with pytest.raises(CommandError, match=r"The database is not empty.*awards\.title"):
        call_command("restore_records", str(archive))
    assert models.Title.objects.count() == count


def test_a_file_that_is_not_a_backup_is_refused(db, tmp_path):
    archive = tmp_path / "other.zip"
    with zipfile.ZipFile(archive, "w") as contents:
        contents.writestr("titles.csv", "slug\n")
    with pytest.raises(CommandError, match="not a backup"):
        call_command("restore_records", str(archive))
