"""The public pages, in Russian and English: what each one says, drafts kept out, queries."""

import json
import re

import pytest
from django.conf import settings
from django.utils import translation

from awards.site.timeline import wide as timeline

TITLE_URL = "/titles/hero-of-socialist-labour/"


@pytest.fixture(autouse=True)
def russian_outside_requests():
    """Addresses built in a test are Russian, whatever language the last request left active."""
    with translation.override("ru"):
        yield


def _text(response):
    """The page's visible text, tags stripped and whitespace collapsed."""
    html = response.content.decode()
    html = re.sub(r"<(script|style)\b.*?</\1>", " ", html, flags=re.S)
    html = re.sub(r"<[^>]+>", " ", html)
    text = re.sub(r"\s+", " ", html).replace("&quot;", '"').replace("&#x27;", "'")
    return re.sub(r"\( ", "(", re.sub(r" ([,.:;)])", r"\1", text))


def _get(client, url, status=200):
    response = client.get(url)
    assert response.status_code == status, url
    return response


# Home ----------------------------------------------------------------------------------


def test_home_fact_box_tells_when_and_how_the_title_was_established(client, seeded):
    text = _text(_get(client, "/"))
    assert "Герой Социалистического Труда: факты" in text
    assert "Учреждено 27 декабря 1938 г." in text
    assert "Золотая медаль «Серп и Молот» (дата учреждения: 22 мая 1940 г.)" in text
    assert "автор проекта А. Поманский" in text
    assert "Вместе с грамотой вручался орден Ленина" in text
    assert "Источник: абзац 4, предложение 3" in text
    assert "Упразднено 1991" in text
    assert "Упразднение звания Героя Социалистического Труда" in text


def test_home_in_english_gives_the_same_facts_in_english(client, seeded):
    text = _text(_get(client, "/en/"))
    assert "Hero of Socialist Labour: the facts" in text
    assert "Established 27 December 1938" in text
    assert "designed by A. Pomansky" in text
    assert "Hammer and Sickle gold medal" in text


def test_home_periods_in_parentheses_have_no_stray_space(client, seeded):
    html = _get(client, "/").content.decode()
    periods = re.findall(r'<span class="muted">\((.*?)\)</span>', html, flags=re.S)
    assert periods
    assert not [period for period in periods if period != period.strip()]


def test_home_links_to_the_history_titles_and_comparisons(client, seeded):
    html = _get(client, "/").content.decode()
    for url in ("/history/", "/titles/", "/compare/heroes/", "/compare/", "/rules/"):
        assert f'href="{url}' in html


def test_home_without_the_featured_title_still_answers(client, no_records):
    text = _text(_get(client, "/"))
    assert "Пока не опубликовано ни одного звания." in text


# History -------------------------------------------------------------------------------


def test_history_groups_entries_into_the_three_periods_in_order(client, seeded):
    response = _get(client, "/history/")
    # The periods as written out below the time line.
    response.content = response.content.split(b"</figure>", 1)[1]
    text = _text(response)
    origins = text.index("Истоки термина (–1927)")
    # The source never says when, or whether, "Hero of Labour" ended.
    labour = text.index("Герой Труда (1927– окончание не указано)")
    socialist = text.index("Герой Социалистического Труда (1938–1991)")
    assert origins < labour < socialist
    assert origins < text.index("Появление термина «герой труда»") < labour
    assert labour < text.index("27 июля 1927 г.") < socialist
    assert socialist < text.index("14 мая 1973 г.")


def test_history_shows_year_only_dates_as_bare_years(client, seeded):
    html = _get(client, "/history/").content.decode()
    assert '<time datetime="1921">1921</time>' in html
    assert '<time datetime="1988">1988</time>' in html


def test_history_shows_the_source_passage_of_each_entry(client, seeded):
    text = _text(_get(client, "/history/"))
    assert "когда так были названы сотни лучших рабочих Петрограда и Москвы" in text
    assert "абзац 2, предложение 1" in text


def test_history_draws_the_time_line_with_a_text_alternative(client, seeded):
    html = _get(client, "/history/").content.decode()
    assert 'aria-labelledby="timeline-title" aria-describedby="timeline-desc"' in html
    assert "Лента времени званий за труд, 1921–1991" in html
    assert re.search(r"Герой Труда: 1927–\s*окончание не указано\.", html)


