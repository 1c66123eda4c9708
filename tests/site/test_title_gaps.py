"""What the document leaves out, said in words (awards.history.facts, the title and act
pages): a title the source only mentions says so in one sentence instead of empty fields;
the 1938 act is named as acts are named, from what the source states of it."""

from tests.support.public_pages import get_page, visible_text

TWIN_URL = "/titles/hero-of-the-soviet-union/"
ACT_RU = (
    "Акт Президиума Верховного Совета СССР от 27 декабря 1938 года об учреждении "
    "звания Героя Социалистического Труда"
)
ACT_EN = (
    "Act of the Presidium of the Supreme Soviet of the USSR of 27 December 1938 "
    "establishing the title of Hero of Socialist Labour"
)


def test_a_title_the_source_only_mentions_says_so_instead_of_empty_fields(client, seeded):
    text = visible_text(get_page(client, TWIN_URL))
    assert (
        "Источник упоминает это звание лишь в сравнении со званием «Герой Социалистического "
        "Труда» и не приводит ни дат его учреждения и упразднения, ни актов, которыми оно было "
        "учреждено или упразднено." in text
    )
    assert "Учреждено" not in text
    assert "источник не говорит когда" not in text
    # Said once, not again in the description.
    assert "Даты учреждения и упразднения в источнике не указаны" not in text


def test_in_english_too(client, seeded):
    text = visible_text(get_page(client, "/en" + TWIN_URL))
    assert (
        "The source mentions this title only in comparison with the title “Hero of Socialist "
        "Labour” and gives neither the dates of its establishment and abolition nor any act "
        "that established or abolished it." in text
    )
    assert "Established" not in text


def test_a_dated_title_keeps_its_dates_and_says_nothing_of_the_kind(client, seeded):
    text = visible_text(get_page(client, "/titles/hero-of-socialist-labour/"))
    assert "Учреждено 27 декабря 1938 г." in text
    assert "лишь в сравнении" not in text


def test_the_1938_act_is_named_by_its_body_date_and_what_it_did(client, seeded):
    for path in ("/decrees/1938-12-27-hero-of-socialist-labour/", "/history/"):
        text = visible_text(get_page(client, path))
        assert ACT_RU in text
        assert "Учреждение звания Героя Социалистического Труда Президиумом" not in text
    # The source names no kind of act: the name does not invent one.
    assert "Указ Президиума Верховного Совета СССР от 27 декабря 1938" not in text
    assert ACT_EN in visible_text(
        get_page(client, "/en/decrees/1938-12-27-hero-of-socialist-labour/")
    )
