"""Review of changes to published records (awards.records.moderation): an editor's change
waits as a revision; a chief editor approves it (written as any save) or sends it back;
a revision made against an older version is refused; imports follow the same rule."""

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.core.management.base import CommandError
from django.test import Client

from awards import models
from awards.models import PendingRevision
from awards.records import moderation
from tests.support.admin_pages import history_entries
from tests.support.public_pages import visible_text

pytestmark = pytest.mark.django_db

EVENT = "1921-term-hero-of-labour"
OLD_WORDS = "Героями труда были названы сотни лучших рабочих"
NEW_WORDS = "Героями труда были названы тысячи лучших рабочих"


def event():
    return models.Event.objects.get(slug=EVENT)


def propose(author, *, words=NEW_WORDS, reason="Уточнено число"):
    record = event()
    record.description_ru = record.description_ru.replace(OLD_WORDS, words)
    return moderation.submit(
        record=record,
        fields=["description_ru"],
        base_version=record.version,
        author=author,
        reason=reason,
    )


def public_text(record) -> str:
    return visible_text(Client().get(record.get_absolute_url()))


def test_a_published_record_is_held_for_an_editor_not_for_a_chief_editor(
    seeded, editor, chief_editor, make_event
):
    draft = make_event(published=False)
    assert moderation.held_for_review(editor, event())
    assert not moderation.held_for_review(chief_editor, event())
    assert not moderation.held_for_review(editor, draft)


def test_a_submitted_change_leaves_the_record_and_its_public_page_as_they_were(seeded, editor):
    before = event()

    revision = propose(editor)

    after = event()
    assert (after.description_ru, after.version) == (before.description_ru, before.version)
    assert OLD_WORDS in public_text(after) and NEW_WORDS not in public_text(after)
    assert revision.state == PendingRevision.State.PENDING
    assert revision.base_version == before.version
    assert revision.values == {
        "description_ru": before.description_ru.replace(OLD_WORDS, NEW_WORDS)
    }
    assert [step.history_change_reason for step in revision.history.all()] == [
        "Отправлено на проверку"
    ]


def test_the_proposed_change_marks_the_changed_word_alone(seeded, editor):
    (change,) = moderation.proposed_changes(propose(editor))
    assert change.label == "Описание [ru]"
    assert "<del>сотни</del>" in change.now and "<ins>тысячи</ins>" in change.proposed
    assert change.proposed.count("<ins>") == 1


def test_approval_writes_the_change_with_a_history_entry_and_a_new_version(
    seeded, editor, chief_editor
):
    before = event()
    revision = propose(editor)

    moderation.approve(revision=revision, reviewer=chief_editor, comment="Верно")

    after = event()
    assert NEW_WORDS in after.description_ru and after.version == before.version + 1
    assert after.published
    latest = history_entries(after)[0]
    assert latest.history_user == chief_editor
    assert latest.history_change_reason == "Одобрено: Уточнено число"
    assert NEW_WORDS in public_text(after)
    revision.refresh_from_db()
    assert (revision.state, revision.reviewer, revision.review_comment) == (
        PendingRevision.State.APPROVED,
        chief_editor,
        "Верно",
    )
    assert [step.history_change_reason for step in revision.history.order_by("history_date")] == [
        "Отправлено на проверку",
        "Одобрено",
    ]


def test_a_second_revision_is_stale_once_the_first_is_approved(seeded, editor, chief_editor):
    first = propose(editor)
    second = propose(chief_editor, words="Героями труда были названы многие лучших рабочих")
    moderation.approve(revision=first, reviewer=chief_editor)
    approved = event()

    assert moderation.is_stale(second)
    with pytest.raises(moderation.StaleRevisionError):
        moderation.approve(revision=second, reviewer=chief_editor)

    assert event().version == approved.version
    assert event().description_ru == approved.description_ru
    second.refresh_from_db()
    assert second.state == PendingRevision.State.PENDING


def test_a_decided_revision_is_not_approved_again(seeded, editor, chief_editor):
    revision = propose(editor)
    moderation.approve(revision=revision, reviewer=chief_editor)
    with pytest.raises(moderation.RevisionDecidedError):
        moderation.approve(revision=revision, reviewer=chief_editor)