def test_history_draws_the_axis_to_the_margin_the_time_line_sets(client, seeded, monkeypatch):
    monkeypatch.setattr(timeline, "MARGIN", 40)
    html = _get(client, "/history/").content.decode()
    axis = re.search(r'<line class="timeline__axis"[^>]*>', html).group(0)
    x1, x2 = (float(value) for value in re.findall(r'x[12]="([0-9.]+)"', axis))
    assert (x1, x2) == (40, timeline.PICTURE_WIDTH - 40 - timeline.FLAG_WIDTH)


def test_each_point_of_the_time_line_links_to_its_record_with_a_name(client, seeded):
    html = _get(client, "/history/").content.decode()
    wide = html.split('class="timeline__svg timeline__svg--narrow"')[0]
    links = re.findall(r'<a class="timeline__entry" href="([^"]+)" aria-label="([^"]+)">', wide)
    assert len(links) == 8
    assert ("/events/1921-term-hero-of-labour/", "1921: Появление термина «герой труда»") in links
    assert all(_get(client, url).status_code == 200 for url, _ in links)


def test_history_in_english(client, seeded):
    text = _text(_get(client, "/en/history/"))
    assert "Origins of the term" in text
    assert "27 July 1927" in text
    assert 'The term "hero of labour" appeared in 1921' in text


# Record pages --------------------------------------------------------------------------


def test_title_page_lists_its_provisions_insignia_acts_and_events(client, seeded):
    text = _text(_get(client, TITLE_URL))
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
    text = _text(_get(client, "/en" + TITLE_URL))
    assert "Established 27 December 1938" in text
    assert "Preceded by" not in text
    assert "until 14 May 1973" in text


def test_decree_page_lists_what_the_act_did(client, seeded):
    text = _text(_get(client, "/decrees/1973-05-14-repeat-awards/"))
    assert "14 мая 1973 г." in text
    assert "Указ" in text
    assert "Президиум ВС СССР" in text
    assert "Ввёл положения" in text
    assert "Число повторных награждений медалью «Серп и Молот» не ограничено" in text
    assert "Отменил положения" in text
    text_en = _text(_get(client, "/en/decrees/1973-05-14-repeat-awards/"))
    assert "14 May 1973" in text_en
    assert "Ended the provisions" in text_en


def test_medal_page_gives_designer_act_and_titles(client, seeded):
    text = _text(_get(client, "/insignia/hammer-and-sickle/"))
    assert "Автор проекта А. Поманский" in text
    assert "22 мая 1940 г." in text
    assert "Относится к званиям Герой Социалистического Труда" in text
    assert "Designer A. Pomansky" in _text(_get(client, "/en/insignia/hammer-and-sickle/"))


def test_event_page_links_to_the_provisions_it_changed(client, seeded):
    text = _text(_get(client, "/events/1988-repeat-order-of-lenin-abolished/"))
    assert "Дата 1988" in text
    assert "Вступившие в силу положения" in text
    assert "При повторном вручении медали «Серп и Молот» орден Ленина не вручался" in text
    assert "Утратившие силу положения" in text
    assert "Date 1988" in _text(_get(client, "/en/events/1988-repeat-order-of-lenin-abolished/"))


def test_authority_page_lists_its_acts_and_parent(client, seeded):
    text = _text(_get(client, "/authorities/presidium-supreme-soviet-ussr/"))
    assert "Изданные им нормативные акты" in text
    assert "14 мая 1973 года" in text
    child = _text(_get(client, "/authorities/presidium-tsik-ussr/"))
    assert "Входит в ЦИК СССР" in child
    assert "Присваивавшиеся им звания Герой Труда" in child
    assert "Part of CEC of the USSR" in _text(_get(client, "/en/authorities/presidium-tsik-ussr/"))


def test_person_page_lists_the_insignia_designed(client, seeded):
    text = _text(_get(client, "/people/a-pomansky/"))
    assert "Созданные знаки отличия Золотая медаль «Серп и Молот»" in text
    assert "Автор проекта медали - художник А. Поманский." in text
    assert "Insignia designed" in _text(_get(client, "/en/people/a-pomansky/"))


