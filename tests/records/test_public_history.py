"""The published versions of records (awards.records.public_history): the one rule of which
history entries the public may read."""

from awards import models
from awards.records.public_history import (
    current_version,
    latest_changes,
    public_changes,
    published_versions,
)
from tests.support.record_changes import change


def test_only_entries_written_while_published_are_public(make_title):
    title = make_title(published=False)
    change(title, description_ru="Черновик.")
    assert not published_versions(models.Title, record_pk=title.pk).exists()
    change(title, published=True)
    (entry,) = published_versions(models.Title, record_pk=title.pk)
    assert entry.published
    assert current_version(title) == entry


def test_a_record_withdrawn_to_draft_has_no_public_version(make_title):
    title = make_title()
    assert current_version(title) is not None
    change(title, published=False)
    assert current_version(title) is None
    assert not published_versions(models.Title, record_pk=title.pk).exists()


def test_a_deleted_record_has_no_public_version(make_source):
    source = make_source()
    pk = source.pk
    source.delete()
    assert not published_versions(models.Source, record_pk=pk).exists()


def test_public_changes_leave_out_bookkeeping_and_the_other_language(make_title):
    title = make_title(description_ru="Один текст.")
    before = current_version(title)
    change(title, description_ru="Другой текст.", description_en="Another text.")
    changes = public_changes(current_version(title), before, language="ru")
    assert [(change.old, change.new) for change in changes] == [
        ("<del>Один</del> текст.", "<ins>Другой</ins> текст.")
    ]


def test_latest_changes_of_several_kinds_newest_first(make_title, make_source):
    make_title(name_ru="Первое")
    make_source(name_ru="Второе")
    pairs = latest_changes([models.Title, models.Source], limit=2)
    assert [str(record) for record, _entry in pairs] == ["Второе", "Первое"]
