"""The lead composed from the records (awards.history.lead), as the home, history and title
pages open with it."""

from django.conf import settings
from django.core.cache import caches

from awards import models
from awards.core.dates import PartialDate
from tests.support.html_facts import parse
from tests.support.public_pages import TITLE_URL, get_page


def _lead(response) -> str:
    root = parse(response.content.decode())
    lead = next(node for node in root.walk() if "lead--composed" in node.classes())
    marks = [node for node in lead.walk() if node.tag == "sup"]
    for mark in marks:
        mark.parent.children.remove(mark)
    return " ".join(lead.all_text().split()).replace(" .", ".").replace(" )", ")")


def _clear_page_cache():
    for name in settings.CACHES:
        caches[name].clear()


def test_title_lead_says_when_and_by_which_act_it_was_established_and_when_abolished(
    client, seeded
):
    lead = _lead(get_page(client, TITLE_URL))
    assert lead.startswith(
        "Звание «Герой Социалистического Труда» учреждено 27 декабря 1938 года ("
    )
    assert "Упразднено в 1991 году." in lead
    assert "Знаки отличия: золотая медаль «Серп и Молот», орден Ленина." in lead


def test_title_lead_in_english(client, seeded):
    lead = _lead(get_page(client, "/en" + TITLE_URL))
    assert lead.startswith(
        "The title “Hero of Socialist Labour” was established on 27 December 1938"
    )
    assert "It was abolished in 1991." in lead
    assert "Its insignia: Hammer and Sickle gold medal, Order of Lenin." in lead


def test_a_title_the_source_does_not_date_says_so(client, seeded):
    lead = _lead(get_page(client, "/titles/hero-of-the-soviet-union/"))
    assert "Источник не говорит, когда было учреждено звание «Герой Советского Союза»." in lead
    assert "Было ли оно упразднено и когда, источник не сообщает." in lead
    assert "Знак отличия: орден Ленина." in lead


def test_home_and_history_leads_give_each_dated_title_in_order(client, seeded):
    for path in ("/", "/history/"):
        lead = _lead(get_page(client, path))
        labour = lead.index("Звание «Герой Труда» учреждено 27 июля 1927 года")
        socialist = lead.index(
            "Звание «Герой Социалистического Труда» учреждено 27 декабря 1938 года"
        )
        assert labour < socialist
        assert "и упразднено в 1991 году." in lead
        assert "Герой Советского Союза" not in lead.split("(")[0]


def test_the_lead_follows_the_record_when_its_date_changes(client, seeded):
    title = models.Title.objects.get(slug="hero-of-socialist-labour")
    title.abolished_on = PartialDate(year=1991, month=12, day=26)
    title.save()
    _clear_page_cache()
    assert "Упразднено 26 декабря 1991 года." in _lead(get_page(client, TITLE_URL))
    assert "упразднено 26 декабря 1991 года." in _lead(get_page(client, "/"))


def test_each_sentence_of_the_lead_that_states_a_fact_links_to_its_note(client, seeded):
    html = get_page(client, TITLE_URL).content.decode()
    root = parse(html)
    lead = next(node for node in root.walk() if "lead--composed" in node.classes())
    ids = {node.attrs.get("id") for node in root.walk()}
    facts = [node for node in lead.walk() if node.tag == "span" and "data-fact" in node.attrs]
    assert len(facts) == 3
    for fact in facts:
        marks = [a for a in fact.walk() if a.tag == "a" and "data-cites" in a.attrs]
        assert marks and all(a.attrs["href"][1:] in ids for a in marks)