def test_provision_page_gives_its_period_and_the_acts_that_set_and_ended_it(client, seeded):
    text = _text(_get(client, "/provisions/hero-of-socialist-labour-repeat-awards-limited/"))
    assert "Звание Герой Социалистического Труда" in text
    assert "Сторона Повторные награждения" in text
    assert "с 1940; до 14 мая 1973 г., отменено: Указ Президиума" in text
    assert "не называя акта" in text
    text_en = _text(_get(client, "/en/provisions/hero-of-socialist-labour-repeat-awards-limited/"))
    assert "from 1940; until 14 May 1973" in text_en


def test_source_page_shows_the_full_text_and_its_passages(client, seeded):
    text = _text(_get(client, "/sources/hero-of-socialist-labour-ru/"))
    assert "Полный текст" in text
    assert "Автор проекта медали - художник А. Поманский." in text
    assert "абзац 6, предложение 3" in text
    assert "Full text" in _text(_get(client, "/en/sources/hero-of-socialist-labour-ru/"))


def test_citation_page_lists_the_records_citing_it_by_kind(client, seeded):
    text = _text(_get(client, "/citations/hsl-p5-s1/"))
    assert "Абзац 5" in text
    assert "Записи, которые ссылаются на этот фрагмент" in text
    assert "Нормативные акты" in text
    assert "Положения" in text
    text_en = _text(_get(client, "/en/citations/hsl-p5-s1/"))
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
    response = _get(client, url, status=404)
    text = _text(response)
    assert "Страница не найдена" in text or "Page not found" in text
    assert 'action="' in response.content.decode() and "/search/" in response.content.decode()


def test_a_draft_title_answers_404(client, make_title):
    draft = make_title(published=False)
    text = _text(_get(client, draft.get_absolute_url(), status=404))
    assert "Возможно, запись ещё не опубликована" in text


def test_a_draft_act_does_not_appear_on_the_title_it_established(client, make_title, make_decree):
    draft = make_decree(name_ru="Секретный указ", published=False)
    title = make_title(established_by=draft, established_on=draft.date)
    text = _text(_get(client, title.get_absolute_url()))
    assert "Секретный указ" not in text
    assert "22 мая 1940 г." in text


def test_draft_relations_and_passages_never_show(client, make_title, make_medal, make_citation):
    title = make_title(citations=[make_citation(quote_ru="Открытая цитата")])
    title.citations.add(make_citation(quote_ru="Скрытая цитата", published=False))
    make_medal(name_ru="Черновая медаль", published=False).titles.add(title)
    text = _text(_get(client, title.get_absolute_url()))
    assert "Открытая цитата" in text
    assert "Скрытая цитата" not in text
    assert "Черновая медаль" not in text


def test_editor_content_is_escaped(client, make_title):
    title = make_title(name_ru="<script>alert(1)</script>", description_ru="<b>жирный</b>")
    html = _get(client, title.get_absolute_url()).content.decode()
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "&lt;b&gt;жирный&lt;/b&gt;" in html


def test_title_list_in_both_languages(client, seeded):
    text = _text(_get(client, "/titles/"))
    assert "Герой Труда — учреждено 27 июля 1927 г." in text
    assert "Hero of Labour — established 27 July 1927" in _text(_get(client, "/en/titles/"))


# Comparisons ---------------------------------------------------------------------------


def test_twin_titles_page_marks_what_they_share_and_how_they_differ(client, seeded):
    response = _get(client, "/compare/heroes/")
    text = _text(response)
    assert "Герой Социалистического Труда и Герой Советского Союза" in text
    assert (
        "6 общих сторон; 1 сторона различается; 4 стороны указаны только для одного звания." in text
    )
    html = response.content.decode()
    foreign = re.search(r'<tr class="verdict--different">.*?</tr>', html, flags=re.S).group(0)
    assert "Не присваивалось гражданам иностранных государств" in foreign
    assert "Присваивалось и гражданам иностранных государств" in foreign
    assert "Различается" in foreign
    assert html.count('<tr class="verdict--shared">') == 6
    assert "Орден Ленина: относится к обоим званиям" in text


def test_twin_titles_page_in_english(client, seeded):
    text = _text(_get(client, "/en/compare/heroes/"))
    assert "Hero of Socialist Labour and Hero of the Soviet Union" in text
    assert "6 aspects shared; 1 aspect different; 4 aspects stated for one title only." in text
    assert "Foreign citizens" in text


