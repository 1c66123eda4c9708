"""Public pages from the cache (awards.site.page_cache): served without queries, never older
than the last commit; conditional GETs answered 304.

The cache serves only requests outside a transaction, so most of these tests commit
(transactional tests); elsewhere the test's own transaction keeps every page fresh from its
view."""

import sqlite3
import subprocess
import sys
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.db import transaction

from awards.models import Citation, ImportJob, ImportLog, Medal, Source, Title
from awards.records.seed import fixture_paths, load_fixture_records
from tests.support.production_server import (
    ROOT,
    fetch,
    gunicorn,
    production_environment,
    served_database,
)

TITLE_PAGE = "/titles/hero-of-socialist-labour/"
PAGES_SHOWING_THE_TITLE = ["/", "/en/", "/history/", "/titles/", TITLE_PAGE, "/compare/heroes/"]


@pytest.fixture
def committed_records(db):
    load_fixture_records(paths=fixture_paths())


def _rename_title(name):
    title = Title.objects.get(slug="hero-of-socialist-labour")
    title.name_ru = name
    title.save()


@pytest.mark.django_db(transaction=True)
def test_a_second_visit_is_answered_without_a_query(
    client, committed_records, django_assert_num_queries
):
    for path in PAGES_SHOWING_THE_TITLE:
        first = client.get(path)
        with django_assert_num_queries(0):
            second = client.get(path)
        assert second.status_code == 200
        assert second.content == first.content, path


@pytest.mark.django_db(transaction=True)
def test_public_pages_tell_browsers_and_proxies_to_revalidate(client, committed_records):
    response = client.get(TITLE_PAGE)
    again = client.get(TITLE_PAGE)

    for page in (response, again):
        assert page["Cache-Control"] == "public, max-age=0, must-revalidate"
        assert page["ETag"]
        assert page["Last-Modified"]
    assert again["ETag"] == response["ETag"]


@pytest.mark.django_db(transaction=True)
def test_a_conditional_visit_answers_not_modified_without_a_query(
    client, committed_records, django_assert_num_queries
):
    response = client.get(TITLE_PAGE)
    with django_assert_num_queries(0):
        by_etag = client.get(TITLE_PAGE, headers={"If-None-Match": response["ETag"]})
        by_date = client.get(TITLE_PAGE, headers={"If-Modified-Since": response["Last-Modified"]})
    assert by_etag.status_code == 304
    assert by_date.status_code == 304


@pytest.mark.django_db(transaction=True)
def test_a_saved_record_shows_at_once_on_every_page_that_shows_it(client, committed_records):
    before = {path: client.get(path).content.decode() for path in PAGES_SHOWING_THE_TITLE}
    _rename_title("Герой Социалистического Труда (правка)")

    for path in PAGES_SHOWING_THE_TITLE:
        if path.startswith("/en/"):
            continue
        assert "(правка)" not in before[path], path
        assert "(правка)" in client.get(path).content.decode(), path


@pytest.mark.django_db(transaction=True)
def test_after_a_write_the_old_etag_and_date_no_longer_match(client, committed_records):
    response = client.get(TITLE_PAGE)
    _rename_title("Герой Социалистического Труда (правка)")

    by_etag = client.get(TITLE_PAGE, headers={"If-None-Match": response["ETag"]})
    by_date = client.get(TITLE_PAGE, headers={"If-Modified-Since": response["Last-Modified"]})

    assert by_etag.status_code == 200
    assert by_date.status_code == 200
    assert "(правка)" in by_date.content.decode()


@pytest.mark.django_db(transaction=True)
def test_every_write_invalidates_every_page(
    client, committed_records, django_assert_max_num_queries
):
    """Simple and exact: a page that does not show the record is rendered again too."""
    source_page = Source.objects.first().get_absolute_url()
    client.get(source_page)
    _rename_title("Герой Социалистического Труда (правка)")

    with pytest.raises(pytest.fail.Exception), django_assert_max_num_queries(0):
        client.get(source_page)


@pytest.mark.django_db(transaction=True)
def test_work_that_writes_no_record_keeps_the_cached_pages(
    client, committed_records, tmp_path, django_assert_num_queries
):
    """A refused file, a dry run and a background job's progress write only the import
    log and the job: no public page shows them, so none is rendered again."""
    client.get(TITLE_PAGE)
    refused = tmp_path / "titles.csv"
    refused.write_text("slug,name_ru\nnew-title,\n", encoding="utf-8")
    with pytest.raises(CommandError):
        call_command("import_records", "title", str(refused), verbosity=0, stderr=StringIO())
    checked = tmp_path / "sources.csv"
    checked.write_text("slug,name_ru,language\nnew-source,Новый,ru\n", encoding="utf-8")
    call_command(
        "import_records", "source", str(checked), "--dry-run", verbosity=0, stdout=StringIO()
    )
    ImportJob.objects.create(model_name="title", file_name="x.csv", file_format="csv")
    assert ImportLog.objects.count() == 1

    with django_assert_num_queries(0):
        client.get(TITLE_PAGE)


