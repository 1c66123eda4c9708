"""The public pages (awards.site.views), in Russian and English: what each one says, drafts kept
out, queries, the methods they answer."""

import re

import pytest
from django.test import Client

from tests.support.public_pages import (
    TITLE_URL,
    get_page,
    visible_text,
)


def test_title_page_asides_in_parentheses_have_no_stray_space(client, seeded):
    html = get_page(client, "/titles/hero-of-socialist-labour/").content.decode()
    periods = re.findall(r'<span class="muted">\((.*?)\)</span>', html, flags=re.S)
    assert periods
    assert not [period for period in periods if period != period.strip()]


def test_home_links_to_the_history_titles_and_comparisons(client, seeded):
    html = get_page(client, "/").content.decode()
    for url in ("/history/", "/titles/", "/compare/heroes/", "/compare/", "/rules/"):
        assert f'href="{url}' in html


def test_home_without_the_featured_title_still_answers(client, no_records):
    text = visible_text(get_page(client, "/"))
    assert "Пока не опубликовано ни одного звания." in text


# History -------------------------------------------------------------------------------


def test_history_groups_entries_into_the_three_periods_in_order(client, seeded):
    response = get_page(client, "/history/")
    # The periods as written out below the time line.
    response.content = response.content.split(b"</figure>", 1)[1]
    text = visible_text(response)
    origins = text.index("Истоки термина (до 1927 года)")
    # The source never says when, or whether, "Hero of Labour" ended.
    labour = text.index("Герой Труда (с 1927 года; окончание источник не указывает)")
    socialist = text.index("Герой Социалистического Труда (1938–1991)")
    assert origins < labour < socialist
    assert origins < text.index("Появление термина «герой труда»") < labour
    assert labour < text.index("27 июля 1927 г.") < socialist
    assert socialist < text.index("14 мая 1973 г.")


def test_history_shows_year_only_dates_as_bare_years(client, seeded):
    html = get_page(client, "/history/").content.decode()
    assert '<time datetime="1921">1921</time>' in html
    assert '<time datetime="1988">1988</time>' in html


def test_history_shows_the_source_passage_of_each_entry(client, seeded):
    text = visible_text(get_page(client, "/history/"))
    assert "когда так были названы сотни лучших рабочих Петрограда и Москвы" in text
    assert "абзац 2, предложение 1" in text


def test_history_in_english(client, seeded):
    text = visible_text(get_page(client, "/en/history/"))
    assert "Origins of the term" in text
    assert "27 July 1927" in text
    assert "The term “hero of labour” appeared in 1921" in text


# Record pages --------------------------------------------------------------------------


def test_title_page_lists_its_provisions_insignia_acts_and_events(client, seeded):
    text = visible_text(get_page(client, TITLE_URL))
    assert "Учреждено 27 декабря 1938 г." in text
    assert "Предшественник" not in text
    assert "Упразднено 1991 — Упразднение звания Героя Социалистического Труда" in text
    assert "Медалью «Серп и Молот» можно было наградить всего не более 3 раз" in text
    assert "с 1940; до 14 мая 1973 г., отменено:" in text
    assert "Золотая медаль «Серп и Молот» (медаль; автор проекта А. Поманский)" in text
    assert "Указ от 22 мая 1940 года об учреждении золотой медали «Серп и Молот»" in text
    assert "Упразднение звания Героя Социалистического Труда" in text
    assert "абзац 1, предложение 1" in text


def test_title_page_in_english(client, seeded):
    text = visible_text(get_page(client, "/en" + TITLE_URL))
    assert "Established 27 December 1938" in text
    assert "Preceded by" not in text
    assert "until 14 May 1973" in text