def test_any_two_titles_are_compared_from_a_plain_get_form(client, seeded):
    response = _get(client, "/compare/?first=hero-of-labour&second=hero-of-socialist-labour")
    text = _text(response)
    assert "Герой Труда и Герой Социалистического Труда рядом" in text
    assert "Не менее 35 лет работы по найму" in text
    assert "Указано только для первого звания" in text
    assert '<option value="hero-of-labour" selected>' in response.content.decode()


def test_the_compare_form_alone_when_nothing_is_chosen(client, seeded):
    response = _get(client, "/compare/?first=hero-of-labour")
    assert 'id="comparison-heading"' not in response.content.decode()
    assert '<option value="hero-of-labour" selected>' in response.content.decode()
    assert 'method="get"' in response.content.decode()


@pytest.mark.parametrize(
    "query",
    [
        "?first=hero-of-labour&second=hero-of-labour",
        "?first=nope&second=hero-of-labour",
        "?first=&second=",
        "?first=%00&second=%ff",
    ],
)
def test_bad_comparison_choices_are_form_errors(client, seeded, query):
    text = _text(_get(client, "/compare/" + query))
    assert "Исправьте, пожалуйста, форму:" in text


def test_a_title_at_four_dates_shows_the_changes(client, seeded):
    response = _get(
        client, "/compare/dates/?title=hero-of-socialist-labour&dates=1939+1941+1975+1989"
    )
    text = _text(response)
    assert "Герой Социалистического Труда на разные даты" in text
    assert "1939 1941 1975 1989" in text
    assert "Изменилось Медалью «Серп и Молот» можно было наградить всего не более 3 раз" in text
    assert "Изменилось Число повторных награждений медалью «Серп и Молот» не ограничено" in text
    assert "Изменилось При повторном вручении медали «Серп и Молот» орден Ленина не" in text


def test_the_dates_page_offers_sample_dates_before_any_choice(client, seeded):
    html = _get(client, "/compare/dates/").content.decode()
    assert 'value="1939 1941 1975 1989"' in html


@pytest.mark.parametrize("dates", ["19x9", "1939", "1939+1940+1941+1942+1943+1944+1945", "1939-13"])
def test_bad_dates_are_form_errors(client, seeded, dates):
    text = _text(_get(client, f"/compare/dates/?title=hero-of-socialist-labour&dates={dates}"))
    assert "Исправьте, пожалуйста, форму:" in text


def test_rules_on_the_day_of_the_1973_decree(client, seeded):
    text = _text(_get(client, "/rules/?title=hero-of-socialist-labour&year=1973&month=5&day=14"))
    assert "Герой Социалистического Труда на 14 мая 1973 г." in text
    assert "Число повторных награждений медалью «Серп и Молот» не ограничено действовало" in text
    assert "можно было наградить всего не более 3 раз не действовало" in text
    assert "введено: Указ Президиума Верховного Совета СССР от 14 мая 1973 года" in text


def test_rules_on_the_day_before_the_1973_decree(client, seeded):
    text = _text(_get(client, "/rules/?title=hero-of-socialist-labour&year=1973&month=5&day=13"))
    assert "можно было наградить всего не более 3 раз действовало" in text
    assert "не ограничено действовало" not in text


def test_rules_in_1988_say_the_source_does_not_say_and_why(client, seeded):
    text = _text(_get(client, "/rules/?title=hero-of-socialist-labour&year=1988&month=6"))
    assert "Герой Социалистического Труда на июнь 1988 г." in text
    assert "вручался и орден Ленина источник об этом не говорит" in text
    assert (
        "Источник не называет даты его начала; его окончание датировано лишь годом: 1988." in text
    )
    text_en = _text(_get(client, "/en/rules/?title=hero-of-socialist-labour&year=1988"))
    assert "Hero of Socialist Labour in 1988" in text_en
    assert "the source does not say" in text_en


def test_rules_before_the_title_existed(client, seeded):
    text = _text(_get(client, "/rules/?title=hero-of-socialist-labour&year=1930"))
    assert "На эту дату звания не существовало." in text


def test_the_rules_page_without_a_date_shows_the_form_only(client, seeded):
    response = _get(client, "/rules/?title=hero-of-labour")
    html = response.content.decode()
    assert '<option value="hero-of-labour" selected>' in html
    assert '<label for="id_year">Год:</label>' in html
    assert "Исправьте" not in _text(response)


