"""The pages that answer a question (the rules on a date, a title at several dates) and
what every page shares: a question without dates asks for them, a date outside a title's
life is answered in one sentence, titles are offered in the order they were established,
and the header is the same on every page."""

import re

from tests.support.public_pages import get_page, visible_text

HSL = "hero-of-socialist-labour"


def test_a_title_without_dates_asks_for_the_dates_and_shows_no_result(client, seeded):
    html = get_page(client, f"/compare/dates/?title={HSL}").content.decode()
    assert "Укажите даты, на которые сравнить звание: от двух до шести." in html
    # Not the sample dates filled in behind the visitor's back, and no table.
    dates_input = re.search(r'<input type="text" name="dates"[^>]*>', html).group(0)
    assert "value=" not in dates_input
    assert "dates-heading" not in html
    assert f'<option value="{HSL}" selected>' in html


def test_a_date_before_the_title_is_answered_in_one_sentence(client, seeded):
    response = get_page(client, f"/rules/?title={HSL}&year=1900")
    text = visible_text(response)
    assert (
        "Звания «Герой Социалистического Труда» на 1900 год ещё не существовало: "
        "оно учреждено 27 декабря 1938 года." in text
    )
    assert "Не действовало" not in text
    assert 'class="provisions"' not in response.content.decode()


def test_a_date_after_the_title_is_answered_in_one_sentence_in_both_languages(client, seeded):
    text = visible_text(get_page(client, f"/rules/?title={HSL}&year=1995"))
    assert "на 1995 год уже не существовало: оно упразднено в 1991 году." in text
    text_en = visible_text(get_page(client, f"/en/rules/?title={HSL}&year=1900"))
    assert (
        "The title “Hero of Socialist Labour” did not yet exist in 1900: "
        "it was established on 27 December 1938." in text_en
    )


def test_a_date_in_the_titles_life_still_lists_its_provisions(client, seeded):
    html = get_page(client, f"/rules/?title={HSL}&year=1950").content.decode()
    assert "data-outside-life" not in html
    assert 'class="provisions"' in html


def test_titles_are_offered_in_the_order_they_were_established_undated_last(client, seeded):
    for path in ("/rules/", "/compare/dates/", "/compare/"):
        html = get_page(client, path).content.decode()
        select = re.search(r'<select name="(?:title|first)".*?</select>', html, flags=re.S).group(0)
        slugs = re.findall(r'<option value="([^"]+)"', select)
        assert slugs == ["hero-of-labour", HSL, "hero-of-the-soviet-union"], path


def _header(client, path):
    html = get_page(client, path).content.decode()
    header = re.search(r"<header .*?</header>", html, flags=re.S).group(0)
    # What may differ: the page marked current, the address of its other language, and the
    # words searched for, kept in the box.
    header = re.sub(r'\s*(aria-current="page"|value="[^"]*")', "", header)
    header = re.sub(r'<nav class="language-switch".*?</nav>', "", header, flags=re.S)
    return re.sub(r"\s+", " ", re.sub(r"\s+>", ">", header))


def test_the_header_is_the_same_on_every_page_search_included(client, seeded):
    history = _header(client, "/history/")
    assert 'class="site-search"' in history
    assert _header(client, "/search/?q=звание") == history
    # On the search page the header's box is the page's form, holding the words searched.
    html = get_page(client, "/search/?q=звание").content.decode()
    assert html.count('role="search"') == 1
    assert 'name="q" maxlength="200"\n        value="звание"' in html