def test_decree_page_lists_what_the_act_did(client, seeded):
    text = visible_text(get_page(client, "/decrees/1973-05-14-repeat-awards/"))
    assert "14 мая 1973 г." in text
    assert "Указ" in text
    assert "Президиум ВС СССР" in text
    assert "Ввёл положения" in text
    assert "Число повторных награждений медалью «Серп и Молот» не ограничено" in text
    assert "Отменил положения" in text
    text_en = visible_text(get_page(client, "/en/decrees/1973-05-14-repeat-awards/"))
    assert "14 May 1973" in text_en
    assert "Ended the provisions" in text_en


def test_medal_page_gives_designer_act_and_titles(client, seeded):
    text = visible_text(get_page(client, "/insignia/hammer-and-sickle/"))
    assert "Автор проекта А. Поманский" in text
    assert "22 мая 1940 г." in text
    assert "Относится к званиям Герой Социалистического Труда" in text
    assert "Designer A. Pomansky" in visible_text(
        get_page(client, "/en/insignia/hammer-and-sickle/")
    )


def test_event_page_links_to_the_provisions_it_changed(client, seeded):
    text = visible_text(get_page(client, "/events/1988-repeat-order-of-lenin-abolished/"))
    assert "Дата 1988" in text
    assert "Вступившие в силу положения" in text
    assert "При повторном вручении медали «Серп и Молот» орден Ленина не вручался" in text
    assert "Утратившие силу положения" in text
    assert "Date 1988" in visible_text(
        get_page(client, "/en/events/1988-repeat-order-of-lenin-abolished/")
    )


def test_authority_page_lists_its_acts_and_parent(client, seeded):
    text = visible_text(get_page(client, "/authorities/presidium-supreme-soviet-ussr/"))
    assert "Изданные им нормативные акты" in text
    assert "14 мая 1973 года" in text
    child = visible_text(get_page(client, "/authorities/presidium-tsik-ussr/"))
    assert "Входит в ЦИК СССР" in child
    assert "Присваивавшиеся им звания Герой Труда" in child
    assert "Part of CEC of the USSR" in visible_text(
        get_page(client, "/en/authorities/presidium-tsik-ussr/")
    )


def test_person_page_lists_the_insignia_designed(client, seeded):
    text = visible_text(get_page(client, "/people/a-pomansky/"))
    assert "Созданные знаки отличия Золотая медаль «Серп и Молот»" in text
    assert "Автор проекта медали — художник А. Поманский." in text
    assert "Insignia designed" in visible_text(get_page(client, "/en/people/a-pomansky/"))


def test_provision_page_gives_its_period_and_the_acts_that_set_and_ended_it(client, seeded):
    text = visible_text(
        get_page(client, "/provisions/hero-of-socialist-labour-repeat-awards-limited/")
    )
    assert "Звание Герой Социалистического Труда" in text
    assert "Пункт Повторные награждения" in text
    assert "с 1940; до 14 мая 1973 г., отменено: Указ Президиума" in text
    assert "не называя акта" in text
    text_en = visible_text(
        get_page(client, "/en/provisions/hero-of-socialist-labour-repeat-awards-limited/")
    )
    assert "from 1940; until 14 May 1973" in text_en


def test_source_page_shows_the_full_text_and_its_passages(client, seeded):
    text = visible_text(get_page(client, "/sources/hero-of-socialist-labour-ru/"))
    assert "Полный текст" in text
    assert "Автор проекта медали — художник А. Поманский." in text
    assert "абзац 6, предложение 3" in text
    assert "Full text" in visible_text(get_page(client, "/en/sources/hero-of-socialist-labour-ru/"))


def test_citation_page_lists_the_records_citing_it_by_kind(client, seeded):
    text = visible_text(get_page(client, "/citations/hsl-p5-s1/"))
    assert "Абзац 5" in text
    assert "Записи, которые ссылаются на этот фрагмент" in text
    assert "Нормативные акты" in text
    assert "Положения" in text
    text_en = visible_text(get_page(client, "/en/citations/hsl-p5-s1/"))
    assert "lifted the limit on the number of repeat awards" in text_en
    assert "был снято ограничение" in text_en  # the original next to the translation