@pytest.mark.parametrize(
    "query",
    [
        "title=hero-of-labour&year=abc",
        "title=hero-of-labour&year=1973&month=2&day=30",
        "title=hero-of-labour&year=1973&day=3",
        "title=hero-of-labour&year=99999999999999999999",
        "title=nope&year=1973&month=13",
    ],
)
def test_bad_dates_on_the_rules_page_are_form_errors(client, seeded, query):
    text = _text(_get(client, "/rules/?" + query))
    assert "Исправьте, пожалуйста, форму:" in text


# Search --------------------------------------------------------------------------------


def test_search_page_groups_results_by_kind(client, seeded):
    text = _text(_get(client, "/search/?q=ленина"))
    assert "Знаки отличия (1) Орден Ленина" in text
    assert "События (1)" in text


def test_search_page_in_english(client, seeded):
    text = _text(_get(client, "/en/search/?q=hammer"))
    assert "Insignia" in text
    assert "Hammer and Sickle gold medal" in text


def test_search_without_results_says_so(client, seeded):
    text = _text(_get(client, "/search/?q=zzzzqqq"))
    assert "Ничего не найдено" in text


def test_a_too_long_query_is_a_form_error(client, seeded):
    text = _text(_get(client, "/search/?q=" + "а" * 300))
    assert "Исправьте, пожалуйста, форму:" in text


# Languages and search engines ----------------------------------------------------------


def test_pages_declare_their_language(client, seeded):
    assert '<html lang="ru">' in _get(client, "/").content.decode()
    assert '<html lang="en">' in _get(client, "/en/").content.decode()


def test_language_switch_links_to_the_same_page_in_the_other_language(client, seeded):
    html = _get(client, "/rules/?title=hero-of-labour&year=1930").content.decode()
    assert 'href="/en/rules/?title=hero-of-labour&amp;year=1930" hreflang="en" lang="en"' in html
    html_en = _get(client, "/en" + TITLE_URL).content.decode()
    assert f'href="{TITLE_URL}" hreflang="ru" lang="ru"' in html_en


def test_canonical_hreflang_and_open_graph(client, seeded):
    html = _get(client, "/en" + TITLE_URL).content.decode()
    assert f'<link rel="canonical" href="http://testserver/en{TITLE_URL}">' in html
    assert f'<link rel="alternate" hreflang="ru" href="http://testserver{TITLE_URL}">' in html
    assert f'<link rel="alternate" hreflang="en" href="http://testserver/en{TITLE_URL}">' in html
    assert '<meta property="og:title" content="Hero of Socialist Labour">' in html
    assert '<meta property="og:locale" content="en_GB">' in html
    assert re.search(r'<meta property="article:modified_time" content="\d{4}-\d\d-\d\dT', html)


def _json_ld(response):
    blocks = re.findall(
        r'<script type="application/ld\+json">(.*?)</script>', response.content.decode(), re.S
    )
    return [json.loads(block) for block in blocks]


def test_json_ld_describes_the_act_as_legislation(client, seeded):
    data = _json_ld(_get(client, "/decrees/1940-05-22-hammer-and-sickle/"))
    act = next(item for item in data if item["@type"] == "Legislation")
    assert act["legislationDate"] == "1940-05-22"
    assert any(item["@type"] == "BreadcrumbList" for item in data)


def test_json_ld_of_the_home_page_offers_the_search(client, seeded):
    (site,) = _json_ld(_get(client, "/"))
    assert site["@type"] == "WebSite"
    assert site["potentialAction"]["target"] == "http://testserver/search/?q={search_term_string}"


def test_sitemap_lists_published_records_in_both_languages(client, seeded, make_title):
    draft = make_title(published=False)
    xml = _get(client, "/sitemap.xml").content.decode()
    assert f"<loc>http://testserver{TITLE_URL}</loc>" in xml
    assert f"<loc>http://testserver/en{TITLE_URL}</loc>" in xml
    assert 'hreflang="en" href="http://testserver/en/history/"' in xml
    assert "<loc>http://testserver/citations/hsl-p1-s1/</loc>" in xml
    assert draft.slug not in xml


def test_robots_txt_points_to_the_sitemap(client, db):
    response = _get(client, "/robots.txt")
    assert response["Content-Type"].startswith("text/plain")
    assert "Sitemap: http://testserver/sitemap.xml" in response.content.decode()
    assert "Disallow: /admin/" in response.content.decode()


