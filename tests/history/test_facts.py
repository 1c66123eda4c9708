"""Facts about one title gathered from its relations (awards.history.facts), as the home page's
fact box gives them."""

from tests.support.public_pages import get_page, visible_text

# Home ----------------------------------------------------------------------------------


def test_home_fact_box_tells_when_and_how_the_title_was_established(client, seeded):
    text = visible_text(get_page(client, "/"))
    assert "Герой Социалистического Труда: факты" in text
    assert "Учреждено 27 декабря 1938 г." in text
    assert "Золотая медаль «Серп и Молот» (дата учреждения: 22 мая 1940 г.)" in text
    assert "автор проекта А. Поманский" in text
    assert "Вместе с грамотой вручался орден Ленина" in text
    assert "Источник: абзац 4, предложение 3" in text
    assert "Упразднено 1991" in text
    assert "Упразднение звания Героя Социалистического Труда" in text


def test_home_in_english_gives_the_same_facts_in_english(client, seeded):
    text = visible_text(get_page(client, "/en/"))
    assert "Hero of Socialist Labour: the facts" in text
    assert "Established 27 December 1938" in text
    assert "designed by A. Pomansky" in text
    assert "Hammer and Sickle gold medal" in text


# A title the source only mentions ------------------------------------------------------


def test_a_title_without_dates_or_acts_is_only_mentioned_and_compared_with_the_dated_one(seeded):
    from awards.history.facts import compared_titles, mentioned_only
    from awards.models import Title

    twin = Title.objects.get(slug="hero-of-the-soviet-union")
    dated = Title.objects.get(slug="hero-of-socialist-labour")
    assert mentioned_only(title=twin)
    assert not mentioned_only(title=dated)
    assert compared_titles(title=twin) == (dated,)