@pytest.mark.parametrize(
    "url",
    [
        "/titles/no-such-title/",
        "/decrees/no-such-act/",
        "/insignia/x/",
        "/events/x/",
        "/authorities/x/",
        "/people/x/",
        "/provisions/x/",
        "/sources/x/",
        "/citations/x/",
        "/no/such/page/",
        "/en/no-such-page/",
    ],
)
def test_unknown_addresses_answer_a_helpful_404(client, seeded, url):
    response = get_page(client, url, status=404)
    text = visible_text(response)
    assert "Страница не найдена" in text or "Page not found" in text
    assert 'action="' in response.content.decode() and "/search/" in response.content.decode()


def test_a_draft_title_answers_404(client, make_title):
    draft = make_title(published=False)
    text = visible_text(get_page(client, draft.get_absolute_url(), status=404))
    assert "Возможно, запись ещё не опубликована" in text


def test_a_draft_act_does_not_appear_on_the_title_it_established(client, make_title, make_decree):
    draft = make_decree(name_ru="Секретный указ", published=False)
    title = make_title(established_by=draft, established_on=draft.date)
    text = visible_text(get_page(client, title.get_absolute_url()))
    assert "Секретный указ" not in text
    assert "22 мая 1940 г." in text


def test_draft_relations_and_passages_never_show(client, make_title, make_medal, make_citation):
    title = make_title(citations=[make_citation(quote_ru="Открытая цитата")])
    title.citations.add(make_citation(quote_ru="Скрытая цитата", published=False))
    make_medal(name_ru="Черновая медаль", published=False).titles.add(title)
    text = visible_text(get_page(client, title.get_absolute_url()))
    assert "Открытая цитата" in text
    assert "Скрытая цитата" not in text
    assert "Черновая медаль" not in text


def test_editor_content_is_escaped(client, make_title):
    title = make_title(name_ru="<script>alert(1)</script>", description_ru="<b>жирный</b>")
    html = get_page(client, title.get_absolute_url()).content.decode()
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "&lt;b&gt;жирный&lt;/b&gt;" in html


def test_title_list_in_both_languages(client, seeded):
    text = visible_text(get_page(client, "/titles/"))
    assert "Герой Труда — учреждено 27 июля 1927 г." in text
    assert "Hero of Labour — established 27 July 1927" in visible_text(
        get_page(client, "/en/titles/")
    )


# Comparisons ---------------------------------------------------------------------------


def test_twin_titles_page_marks_what_they_share_and_how_they_differ(client, seeded):
    response = get_page(client, "/compare/heroes/")
    text = visible_text(response)
    assert "Герой Социалистического Труда и Герой Советского Союза" in text
    assert (
        "6 общих пунктов; 1 пункт различается; 4 пункта указаны только для одного звания." in text
    )
    html = response.content.decode()
    foreign = re.search(r'<tr class="verdict--different">.*?</tr>', html, flags=re.S).group(0)
    assert "Не присваивалось гражданам иностранных государств" in foreign
    assert "Присваивалось и гражданам иностранных государств" in foreign
    assert "Различается" in foreign
    assert html.count('<tr class="verdict--shared">') == 6
    assert "Орден Ленина: относится к обоим званиям" in text


def test_twin_titles_page_in_english(client, seeded):
    text = visible_text(get_page(client, "/en/compare/heroes/"))
    assert "Hero of Socialist Labour and Hero of the Soviet Union" in text
    assert "6 aspects shared; 1 aspect different; 4 aspects stated for one title only." in text
    assert "Foreign citizens" in text


def test_any_two_titles_are_compared_from_a_plain_get_form(client, seeded):
    response = get_page(client, "/compare/?first=hero-of-labour&second=hero-of-socialist-labour")
    text = visible_text(response)
    assert "Герой Труда и Герой Социалистического Труда рядом" in text
    assert "Не менее 35 лет работы по найму" in text
    assert "Указано только для первого звания" in text
    assert '<option value="hero-of-labour" selected>' in response.content.decode()


