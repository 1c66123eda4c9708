"""What follows every write of a record (awards.records.writes): its search entry rewritten,
the public pages invalidated once the write commits; nothing of the kind for a write of the
import log or a job, which no public page shows.

Each test writes what it starts from without signals (``bulk_create``, ``update``), so that
the write it is about is the first of its transaction to ask for the invalidation (asked
twice, it is done once)."""

from awards.core.content_generation import content_generation, invalidate_public_pages
from awards.models import Citation, ImportJob, ImportLog, Medal, Person, Source, Title
from awards.records.writes import records_replaced, records_written_in_bulk
from awards.search.index import index_records
from tests.support.search_results import found_by_kind


def written_quietly(model, **fields):
    """A published record written without signals: no search entry, no invalidation."""
    name = fields.pop("name_ru")
    (record,) = model.objects.bulk_create(
        [model(name=name, name_ru=name, published=True, **fields)]
    )
    return record


def quiet_title(slug: str, name: str) -> Title:
    return written_quietly(
        Title, slug=slug, name_ru=name, established_basis="unknown", abolished_basis="unknown"
    )


def test_a_save_reindexes_the_record_and_invalidates_the_pages_on_commit(
    no_records, django_capture_on_commit_callbacks
):
    title = quiet_title("udarnik", "Звание Ударника")
    before = content_generation()

    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        title.name_ru = "Звание Передовика"
        title.save()
        # Until the commit, a page rendered from the old records may still be cached.
        assert content_generation() == before

    assert found_by_kind("передовика") == {"title": {"udarnik"}}
    assert callbacks == [invalidate_public_pages]
    assert content_generation() != before


def test_an_import_log_entry_or_a_job_neither_indexes_nor_invalidates(
    db, django_capture_on_commit_callbacks
):
    before = content_generation()

    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        ImportLog.objects.create(model_name="title", file_name="Ударник.csv", file_format="csv")
        ImportJob.objects.create(model_name="title", file_name="Ударник.csv", file_format="csv")

    assert callbacks == []
    assert content_generation() == before
    assert found_by_kind("ударник") == {}


def test_a_new_link_invalidates_the_pages(no_records, django_capture_on_commit_callbacks):
    title = quiet_title("udarnik", "Звание Ударника")
    source = written_quietly(Source, slug="source", name_ru="Источник")
    (citation,) = Citation.objects.bulk_create(
        [Citation(slug="c1", source=source, paragraph=1, sentence=1, quote="Ц", quote_ru="Ц")]
    )

    with django_capture_on_commit_callbacks() as callbacks:
        title.citations.add(citation)

    assert callbacks == [invalidate_public_pages]


def test_a_deleted_record_leaves_the_index(no_records, django_capture_on_commit_callbacks):
    medal = written_quietly(Medal, slug="innovator", name_ru="Медаль Новатора", kind="medal")
    index_records(model=Medal, records=[medal])
    assert found_by_kind("новатора") == {"medal": {"innovator"}}

    with django_capture_on_commit_callbacks() as callbacks:
        medal.delete()

    assert found_by_kind("новатора") == {}
    assert callbacks == [invalidate_public_pages]


def test_records_written_in_bulk_are_indexed_and_invalidate_the_pages(
    no_records, django_capture_on_commit_callbacks
):
    # Written without signals, as the importers write them.
    people = [written_quietly(Person, slug="innovator", name_ru="Новаторов")]
    assert found_by_kind("новаторов") == {}

    with django_capture_on_commit_callbacks() as callbacks:
        records_written_in_bulk(model=Person, records=people)

    assert found_by_kind("новаторов") == {"person": {"innovator"}}
    assert callbacks == [invalidate_public_pages]


def test_records_replaced_wholesale_are_indexed_again(
    no_records, django_capture_on_commit_callbacks
):
    # A restore writes the tables as they were, without signals.
    quiet_title("udarnik", "Звание Ударника")
    Title.objects.filter(slug="udarnik").update(name_ru="Звание Передовика")
    assert found_by_kind("передовика") == {}

    with django_capture_on_commit_callbacks() as callbacks:
        records_replaced()

    assert found_by_kind("передовика") == {"title": {"udarnik"}}
    assert callbacks == [invalidate_public_pages]
