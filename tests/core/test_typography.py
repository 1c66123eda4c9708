"""The rules of awards.core.typography, with strings the public pages show."""

import json
import re
from pathlib import Path

import pytest

from awards.core.typography import NBSP, typeset, typeset_html

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures"


def ru(text):
    return typeset(text, language="ru")


def en(text):
    return typeset(text, language="en")


# Russian ---------------------------------------------------------------------------------


def test_a_russian_date_keeps_its_day_and_month_together():
    assert ru("Учреждено 27 декабря 1938 года") == f"Учреждено 27{NBSP}декабря 1938{NBSP}года"


def test_initials_keep_to_the_surname():
    assert ru("автор проекта художник А. Поманский") == f"автор проекта художник А.{NBSP}Поманский"
    assert ru("А. А. Иванов") == f"А.{NBSP}А.{NBSP}Иванов"


def test_a_year_keeps_its_abbreviation():
    assert ru("11 января 1957 г.") == f"11{NBSP}января 1957{NBSP}г."
    assert ru("1938—1991 гг.") == f"1938–1991{NBSP}гг."


def test_a_number_keeps_its_sign_and_unit():
    assert ru("награждение № 2") == f"награждение №{NBSP}2"
    assert ru("5 % и 10 руб.") == f"5{NBSP}% и 10{NBSP}руб."


def test_straight_quotes_become_yolochki_with_lapki_inside():
    assert ru('Звание "Герой Труда"') == "Звание «Герой Труда»"
    assert ru('«Медаль "Серп и Молот"»') == "«Медаль „Серп и Молот“»"
    assert ru("«Медаль «Серп и Молот»»") == "«Медаль „Серп и Молот“»"


def test_english_quotes_in_russian_text_become_yolochki():
    assert ru("учреждено Звание “Герой Труда”") == "учреждено Звание «Герой Труда»"
    assert ru("„лапки“ без ёлочек") == "«лапки» без ёлочек"


def test_no_space_before_punctuation_nor_after_an_opening_bracket():
    assert ru("22 мая 1940 г.) ; автор") == f"22{NBSP}мая 1940{NBSP}г.); автор"
    assert ru("1991 : Упразднение") == "1991: Упразднение"
    assert ru("источник не называет даты его начала .") == "источник не называет даты его начала."
    assert ru("Грамота , орден Ленина") == "Грамота, орден Ленина"
    assert ru("( с 1927 года )") == f"(с 1927{NBSP}года)"
    assert ru("« Герой »") == "«Герой»"


def test_a_hyphen_between_words_is_a_dash():
    assert ru('Знак особого отличия - золотая медаль "Серп и Молот"') == (
        f"Знак особого отличия{NBSP}— золотая медаль «Серп и Молот»"
    )
    assert ru("медаль — золотая") == f"медаль{NBSP}— золотая"
    assert ru("северо-запад, Герой-наставник") == "северо-запад, Герой-наставник"


def test_a_range_of_years_takes_an_en_dash_and_a_date_keeps_its_hyphens():
    assert ru("1938-1991") == "1938–1991"
    assert ru("1938 – 1991") == "1938–1991"
    assert ru("1938-12-27") == "1938-12-27"


# English ---------------------------------------------------------------------------------


def test_apostrophes_in_english_possessives():
    assert en("Council of People's Commissars") == "Council of People’s Commissars"
    assert en("the source's comparison") == "the source’s comparison"
    assert en("the Commissars' council") == "the Commissars’ council"


def test_english_quotes_with_single_quotes_inside():
    assert en('the "Hammer and Sickle" medal') == "the “Hammer and Sickle” medal"
    assert en('it calls it the "Council of People\'s Commissariats".') == (
        "it calls it the “Council of People’s Commissariats”."
    )
    assert en("He wrote \"the 'best' workers\"") == "He wrote “the ‘best’ workers”"


def test_russian_quotes_in_english_text_become_english():
    assert en("the title «Hero of Labour»") == "the title “Hero of Labour”"


def test_an_english_date_keeps_its_day_and_month_together():
    assert en("of 27 July 1927, the title") == f"of 27{NBSP}July 1927, the title"
    assert en("on December 27, 1938") == f"on December{NBSP}27, 1938"
    assert en("designed by the artist A. Pomansky.") == f"designed by the artist A.{NBSP}Pomansky."


def test_english_spaced_hyphen_is_an_en_dash_and_punctuation_is_closed_up():
    assert en("medal - gold") == f"medal{NBSP}– gold"
    assert en("Certificate , Order of Lenin ; 1991 :") == "Certificate, Order of Lenin; 1991:"
    assert en("“ Hero ”") == "“Hero”"