def test_the_compare_form_alone_when_nothing_is_chosen(client, seeded):
    response = get_page(client, "/compare/?first=hero-of-labour")
    assert 'id="comparison-heading"' not in response.content.decode()
    assert '<option value="hero-of-labour" selected>' in response.content.decode()
    assert 'method="get"' in response.content.decode()


def test_a_title_at_four_dates_shows_the_changes(client, seeded):
    response = get_page(
        client, "/compare/dates/?title=hero-of-socialist-labour&dates=1939+1941+1975+1989"
    )
    text = visible_text(response)
    assert "Герой Социалистического Труда на разные даты" in text
    assert "1939 1941 1975 1989" in text
    assert "Изменилось Медалью «Серп и Молот» можно было наградить всего не более 3 раз" in text
    assert "Изменилось Число повторных награждений медалью «Серп и Молот» не ограничено" in text
    assert "Изменилось При повторном вручении медали «Серп и Молот» орден Ленина не" in text


def test_the_dates_page_offers_sample_dates_before_any_choice(client, seeded):
    html = get_page(client, "/compare/dates/").content.decode()
    assert 'value="1939 1941 1975 1989"' in html


def test_rules_on_the_day_of_the_1973_decree(client, seeded):
    text = visible_text(
        get_page(client, "/rules/?title=hero-of-socialist-labour&year=1973&month=5&day=14")
    )
    assert "Герой Социалистического Труда на 14 мая 1973 г." in text
    assert "Число повторных награждений медалью «Серп и Молот» не ограничено действовало" in text
    assert "можно было наградить всего не более 3 раз не действовало" in text
    assert "введено: Указ Президиума Верховного Совета СССР от 14 мая 1973 года" in text


def test_rules_on_the_day_before_the_1973_decree(client, seeded):
    text = visible_text(
        get_page(client, "/rules/?title=hero-of-socialist-labour&year=1973&month=5&day=13")
    )
    assert "можно было наградить всего не более 3 раз действовало" in text
    assert "не ограничено действовало" not in text


def test_rules_in_1988_say_the_source_does_not_say_and_why(client, seeded):
    text = visible_text(
        get_page(client, "/rules/?title=hero-of-socialist-labour&year=1988&month=6")
    )
    assert "Герой Социалистического Труда на июнь 1988 г." in text
    assert "вручался и орден Ленина источник об этом не говорит" in text
    assert (
        "Источник не называет даты его начала; его окончание датировано лишь годом: 1988." in text
    )
    text_en = visible_text(get_page(client, "/en/rules/?title=hero-of-socialist-labour&year=1988"))
    assert "Hero of Socialist Labour in 1988" in text_en
    assert "the source does not say" in text_en


def test_rules_before_the_title_existed(client, seeded):
    text = visible_text(get_page(client, "/rules/?title=hero-of-socialist-labour&year=1930"))
    assert "на 1930 год ещё не существовало: оно учреждено 27 декабря 1938 года." in text


def test_the_rules_page_without_a_date_shows_the_form_only(client, seeded):
    response = get_page(client, "/rules/?title=hero-of-labour")
    html = response.content.decode()
    assert '<option value="hero-of-labour" selected>' in html
    assert '<label for="id_year">Год:</label>' in html
    assert "Исправьте" not in visible_text(response)


# Search --------------------------------------------------------------------------------


def test_search_page_groups_results_by_kind(client, seeded):
    text = visible_text(get_page(client, "/search/?q=ленина"))
    assert "Знаки отличия (1) Орден Ленина" in text
    assert "События (1)" in text


def test_search_page_in_english(client, seeded):
    text = visible_text(get_page(client, "/en/search/?q=hammer"))
    assert "Insignia" in text
    assert "Hammer and Sickle gold medal" in text


def test_search_without_results_says_so(client, seeded):
    text = visible_text(get_page(client, "/search/?q=zzzzqqq"))
    assert "Ничего не найдено" in text


