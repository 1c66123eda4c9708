"""Citations of a version in words, BibTeX and CSL-JSON (awards.site.citing), no database."""

import datetime
import json

from awards.site.citing import CitedVersion, bibtex, csl_json, reference


def cited(**fields) -> CitedVersion:
    values = {
        "title": "Герой Социалистического Труда",
        "site": "Герои труда",
        "number": 3,
        "date": datetime.date(2026, 12, 3),
        "url": "https://example.org/titles/hsl/versions/7/",
        "accessed": datetime.date(2026, 12, 7),
        "language": "ru",
        "key": "heroes-of-labour-title-hsl-v3",
    }
    return CitedVersion(**(values | fields))


def test_russian_reference_follows_gost_r_7_0_100_for_an_electronic_resource():
    assert reference(cited()) == (
        "Герой Социалистического Труда // Герои труда : [сайт]. — Версия 3 от 03.12.2026. — "
        "URL: https://example.org/titles/hsl/versions/7/ (дата обращения: 07.12.2026)."
    )


def test_english_reference_gives_the_dates_in_words():
    text = reference(
        cited(language="en", title="Hero of Socialist Labour", site="Heroes of Labour")
    )
    assert text == (
        "“Hero of Socialist Labour.” Heroes of Labour, version 3, 3 December 2026. "
        "https://example.org/titles/hsl/versions/7/. Accessed 7 December 2026."
    )


def test_bibtex_escapes_what_latex_reads_as_commands():
    text = bibtex(cited(title="50% & {more} #1"))
    assert r"title = {{50\% \& \{more\} \#1}}" in text
    assert "urldate = {2026-12-07}" in text
    assert "langid = {russian}" in text


def test_csl_json_dates_are_date_parts():
    (item,) = json.loads(csl_json(cited()))
    assert item["issued"] == {"date-parts": [[2026, 12, 3]]}
    assert item["accessed"] == {"date-parts": [[2026, 12, 7]]}
    assert item["title"] == "Герой Социалистического Труда"
