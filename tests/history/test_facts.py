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