def test_every_asset_is_served_by_the_app(client, seeded):
    html = _get(client, "/history/").content.decode()
    assert not re.search(
        r'(src|href)="(https?:)?//', html.split("<body>")[0].replace('href="http://testserver', "")
    )


def test_pages_have_one_h1_and_landmarks(client, seeded):
    for url in ("/", "/history/", TITLE_URL, "/compare/heroes/", "/rules/", "/search/?q=труд"):
        html = _get(client, url).content.decode()
        assert html.count("<h1") == 1, url
        assert "<main" in html and "<header" in html and "<footer" in html and "<nav" in html


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
            _get(client, url)

    def test_record_pages_of_the_added_records_run_a_fixed_number_of_queries(
        self, client, many_records, django_assert_max_num_queries
    ):
        for record in many_records.values():
            with django_assert_max_num_queries(MAX_QUERIES_PER_PAGE):
                _get(client, record.get_absolute_url())


def test_the_twin_comparison_answers_404_when_its_titles_are_not_published(client, no_records):
    text = _text(_get(client, "/compare/heroes/", status=404))
    assert "Страница не найдена" in text


def test_pages_answer_only_get(client, seeded):
    assert client.post("/compare/?first=a&second=b").status_code == 405


def test_any_two_titles_compared_in_english(client, seeded):
    text = _text(_get(client, "/en/compare/?first=hero-of-labour&second=hero-of-socialist-labour"))
    assert "Hero of Labour and Hero of Socialist Labour side by side" in text
    assert "Stated for the first title only" in text


def test_a_title_at_several_dates_in_english(client, seeded):
    text = _text(
        _get(
            client, "/en/compare/dates/?title=hero-of-socialist-labour&dates=1973-05-13,1973-05-14"
        )
    )
    assert "Hero of Socialist Labour at several dates" in text
    assert "13 May 1973 14 May 1973" in text
    assert (
        'Changed No limit on the number of repeat awards of the "Hammer and Sickle" medal' in text
    )


# Templates -----------------------------------------------------------------------------

MAX_TEMPLATE_LINE = 120


def test_no_template_line_is_longer_than_120_characters():
    templates = settings.BASE_DIR / "templates"
    too_long = [
        f"{path.relative_to(templates)}:{number} has {len(line)} characters"
        for path in sorted(templates.rglob("*.html"))
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
        if len(line) > MAX_TEMPLATE_LINE
    ]
    assert too_long == []


def test_record_pages_give_each_linked_kind_its_own_headed_section(client, seeded):
    html = _get(client, "/events/1988-repeat-order-of-lenin-abolished/").content.decode()
    for kind in ("title", "medal"):
        assert f'<section aria-labelledby="{kind}-heading">' in html
        assert f'<h2 id="{kind}-heading">' in html


def test_provisions_an_act_changed_are_listed_with_their_title_and_aspect(client, seeded):
    html = _get(client, "/decrees/1973-05-14-repeat-awards/").content.decode()
    line = re.search(r'<ul class="provisions">\s*<li>(.*?)</li>', html, flags=re.S).group(1)
    assert re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", line)).strip() == (
        "Герой Социалистического Труда: повторные награждения — "
        "Число повторных награждений медалью «Серп и Молот» не ограничено"
    )


# No internals on public pages -------------------------------------------------------------


def test_titles_are_listed_in_the_order_they_were_established_undated_last(client, seeded):
    text = _text(_get(client, "/titles/"))
    order = [
        text.index(name)
        for name in ("Герой Труда —", "Герой Социалистического Труда —", "Герой Советского Союза")
    ]
    assert order == sorted(order)


def test_a_source_names_the_language_of_its_text_in_words(client, seeded):
    from awards.models import Source

    source = Source.objects.filter(published=True, language="ru").first()
    assert "Язык текста Русский" in _text(_get(client, source.get_absolute_url()))
    assert "Language of the text Russian" in _text(_get(client, "/en" + source.get_absolute_url()))


def test_a_provision_page_shows_no_comparison_key(client, seeded):
    from awards.models import Provision

    provision = Provision.objects.published().exclude(value_key="").first()
    text = _text(_get(client, provision.get_absolute_url()))
    assert "Ключ сравнения" not in text
    assert f" {provision.value_key} " not in f" {text} "


def test_the_search_page_has_one_search_box(client, seeded):
    html = _get(client, "/search/?q=герой").content.decode()
    assert html.count('role="search"') == 1
    assert html.count('name="q"') == 1
