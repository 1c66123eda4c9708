"""The document's facts, one by one, each found in the loaded records with its citation."""

import pytest

from awards import models
from awards.core.dates import PartialDate

pytestmark = pytest.mark.django_db

CITED_MODELS = [model for model in models.RECORD_MODELS if issubclass(model, models.CitedRecord)]


def cites(record, words: str) -> bool:
    """Whether one of the record's citations quotes these words of the source."""
    return any(words in citation.quote_ru for citation in record.citations.all())


@pytest.fixture
def title(seeded):
    return lambda slug: models.Title.objects.get(slug=slug)


@pytest.fixture
def provision(seeded):
    def find(title_slug, aspect, value_key):
        return models.Provision.objects.get(
            title__slug=title_slug, aspect=aspect, value_key=value_key
        )

    return find


def test_every_record_cites_at_least_one_passage(seeded):
    for model in CITED_MODELS:
        for record in model.objects.all():
            assert record.citations.exists(), f"{model.__name__} {record.slug} cites nothing"


def test_every_quotation_is_a_passage_of_its_source(seeded):
    for citation in models.Citation.objects.select_related("source"):
        citation.full_clean()
        assert " ".join(citation.quote_ru.split()) in " ".join(citation.source.text.split())


def test_every_sentence_of_the_document_is_cited(seeded):
    source = models.Source.objects.get()
    cited = {citation.quote_ru for citation in models.Citation.objects.all()}
    sentence_count = sum(1 for quote in cited if quote in source.text)
    assert sentence_count == 15 == models.Citation.objects.count()


def test_every_record_has_an_english_translation(seeded):
    for model in (*CITED_MODELS, models.Citation, models.Source):
        field = {
            models.Provision: "value",
            models.Citation: "quote",
        }.get(model, "name")
        for record in model.objects.all():
            assert getattr(record, f"{field}_en"), f"{model.__name__} {record.slug} lacks English"


def test_both_hero_titles_were_the_highest_distinction(provision):
    for slug in ("hero-of-socialist-labour", "hero-of-the-soviet-union"):
        rank = provision(slug, "rank", "highest")
        assert rank.value_ru == "Высшая степень отличия СССР"
        assert cites(rank, "высшей степенью отличия СССР")


@pytest.mark.parametrize("aspect", ["statute", "insignia", "nomination", "privileges"])
def test_the_hero_titles_share_statute_insignia_procedure_and_privileges(provision, aspect):
    for slug in ("hero-of-socialist-labour", "hero-of-the-soviet-union"):
        assert cites(provision(slug, aspect, "similar"), "Оба звания имели сходные Положения")


def test_only_hero_of_the_soviet_union_went_to_foreign_citizens(provision):
    labour = provision("hero-of-socialist-labour", "foreign_citizens", "no")
    soviet_union = provision("hero-of-the-soviet-union", "foreign_citizens", "yes")
    assert "иностранных государств" in labour.value_ru
    assert cites(labour, "не присваивалось гражданам иностранных государств")
    assert cites(soviet_union, "в отличие от звания Героя Советского Союза")


def test_the_term_appeared_in_1921_for_workers_of_petrograd_and_moscow(seeded):
    event = models.Event.objects.get(date=PartialDate(1921))
    assert "сотни лучших рабочих Петрограда и Москвы" in event.description_ru
    assert "газетах" in event.description_ru
    assert "почётных грамотах" in event.description_ru
    assert cites(event, "появился в 1921 году")
    assert event.date.precision == "year"


def test_in_1922_the_phrase_was_put_on_the_red_banner_of_labour_badge(seeded):
    event = models.Event.objects.get(date=PartialDate(1922))
    order = models.Medal.objects.get(slug="order-of-the-red-banner-of-labour-rsfsr")
    assert list(event.medals.all()) == [order]
    assert order.name_ru == "Орден «Трудовое Красное Знамя» РСФСР"
    assert cites(event, "В 1922 году")


def test_hero_of_labour_was_established_on_27_july_1927_by_tsik_and_snk(title):
    hero_of_labour = title("hero-of-labour")
    decree = hero_of_labour.established_by
    assert hero_of_labour.established_on == PartialDate(1927, 7, 27)
    assert decree.date == PartialDate(1927, 7, 27)
    assert decree.kind == models.Decree.Kind.RESOLUTION
    assert {a.short_name_ru for a in decree.authorities.all()} == {"ЦИК СССР", "СНК СССР"}
    assert cites(decree, "от 27 июля 1927 года")