# The words of a quotation are never changed --------------------------------------------


def _quotations():
    citations = json.loads((FIXTURES / "02_citations.json").read_text())
    return [
        (record["fields"][f"quote_{language}"], language)
        for record in citations
        for language in ("ru", "en")
        if record["fields"].get(f"quote_{language}")
    ]


@pytest.mark.parametrize(("quotation", "language"), _quotations())
def test_a_quotation_keeps_its_words(quotation, language):
    def words(text):
        return re.findall(r"[^\W_]+", text)

    assert words(typeset(quotation, language=language)) == words(quotation)


# HTML ------------------------------------------------------------------------------------


def test_only_the_text_between_tags_is_set():
    page = (
        '<a href="/x?a=\'1\'" title="a &quot;b&quot;">"Hero"</a>'
        '<script>var a = "x - y";</script><style>q::before { content: "\'"; }</style>'
        '<pre>a - b "c"</pre><code>it\'s</code><!-- "x" -->'
    )
    assert typeset_html(page, language="en") == (
        '<a href="/x?a=\'1\'" title="a &quot;b&quot;">“Hero”</a>'
        '<script>var a = "x - y";</script><style>q::before { content: "\'"; }</style>'
        '<pre>a - b "c"</pre><code>it\'s</code><!-- "x" -->'
    )


def test_a_quotation_runs_across_inline_tags_and_ends_at_a_block():
    assert typeset_html('<p>медаль "<a href="/m/">Серп и Молот</a>"</p>', language="ru") == (
        '<p>медаль «<a href="/m/">Серп и Молот</a>»</p>'
    )
    assert typeset_html('<p>27 <b>декабря</b></p><p>"x</p>', language="ru") == (
        f"<p>27{NBSP}<b>декабря</b></p><p>«x</p>"
    )


def test_each_part_is_set_in_the_language_of_its_nearest_lang():
    page = (
        '<html lang="en"><p>the title "Hero" '
        '<blockquote lang="ru">"Герой" <span lang="en">"it\'s"</span></blockquote></p></html>'
    )
    assert typeset_html(page, language="ru") == (
        '<html lang="en"><p>the title “Hero” '
        '<blockquote lang="ru">«Герой» <span lang="en">“it’s”</span></blockquote></p></html>'
    )


def test_a_quotation_open_around_another_language_closes_in_its_own():
    page = '<p>"<span lang="ru">Герой Труда</span>" and "<i>Hero</i>"</p>'
    assert typeset_html(page, language="en") == (
        '<p>“<span lang="ru">Герой Труда</span>” and “<i>Hero</i>”</p>'
    )


def test_entities_stay_escaped_and_the_page_is_set_once_for_all():
    page = "<p>R&amp;D &lt;b&gt; &quot;x&quot; &#x27;y&#x27; 27&nbsp;мая</p>"
    once = typeset_html(page, language="ru")
    assert once == f"<p>R&amp;D &lt;b&gt; «x» «y» 27{NBSP}мая</p>"
    assert typeset_html(once, language="ru") == once


def test_an_empty_lang_keeps_the_language_around_it():
    assert typeset_html('<p lang="">"Герой"</p>', language="ru") == '<p lang="">«Герой»</p>'


def test_text_holding_the_characters_that_stand_for_tags_is_set_without_them():
    page = "<p>\ue000\ue001&#xe000;«Герой»</p>"
    assert typeset_html(page, language="ru") == "<p>«Герой»</p>"


def test_a_page_set_again_sets_only_its_new_blocks():
    """Each block of a page is set once per process: a page rendered again sets none, a page
    with one paragraph changed sets that paragraph alone."""
    from awards.core.typography import _typeset_block

    paragraphs = [
        f'<p>Указ № {number} - "о медали" от 27 декабря 1938 года</p>' for number in range(50)
    ]
    page = "<main>" + "".join(paragraphs) + "</main>"
    first = typeset_html(page, language="ru")
    before = _typeset_block.cache_info()
    assert typeset_html(page, language="ru") == first
    after = _typeset_block.cache_info()
    assert after.misses == before.misses
    assert after.hits - before.hits >= len(paragraphs)
    changed = page.replace("Указ № 7 ", "Указ № 777 ")
    set_changed = typeset_html(changed, language="ru")
    assert _typeset_block.cache_info().misses - after.misses == 1
    assert (
        "<p>Указ №\u00a0777\u00a0— «о медали» от 27\u00a0декабря 1938\u00a0года</p>" in set_changed
    )