def test_robots_txt_points_to_the_sitemap(client, db):
    response = get_page(client, "/robots.txt")
    assert response["Content-Type"].startswith("text/plain")
    assert "Sitemap: http://testserver/sitemap.xml" in response.content.decode()
    assert "Disallow: /admin/" in response.content.decode()


# Query counts --------------------------------------------------------------------------


PAGES = [
    "/",
    "/history/",
    "/titles/",
    TITLE_URL,
    "/authorities/presidium-supreme-soviet-ussr/",
    "/insignia/hammer-and-sickle/",
    "/people/a-pomansky/",
    "/events/1988-repeat-order-of-lenin-abolished/",
    "/decrees/1973-05-14-repeat-awards/",
    "/provisions/hero-of-socialist-labour-repeat-awards-limited/",
    "/sources/hero-of-socialist-labour-ru/",
    "/citations/hsl-p5-s1/",
    "/compare/heroes/",
    "/compare/?first=hero-of-labour&second=hero-of-socialist-labour",
    "/compare/dates/?title=hero-of-socialist-labour&dates=1939+1955+1989",
    "/rules/?title=hero-of-socialist-labour&year=1955",
    "/search/?q=звание",
    "/sitemap.xml",
]


# The most queries any public page runs, whatever the number of records (a provision's
# period brings the passages that state its boundaries, an insignia its own passages).
MAX_QUERIES_PER_PAGE = 20


@pytest.mark.django_db
class TestQueriesAfterAddingManyRecords:
    """Each page runs as many queries with fifteen more of everything (added once)."""

    @pytest.mark.parametrize("url", PAGES)
    def test_each_page_runs_a_fixed_number_of_queries(
        self, client, many_records, django_assert_max_num_queries, url
    ):
        with django_assert_max_num_queries(MAX_QUERIES_PER_PAGE):
            get_page(client, url)

    def test_record_pages_of_the_added_records_run_a_fixed_number_of_queries(
        self, client, many_records, django_assert_max_num_queries
    ):
        for record in many_records.values():
            with django_assert_max_num_queries(MAX_QUERIES_PER_PAGE):
                get_page(client, record.get_absolute_url())


def test_the_twin_comparison_answers_404_when_its_titles_are_not_published(client, no_records):
    text = visible_text(get_page(client, "/compare/heroes/", status=404))
    assert "Страница не найдена" in text


def test_pages_answer_only_get(client, seeded):
    assert client.post("/compare/?first=a&second=b").status_code == 405


def test_any_two_titles_compared_in_english(client, seeded):
    text = visible_text(
        get_page(client, "/en/compare/?first=hero-of-labour&second=hero-of-socialist-labour")
    )
    assert "Hero of Labour and Hero of Socialist Labour side by side" in text
    assert "Stated for the first title only" in text


def test_a_title_at_several_dates_in_english(client, seeded):
    text = visible_text(
        get_page(
            client, "/en/compare/dates/?title=hero-of-socialist-labour&dates=1973-05-13,1973-05-14"
        )
    )
    assert "Hero of Socialist Labour at several dates" in text
    assert "13 May 1973 14 May 1973" in text
    assert (
        "Changed No limit on the number of repeat awards of the “Hammer and Sickle” medal" in text
    )


def test_provisions_an_act_changed_are_listed_with_their_title_and_aspect(client, seeded):
    html = get_page(client, "/decrees/1973-05-14-repeat-awards/").content.decode()
    line = re.search(r'<ul class="provisions">\s*<li>(.*?)</li>', html, flags=re.S).group(1)
    assert re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", line)).strip() == (
        "Герой Социалистического Труда: повторные награждения — "
        "Число повторных награждений медалью «Серп и Молот» не ограничено"
    )


# No internals on public pages -------------------------------------------------------------


def test_titles_are_listed_in_the_order_they_were_established_undated_last(client, seeded):
    text = visible_text(get_page(client, "/titles/"))
    order = [
        text.index(name)
        for name in ("Герой Труда —", "Герой Социалистического Труда —", "Герой Советского Союза")
    ]
    assert order == sorted(order)