def test_hero_of_labour_required_special_merit_and_35_years_of_hired_work(provision):
    merit = provision("hero-of-labour", "eligibility", "special-merit")
    service = provision("hero-of-labour", "length_of_service", "35-years")
    assert "особые заслуги" in merit.value_ru
    assert "35 лет" in service.value_ru
    assert service.start_decree.slug == "1927-07-27-hero-of-labour"
    assert cites(service, "не менее 35 лет")


def test_hero_of_labour_was_conferred_by_presidiums_with_a_special_certificate(title, seeded):
    hero_of_labour = title("hero-of-labour")
    assert {a.slug for a in hero_of_labour.conferred_by.all()} == {
        "presidium-tsik-ussr",
        "presidium-tsik-union-republic",
    }
    certificate = models.Medal.objects.get(slug="special-certificate-tsik")
    assert certificate.name_ru == "Особая грамота ЦИК"
    assert hero_of_labour in certificate.titles.all()
    assert cites(certificate, "особую грамоту ЦИК")


def test_hero_of_socialist_labour_was_established_on_27_december_1938(title):
    hero = title("hero-of-socialist-labour")
    assert hero.established_on == PartialDate(1938, 12, 27)
    assert [a.slug for a in hero.established_by.authorities.all()] == [
        "presidium-supreme-soviet-ussr"
    ]
    # The source never says the title replaced "Hero of Labour".
    assert hero.predecessor is None
    assert cites(hero, "27 декабря 1938 года")


def test_from_1938_the_order_of_lenin_came_with_the_certificate_as_for_the_other_hero(
    provision,
):
    labour = provision("hero-of-socialist-labour", "order_of_lenin", "yes")
    assert labour.start == PartialDate(1938, 12, 27)
    assert provision("hero-of-socialist-labour", "certificate", "certificate")
    assert provision("hero-of-the-soviet-union", "order_of_lenin", "yes")
    assert cites(labour, "помимо грамоты, вручался орден Ленина")


def test_the_hammer_and_sickle_medal_was_established_on_22_may_1940(seeded):
    medal = models.Medal.objects.get(slug="hammer-and-sickle")
    assert medal.kind == models.Medal.Kind.MEDAL
    assert medal.established_on == PartialDate(1940, 5, 22)
    assert medal.established_by.kind == models.Decree.Kind.DECREE
    assert medal.established_by.date == PartialDate(1940, 5, 22)
    assert cites(medal, "Указом от 22 мая 1940 года")


def test_the_medal_was_designed_by_the_artist_a_pomansky(seeded):
    medal = models.Medal.objects.get(slug="hammer-and-sickle")
    assert medal.designer.name_ru == "А. Поманский"
    assert "Художник" in medal.designer.description_ru
    assert cites(medal.designer, "художник А. Поманский")


def test_repeat_awards_were_limited_to_three_from_1940_until_14_may_1973(provision):
    limited = provision("hero-of-socialist-labour", "repeat_awards", "at-most-3")
    unlimited = provision("hero-of-socialist-labour", "repeat_awards", "unlimited")
    assert "не более 3 раз" in limited.value_ru
    assert limited.start == PartialDate(1940)
    assert limited.end == unlimited.start == PartialDate(1973, 5, 14)
    assert limited.end_decree == unlimited.start_decree
    decree = unlimited.start_decree
    assert decree.kind == models.Decree.Kind.DECREE
    assert [a.slug for a in decree.authorities.all()] == ["presidium-supreme-soviet-ussr"]
    assert cites(decree, "от 14 мая 1973 года")


def test_nobody_became_a_four_time_hero(provision):
    unlimited = provision("hero-of-socialist-labour", "repeat_awards", "unlimited")
    assert "четырежды Героем Социалистического Труда не стал никто" in unlimited.note_ru


def test_in_1988_the_repeat_order_of_lenin_ended_the_last_change_of_the_statute(provision):
    before = provision("hero-of-socialist-labour", "repeat_order_of_lenin", "yes")
    after = provision("hero-of-socialist-labour", "repeat_order_of_lenin", "no")
    assert before.end == after.start == PartialDate(1988)
    assert before.end_event == after.start_event
    assert "последнее изменение" in before.end_event.description_ru.lower()
    assert cites(after, "В 1988 году")


