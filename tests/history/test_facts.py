"""Facts about one title gathered from its relations (awards.history.facts), as the title's
page gives them."""

from tests.support.public_pages import TITLE_URL, get_page, visible_text

# The title's page ------------------------------------------------------------------------


def test_title_page_tells_how_the_title_ended_and_what_its_insignia_are(client, seeded):
    text = visible_text(get_page(client, TITLE_URL))
    assert "Упразднено 1991" in text
    assert "Упразднение звания Героя Социалистического Труда" in text
    assert "Золотая медаль «Серп и Молот»" in text
    assert "автор проекта А. Поманский" in text or "А. Поманский" in text


def test_title_page_in_english_gives_the_same_facts_in_english(client, seeded):
    text = visible_text(get_page(client, "/en" + TITLE_URL))
    assert "Abolished 1991" in text
    assert "A. Pomansky" in text
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