def test_a_source_names_the_language_of_its_text_in_words(client, seeded):
    from awards.models import Source

    source = Source.objects.filter(published=True, language="ru").first()
    assert "Язык текста Русский" in visible_text(get_page(client, source.get_absolute_url()))
    assert "Language of the text Russian" in visible_text(
        get_page(client, "/en" + source.get_absolute_url())
    )


def test_a_provision_page_shows_no_comparison_key(client, seeded):
    from awards.models import Provision

    provision = Provision.objects.published().exclude(value_key="").first()
    text = visible_text(get_page(client, provision.get_absolute_url()))
    assert "Ключ сравнения" not in text
    assert f" {provision.value_key} " not in f" {text} "


def test_the_search_page_has_one_search_box(client, seeded):
    html = get_page(client, "/search/?q=герой").content.decode()
    assert html.count('role="search"') == 1
    assert html.count('name="q"') == 1


# Methods: HEAD answered; other methods get 405 with an Allow header --------------------


@pytest.mark.slow
def test_every_public_page_answers_head_with_headers_and_no_body(client, every_public_path):
    for path in every_public_path:
        get = client.get(path)
        head = client.head(path)
        assert head.status_code == 200, path
        assert head.content == b"", path
        assert head["Content-Type"] == get["Content-Type"], path
        assert head["Content-Length"] == str(len(get.content)), path


@pytest.mark.parametrize("method", ["post", "put", "delete"])
def test_writing_to_a_public_page_is_refused_with_the_allowed_methods(
    client, every_public_path, method
):
    for path in every_public_path:
        response = getattr(client, method)(path)
        assert response.status_code == 405, path
        assert response["Allow"] == "GET, HEAD", path


def test_a_post_without_a_csrf_token_is_refused_as_a_method_not_as_a_forgery(every_public_path):
    client = Client(enforce_csrf_checks=True)
    for path in every_public_path:
        response = client.post(path, {"q": "x"})
        assert response.status_code == 405, path
        assert response["Allow"] == "GET, HEAD", path


def _person_with_other_names():
    """An invented person (marked so) with a name as written and other names."""
    from awards.models import OtherName, Source
    from tests.support.registry_builders import hero

    person = hero(
        surname="Пробная",
        given_name="Хелене",
        patronymic="Тестовна",
        name_as_written="ПРОБНАЯ Х. Т. (вымышленная)",
        occupation_ru="вымышленная запись",
    )
    source = Source.objects.filter(published=True).first()
    OtherName.objects.create(
        person=person, name="Probnaya Helene", kind="spelling", language="en", source=source
    )
    draft = Source.objects.create(slug="draft-source", name_ru="Черновой источник", published=False)
    OtherName.objects.create(person=person, name="Испытанова", kind="birth", source=draft)
    return person, source


def test_person_page_shows_the_name_as_written_and_the_other_names(client, seeded):
    person, source = _person_with_other_names()
    page = get_page(client, person.get_absolute_url())
    text = visible_text(page)
    assert "Имя, как его пишет источник ПРОБНАЯ Х. Т. (вымышленная)" in text
    assert f"Probnaya Helene (другое написание, en; источник: {source.name_ru})" in text
    assert '<span lang="en">Probnaya Helene</span>' in page.content.decode()
    # A draft source is not named.
    assert "Испытанова (имя при рождении)" in text
    assert "Черновой источник" not in text

    english = visible_text(get_page(client, f"/en{person.get_absolute_url()}"))
    assert "Other names" in english and "Испытанова (name at birth)" in english


def test_person_page_leaves_out_a_name_as_written_that_is_the_name(client, seeded):
    from tests.support.registry_builders import hero

    person = hero(surname="Пробнов", name_as_written="Пробнов Иван Иванович")
    assert "пишет источник" not in visible_text(get_page(client, person.get_absolute_url()))
