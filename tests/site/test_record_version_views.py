"""Citable versions (awards.site.record_version_views): every record page names its version
as ``cite-as``, and that address keeps showing the version after the record changes."""

import re

import pytest
from django.utils import timezone

from tests.support.public_pages import get_page, visible_text
from tests.support.record_changes import change


def cite_as(response) -> str:
    links = re.findall(r'<link rel="cite-as" href="([^"]+)">', response.content.decode())
    assert len(links) == 1
    return links[0]


@pytest.fixture
def title(make_title):
    return make_title(
        slug="title-of-labour", name_ru="Звание труда", description_ru="Первый текст."
    )


def test_record_page_links_the_address_of_the_version_it_shows(client, title):
    entry = title.history.latest()
    address = cite_as(get_page(client, title.get_absolute_url()))
    assert address == f"http://testserver/titles/title-of-labour/versions/{entry.history_id}/"


def test_english_page_links_the_english_address_of_its_version(client, title):
    address = cite_as(get_page(client, "/en/titles/title-of-labour/"))
    assert address.startswith("http://testserver/en/titles/title-of-labour/versions/")


@pytest.mark.parametrize("prefix", ["", "/en"])
def test_cited_address_keeps_showing_the_cited_text_after_the_record_changes(client, title, prefix):
    address = cite_as(get_page(client, f"{prefix}/titles/title-of-labour/"))
    change(title, description_ru="Второй текст.", description_en="Second text.")

    old = get_page(client, address)
    current = get_page(client, f"{prefix}/titles/title-of-labour/")
    assert "Первый текст." in visible_text(old)
    assert "Второй текст." not in visible_text(old)
    assert cite_as(old) == address
    assert f'href="{prefix}/titles/title-of-labour/"' in old.content.decode()
    assert cite_as(current) != address
    assert "Первый текст." not in visible_text(current)


def test_an_old_version_says_a_newer_one_exists(client, title):
    address = cite_as(get_page(client, title.get_absolute_url()))
    assert "изменилась" not in visible_text(get_page(client, address))
    change(title, description_ru="Второй текст.")

    text = visible_text(get_page(client, address))
    assert "Это версия 1 записи от" in text
    assert "запись с тех пор изменилась" in text
    assert "Посмотреть запись в нынешнем виде" in text
    assert '<meta name="robots" content="noindex">' in get_page(client, address).content.decode()


def test_the_current_version_says_nothing_of_newer_ones(client, title):
    text = visible_text(get_page(client, cite_as(get_page(client, title.get_absolute_url()))))
    assert "изменилась" not in text


def test_versions_written_while_a_record_was_a_draft_answer_404(client, make_title):
    draft = make_title(slug="draft-title", published=False, description_ru="Черновик.")
    draft_entry = draft.history.latest()
    change(draft, published=True, description_ru="Опубликовано.")

    page = get_page(client, "/titles/draft-title/")
    assert (
        cite_as(page) != f"http://testserver/titles/draft-title/versions/{draft_entry.history_id}/"
    )
    get_page(client, f"/titles/draft-title/versions/{draft_entry.history_id}/", status=404)
    get_page(client, f"/titles/draft-title/versions/{draft_entry.history_id}/cite.bib", status=404)


def test_versions_of_a_record_withdrawn_to_draft_answer_404(client, title):
    address = cite_as(get_page(client, title.get_absolute_url()))
    change(title, published=False)
    get_page(client, address, status=404)
    get_page(client, f"{address}cite.json", status=404)


def test_a_version_of_another_kind_of_record_answers_404(client, title):
    entry = title.history.latest()
    get_page(client, f"/events/title-of-labour/versions/{entry.history_id}/", status=404)


def test_a_version_under_an_old_slug_moves_to_the_current_one(client, title):
    entry = title.history.latest()
    change(title, slug="renamed-title")
    response = client.get(f"/titles/title-of-labour/versions/{entry.history_id}/")
    assert response.status_code == 301
    assert response["Location"] == f"/titles/renamed-title/versions/{entry.history_id}/"


def test_a_version_names_no_editor_and_no_reason_meant_for_editors(client, title, editor):
    address = cite_as(get_page(client, title.get_absolute_url()))
    change(title, user=editor, reason="Исправлена опечатка", description_ru="Второй текст.")
    for url in (address, title.get_absolute_url()):
        assert editor.username not in get_page(client, url).content.decode()


def test_russian_pages_cite_in_the_form_of_gost_r_7_0_100(client, title):
    address = cite_as(get_page(client, title.get_absolute_url()))
    today = timezone.localdate().strftime("%d.%m.%Y")
    day = timezone.localdate(title.history.latest().history_date).strftime("%d.%m.%Y")
    text = visible_text(get_page(client, title.get_absolute_url()))
    assert "Как цитировать" in text
    assert (
        f"Звание труда // Герои труда: [сайт]. — Версия 1 от {day}. — URL: {address} "
        f"(дата обращения: {today})."
    ) in text.replace(" :", ":")


def test_english_pages_cite_in_a_common_english_style(client, title):
    html = get_page(client, "/en/titles/title-of-labour/").content.decode()
    reference = re.search(r'<p class="how-to-cite__reference">(.*?)</p>', html).group(1)
    assert re.fullmatch(
        # A date's day and month are joined by a no-break space (awards.core.typography).
        r"“Звание труда\.” Heroes of Labour, version 1, \d{1,2}\xa0[A-Z][a-z]+ \d{4}\. "
        r"http://testserver/en/titles/title-of-labour/versions/\d+/\. "
        r"Accessed \d{1,2}\xa0[A-Z][a-z]+ \d{4}\.",
        reference,
    )


def test_bibtex_download_names_the_version_and_its_address(client, title):
    address = cite_as(get_page(client, title.get_absolute_url()))
    response = get_page(client, f"{address}cite.bib")
    assert response["Content-Type"].startswith("application/x-bibtex")
    assert "attachment" in response["Content-Disposition"]
    text = response.content.decode()
    assert text.startswith("@online{heroes-of-labour-title-title-of-labour-v1,")
    assert "title = {{Звание труда}}" in text
    assert f"url = {{{address}}}" in text
    assert "version = {1}" in text


def test_csl_json_download_is_one_webpage_item(client, title):
    address = cite_as(get_page(client, "/en/titles/title-of-labour/"))
    items = get_page(client, f"{address}cite.json").json()
    assert len(items) == 1
    assert items[0]["type"] == "webpage"
    assert items[0]["URL"] == address
    assert items[0]["version"] == "1"
    assert items[0]["container-title"] == "Heroes of Labour"


def test_every_kind_of_record_page_links_its_version(client, seeded):
    from tests.support.public_pages import public_page_paths

    for path in public_page_paths()[-9:]:
        address = cite_as(get_page(client, path))
        assert get_page(client, address).status_code == 200