@pytest.mark.django_db(transaction=True)
def test_a_new_link_shows_at_once(client, committed_records):
    medal = Medal.objects.create(
        slug="test-medal", name_ru="Проверочная медаль", kind=Medal.Kind.MEDAL, published=True
    )
    medal.citations.set([Citation.objects.first()])
    assert "Проверочная медаль" not in client.get(TITLE_PAGE).content.decode()

    medal.titles.add(Title.objects.get(slug="hero-of-socialist-labour"))

    assert "Проверочная медаль" in client.get(TITLE_PAGE).content.decode()


@pytest.mark.django_db(transaction=True)
def test_a_write_rolled_back_leaves_the_pages_as_they_were(client, committed_records):
    before = client.get(TITLE_PAGE).content
    with transaction.atomic():
        _rename_title("Не сохранится")
        transaction.set_rollback(True)

    assert client.get(TITLE_PAGE).content == before


@pytest.mark.django_db(transaction=True)
def test_fixtures_loaded_again_show_at_once(client, committed_records):
    Title.objects.filter(slug="hero-of-socialist-labour").update(name_ru="Устаревшее имя")
    call_command("load_records", "--update", verbosity=0)
    client.get(TITLE_PAGE)
    # A write without signals (the raw update above) is not seen until the next write;
    # the fixtures loaded again are such a write.
    assert "Устаревшее имя" not in client.get(TITLE_PAGE).content.decode()


@pytest.mark.django_db(transaction=True)
def test_an_editor_always_gets_a_fresh_private_page(
    client, editor_client, committed_records, django_assert_max_num_queries
):
    client.get(TITLE_PAGE)
    Title.objects.filter(slug="hero-of-socialist-labour").update(name_ru="Правка без сигнала")

    editor_page = editor_client.get(TITLE_PAGE)

    assert "Правка без сигнала" in editor_page.content.decode()
    assert editor_page["Cache-Control"] == "private, no-cache"


@pytest.mark.django_db(transaction=True)
def test_a_page_answered_with_a_cookie_is_not_stored(client, committed_records):
    client.cookies["sessionid"] = "unknown"
    response = client.get(TITLE_PAGE)
    assert response["Cache-Control"] == "private, no-cache"


# Across processes ------------------------------------------------------------------------


def _manage(environment, *arguments):
    subprocess.run([sys.executable, "manage.py", *arguments], cwd=ROOT, env=environment, check=True)


@pytest.mark.slow
def test_a_stale_page_is_never_served_after_a_commit_in_another_process(
    static_root, sqlite_site_template, tmp_path
):
    """Two gunicorn workers and a third process writing, sharing the file cache; on a
    SQLite file whatever the tests' engine, written behind Django's back by sqlite3."""
    with served_database(tmp_path, copy_of=sqlite_site_template, sqlite=True) as database_url:
        database = database_url.removeprefix("sqlite:///")
        environment = production_environment(
            static_root=static_root,
            database_url=database_url,
            DJANGO_CACHE_DIR=str(tmp_path / "cache"),
        )
        with gunicorn(environment=environment, workers=2) as (base, _):
            page = f"{base}{TITLE_PAGE}"
            for _ in range(4):
                assert fetch(page)[0] == 200
            # Behind Django's back: cached pages keep the old name, so they are served cached.
            with sqlite3.connect(database) as raw:
                raw.execute(
                    "UPDATE awards_title SET name_ru = 'Невидимая правка' "
                    "WHERE slug = 'hero-of-socialist-labour'"
                )
            assert all("Невидимая правка" not in fetch(page)[2].decode() for _ in range(4))

            _manage(
                environment,
                "shell",
                "-c",
                "from awards.models import Title; "
                "title = Title.objects.get(slug='hero-of-socialist-labour'); "
                "title.name_ru = 'Герой (правка другого процесса)'; title.save()",
            )

            bodies = [fetch(page)[2].decode() for _ in range(6)]
        assert all("Герой (правка другого процесса)" in body for body in bodies)


@pytest.mark.slow
@pytest.mark.django_db
def test_a_conditional_get_with_the_etag_answers_not_modified(client, every_public_path):
    for path in every_public_path:
        etag = client.get(path)["ETag"]
        repeated = client.get(path, headers={"If-None-Match": etag})
        assert repeated.status_code == 304, path
        assert repeated.content == b"", path


@pytest.mark.django_db
def test_a_changed_record_changes_the_etag(client, seeded):
    from awards.models import Title

    title = Title.objects.get(slug="hero-of-socialist-labour")
    etag = client.get(title.get_absolute_url())["ETag"]
    Title.objects.filter(pk=title.pk).update(name_ru="Герой Социалистического Труда (правка)")
    response = client.get(title.get_absolute_url(), headers={"If-None-Match": etag})
    assert response.status_code == 200
    assert "(правка)" in response.content.decode()