def test_sending_back_keeps_the_record_and_needs_a_comment(seeded, editor, chief_editor):
    revision = propose(editor)
    with pytest.raises(ValidationError):
        moderation.send_back(revision=revision, reviewer=chief_editor, comment="  ")

    moderation.send_back(revision=revision, reviewer=chief_editor, comment="Где источник?")

    revision.refresh_from_db()
    assert revision.state == PendingRevision.State.SENT_BACK
    assert revision.review_comment == "Где источник?"
    assert OLD_WORDS in event().description_ru
    assert revision.history.order_by("-history_date").first().history_change_reason == (
        "Возвращено редактору"
    )


def test_approval_validates_the_record_as_any_save(seeded, editor, chief_editor):
    record = event()
    record.name_ru = ""
    revision = moderation.submit(
        record=record, fields=["name_ru"], base_version=record.version, author=editor
    )
    with pytest.raises(ValidationError):
        moderation.approve(revision=revision, reviewer=chief_editor)
    assert event().name_ru


def test_proposed_links_are_written_on_approval(seeded, editor, chief_editor):
    record = event()
    other = models.Citation.objects.exclude(pk__in=record.citations.all()).first()
    revision = moderation.submit(
        record=record,
        fields=[],
        links={"citations": [other.pk]},
        base_version=record.version,
        author=editor,
    )
    assert list(event().citations.all()) != [other]

    moderation.approve(revision=revision, reviewer=chief_editor)

    assert list(event().citations.all()) == [other]


def _event_file(tmp_path, description: str):
    path = tmp_path / "events.csv"
    call_command("export_records", "event", "--output", str(path))
    text = path.read_text(encoding="utf-8-sig")
    old = event().description_ru
    path.write_text(text.replace(old, description), encoding="utf-8-sig")
    return path


def test_an_editors_import_sends_changes_of_published_records_for_review(
    seeded, tmp_path, editor, capsys
):
    before = event()
    changed = before.description_ru.replace(OLD_WORDS, NEW_WORDS)
    path = _event_file(tmp_path, changed)

    call_command("import_records", "event", str(path), "--user", editor.username)

    out = capsys.readouterr().out
    assert "1 изменение опубликованной записи передано на проверку главному редактору" in out
    after = event()
    assert (after.description_ru, after.version) == (before.description_ru, before.version)
    revision = PendingRevision.objects.get()
    assert revision.origin == PendingRevision.Origin.IMPORT
    assert (revision.author, revision.base_version) == (editor, before.version)
    assert revision.values == {"description_ru": changed}
    assert revision.reason.startswith("Импортировано из")


def test_a_chief_editors_import_writes_at_once(seeded, tmp_path, chief_editor):
    changed = event().description_ru.replace(OLD_WORDS, NEW_WORDS)
    path = _event_file(tmp_path, changed)

    call_command("import_records", "event", str(path), "--user", chief_editor.username)

    assert event().description_ru == changed
    assert not PendingRevision.objects.exists()


def test_an_editors_import_still_may_not_withdraw_a_published_record(seeded, tmp_path, editor):
    path = tmp_path / "events.csv"
    call_command("export_records", "event", "--output", str(path))
    lines = path.read_text(encoding="utf-8-sig").splitlines()
    headers = lines[0].split(",")
    column = headers.index("published")
    row = next(index for index, line in enumerate(lines) if EVENT in line)
    cells = lines[row].split(",")
    cells[column] = "0"
    lines[row] = ",".join(cells)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8-sig")

    with pytest.raises(CommandError):
        call_command("import_records", "event", str(path), "--user", editor.username)

    assert event().published
    assert not PendingRevision.objects.exists()


def test_a_refused_import_sends_nothing_for_review_and_does_not_say_so(
    seeded, tmp_path, editor, capsys
):
    changed = event().description_ru.replace(OLD_WORDS, NEW_WORDS)
    path = _event_file(tmp_path, changed)
    text = path.read_text(encoding="utf-8-sig")
    path.write_text(text.replace("hero-of-labour", "no-such-title", 1), encoding="utf-8-sig")

    with pytest.raises(CommandError):
        call_command("import_records", "event", str(path), "--user", editor.username)

    captured = capsys.readouterr()
    assert "на проверку" not in captured.out + captured.err
    assert not PendingRevision.objects.exists()