def test_the_title_was_abolished_in_1991_with_the_award_system(title, seeded):
    hero = title("hero-of-socialist-labour")
    assert hero.abolished_on == PartialDate(1991)
    event = models.Event.objects.get(date=PartialDate(1991))
    assert "наградной системой СССР" in event.description_ru
    assert cites(event, "в 1991 году")


def test_no_fact_is_invented_for_dates_the_source_does_not_give(title, seeded):
    assert title("hero-of-the-soviet-union").established_on is None
    assert title("hero-of-labour").abolished_on is None
    assert not models.Decree.objects.get(slug="1940-05-22-hammer-and-sickle").authorities.exists()
    assert models.Medal.objects.get(slug="order-of-lenin").established_on is None


def test_every_record_passes_the_editors_validation(seeded):
    for model in models.RECORD_MODELS:
        for record in model.objects.all():
            record.full_clean()


# Read sentence by sentence: the basis of each boundary that the document supports.
# (start, end): "dated", "title_life" (from the establishment / until the abolition, as a
# cited passage says) or "unknown".
PROVISION_BASES = {
    # 3.1 dates the conditions to the resolution; nothing says when or whether they ended.
    "hero-of-labour-eligibility": ("dated", "unknown"),
    "hero-of-labour-length-of-service": ("dated", "unknown"),
    # 3.2 describes how "this title" was conferred; nothing says until when.
    "hero-of-labour-conferred-by": ("title_life", "unknown"),
    "hero-of-labour-certificate": ("title_life", "unknown"),
    # Paragraph 1 speaks of the titles as such, for as long as they existed.
    **{
        f"{title}-{aspect}": ("title_life", "title_life")
        for title in ("hero-of-socialist-labour", "hero-of-the-soviet-union")
        for aspect in (
            "rank",
            "foreign-citizens",
            "statute",
            "insignia",
            "nomination",
            "privileges",
        )
    },
    # 4.2 "Теперь" (27 December 1938), 4.3 (22 May 1940), 5.1 (14 May 1973), 6.1 (1988);
    # 6.1 calls the change of 1988 the last one, so they lasted until the abolition.
    "hero-of-socialist-labour-certificate": ("dated", "title_life"),
    "hero-of-socialist-labour-order-of-lenin": ("dated", "title_life"),
    "hero-of-socialist-labour-gold-medal": ("dated", "title_life"),
    "hero-of-socialist-labour-repeat-awards-unlimited": ("dated", "title_life"),
    "hero-of-socialist-labour-repeat-order-of-lenin-abolished": ("dated", "title_life"),
    # 5.1 "существовавшее с 1940 года", lifted by the decree of 14 May 1973.
    "hero-of-socialist-labour-repeat-awards-limited": ("dated", "dated"),
    # 6.1 ends it in 1988 and says nothing of its beginning.
    "hero-of-socialist-labour-repeat-order-of-lenin": ("unknown", "dated"),
    # 4.2 mentions it in passing: no date at all.
    "hero-of-the-soviet-union-order-of-lenin": ("unknown", "unknown"),
}
TITLE_BASES = {
    "hero-of-labour": ("dated", "unknown"),
    "hero-of-socialist-labour": ("dated", "dated"),
    "hero-of-the-soviet-union": ("unknown", "unknown"),
}


def test_each_boundary_has_the_basis_the_document_supports(seeded):
    provisions = {
        provision.slug: (provision.start_basis, provision.end_basis)
        for provision in models.Provision.objects.all()
    }
    assert provisions == PROVISION_BASES
    titles = {
        title.slug: (title.established_basis, title.abolished_basis)
        for title in models.Title.objects.all()
    }
    assert titles == TITLE_BASES


def test_a_boundary_at_the_title_s_life_names_a_passage_the_record_cites(seeded):
    for provision in models.Provision.objects.all():
        for side in ("start", "end"):
            if getattr(provision, f"{side}_basis") == "title_life":
                citation = getattr(provision, f"{side}_citation")
                assert citation in provision.citations.all(), (provision.slug, side)


def test_no_title_names_a_predecessor_no_passage_states(seeded):
    assert not models.Title.objects.filter(predecessor__isnull=False).exists()
