"""Atom feeds of published changes (awards.site.feeds), read as Atom: every entry a published
version with its reason and permanent address, never a draft or an editor's name."""

import xml.etree.ElementTree as ET

import pytest

from tests.support.public_pages import get_page
from tests.support.record_changes import change

ATOM = "{http://www.w3.org/2005/Atom}"


def atom_entries(response) -> list[dict]:
    """The feed's entries, the document checked to be an Atom feed with its required parts."""
    assert response["Content-Type"].startswith("application/atom+xml")
    feed = ET.fromstring(response.content)
    assert feed.tag == f"{ATOM}feed"
    for required in ("id", "title", "updated"):
        assert feed.find(f"{ATOM}{required}") is not None
    entries = []
    for entry in feed.findall(f"{ATOM}entry"):
        for required in ("id", "title", "updated"):
            assert entry.find(f"{ATOM}{required}").text
        entries.append(
            {
                "title": entry.find(f"{ATOM}title").text,
                "summary": entry.find(f"{ATOM}summary").text,
                "link": entry.find(f"{ATOM}link[@rel='alternate']").get("href"),
                "updated": entry.find(f"{ATOM}updated").text,
            }
        )
    return entries


@pytest.fixture
def title(make_title):
    return make_title(slug="title-of-labour", name_ru="Звание труда", description_ru="Первый.")


def test_record_feed_has_an_entry_per_published_version_with_its_reason(client, title):
    change(title, reason="Уточнена дата учреждения", description_ru="Второй.")
    entries = atom_entries(get_page(client, "/titles/title-of-labour/changes.atom"))
    assert [entry["summary"] for entry in entries][:1] == ["Уточнена дата учреждения"]
    assert entries[0]["title"] == "Звание труда: версия 2"
    newest = title.history.latest()
    assert entries[0]["link"] == (
        f"http://testserver/titles/title-of-labour/versions/{newest.history_id}/"
    )
    assert get_page(client, entries[0]["link"]).status_code == 200


def test_english_record_feed_links_the_english_versions(client, title):
    entries = atom_entries(get_page(client, "/en/titles/title-of-labour/changes.atom"))
    assert entries[0]["link"].startswith("http://testserver/en/titles/title-of-labour/versions/")
    assert entries[0]["title"] == "Звание труда: version 1"


def test_feeds_leave_out_draft_versions_drafts_and_editors(client, make_title, title, editor):
    draft = make_title(slug="secret-draft", name_ru="Тайный черновик", published=False)
    change(draft, reason="Черновая правка", user=editor)
    hidden = make_title(slug="later-published", name_ru="Позже опубликовано", published=False)
    change(hidden, reason="Правка черновика", description_ru="Скрыто.")
    change(hidden, reason="Опубликовано", published=True)
    change(title, reason="Правка", user=editor, description_ru="Второй.")

    for url in ("/feeds/changes.atom", "/titles/later-published/changes.atom"):
        response = get_page(client, url)
        text = response.content.decode()
        assert "Тайный черновик" not in text
        assert "Черновая правка" not in text
        assert "Правка черновика" not in text
        assert editor.username not in text
        atom_entries(response)
    site = atom_entries(get_page(client, "/feeds/changes.atom"))
    assert {"Опубликовано", "Правка"} <= {entry["summary"] for entry in site}
    get_page(client, "/titles/secret-draft/changes.atom", status=404)


def test_site_feed_lists_the_newest_changes_first(client, seeded, title):
    change(title, reason="Самая новая правка", description_ru="Второй.")
    entries = atom_entries(get_page(client, "/feeds/changes.atom"))
    assert entries[0]["summary"] == "Самая новая правка"
    assert entries == sorted(entries, key=lambda entry: entry["updated"], reverse=True)


def test_an_entry_without_a_reason_says_what_happened(client, title):
    entries = atom_entries(get_page(client, "/titles/title-of-labour/changes.atom"))
    assert entries[-1]["summary"] == "Запись добавлена."


@pytest.mark.parametrize("prefix", ["", "/en"])
def test_pages_link_their_feeds(client, title, prefix):
    html = get_page(client, f"{prefix}/titles/title-of-labour/").content.decode()
    assert (
        'type="application/atom+xml" title="' in html
        and f'href="{prefix}/titles/title-of-labour/changes.atom">' in html
    )
    home = get_page(client, f"{prefix}/").content.decode()
    assert f'href="{prefix}/feeds/changes.atom">' in home


def test_feeds_run_as_many_queries_with_many_versions(client, title, django_assert_max_num_queries):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def queries(url):
        with CaptureQueriesContext(connection) as captured:
            get_page(client, url)
        return len(captured)

    few = {
        url: queries(url) for url in ("/feeds/changes.atom", "/titles/title-of-labour/changes.atom")
    }
    for number in range(15):
        change(title, reason=f"Правка {number}", description_ru=f"Текст {number}.")
    for url, count in few.items():
        with django_assert_max_num_queries(count):
            get_page(client, url)


def test_a_record_loaded_from_the_source_document_says_so_not_fixtures(client, seeded):
    # load_records writes «fixtures» as the reason, for editors; the public reads words.
    entries = atom_entries(get_page(client, "/titles/hero-of-socialist-labour/changes.atom"))
    assert entries[-1]["summary"] == "Записано по исходному документу."
    history = get_page(client, "/titles/hero-of-socialist-labour/history/").content.decode()
    assert "Записано по исходному документу." in history and "fixtures" not in history
