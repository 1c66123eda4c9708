"""Numbered notes (awards.site.notes): each fact's mark links to the note at the foot of the
page, the note links back to every mark citing it, and each sentence of the source is quoted in
full at most once on a page."""

import re

import pytest
from django.conf import settings
from django.core.cache import caches

from awards import models
from awards.core.typography import typeset
from awards.site.notes import PageNotes
from tests.support.html_facts import broken_note_links, parse
from tests.support.page_walk import walked_paths
from tests.support.public_pages import get_page, visible_text


def _passage(paragraph, sentence, *, source_id=1):
    return models.Citation(source_id=source_id, paragraph=paragraph, sentence=sentence)


def _quotations(citations) -> list[str]:
    quotations = []
    for citation in citations:
        quotations += [
            " ".join(text.split()) for text in (citation.quote_ru, citation.quote_en) if text
        ]
    return quotations


def _notes_section(response):
    root = parse(response.content.decode())
    return next(node for node in root.walk() if node.tag == "section" and "notes" in node.classes())


# The collector -------------------------------------------------------------------------


def test_the_same_sentence_cited_by_several_facts_is_one_note_with_a_mark_for_each():
    notes = PageNotes()
    first = notes.cite(_passage(6, 1))
    other = notes.cite(_passage(4, 2))
    again = notes.cite(_passage(6, 1))
    assert [note.number for note in notes.notes] == [1, 2]
    assert again.note is first.note
    assert (first.id, other.id, again.id) == ("ref-1-1", "ref-2-1", "ref-1-2")
    assert first.note.mark_ids == ["ref-1-1", "ref-1-2"]


def test_a_sentence_several_remarks_repeat_is_one_note():
    notes = PageNotes()
    notes.remark("The start is not stated. The source calls it the last change.")
    notes.remark("Designed by A. Pomansky in 1940. The source  calls it the last change. ")
    assert [note.remark for note in notes.notes] == [
        "The start is not stated.",
        "The source calls it the last change.",
        "Designed by A. Pomansky in 1940.",
    ]
    assert notes.notes[1].mark_ids == ["ref-2-1", "ref-2-2"]


def test_the_check_notices_a_mark_without_its_note_and_a_note_without_its_back_link():
    page = (
        '<p>A fact<sup class="note-ref"><a href="#note-1" id="ref-1-1">1</a></sup>'
        '<sup class="note-ref"><a href="#note-2" id="ref-2-1">2</a></sup></p>'
        '<section class="notes"><ol><li id="note-1">A passage.</li></ol></section>'
    )
    problems = broken_note_links(page)
    assert any("ref-2-1 links to no note" in problem for problem in problems)
    assert any("note note-1 has no link back" in problem for problem in problems)


# The pages -----------------------------------------------------------------------------


def test_the_1988_sentence_is_quoted_once_on_the_rules_page_and_every_rule_it_states_links_to_it(
    client, seeded
):
    response = get_page(client, "/rules/?title=hero-of-socialist-labour&year=1989&month=&day=")
    quote = " ".join(models.Citation.objects.get(slug="hsl-p6-s1").quote_ru.split())
    # As every page shows it (awards.core.typography), its spaces read as the page's text.
    sentence = " ".join(typeset(quote, language="ru").split())
    assert visible_text(response).count(sentence) == 1
    items = [item for item in _notes_section(response).walk() if item.tag == "li"]
    note = next(item for item in items if sentence in " ".join(item.all_text().split()))
    html = response.content.decode()
    marks = re.findall(rf'href="#{note.attrs["id"]}" id="(ref-[\d-]+)"', html)
    assert len(marks) > 1
    assert {a.attrs["href"] for a in note.walk() if a.tag == "a"} >= {f"#{m}" for m in marks}


def test_the_repeated_remark_on_the_1988_change_stands_once_on_the_title_page(client, seeded):
    text = visible_text(get_page(client, "/titles/hero-of-socialist-labour/"))
    assert text.count("Источник называет отмену 1988 года последним изменением") == 1


def test_a_note_gives_the_passage_its_source_and_its_place(client, seeded):
    notes = _notes_section(get_page(client, "/titles/hero-of-socialist-labour/"))
    text = " ".join(notes.all_text().split())
    assert "Примечания" in text
    assert "абзац 4, предложение 1" in text
    assert "Звание Героя Социалистического Труда: справочный текст" in text
    passage = " ".join(models.Citation.objects.get(slug="hsl-p4-s1").quote_ru.split())
    assert passage in text


def test_an_english_note_gives_the_translation_with_its_russian_original(client, seeded):
    notes = _notes_section(get_page(client, "/en/titles/hero-of-socialist-labour/"))
    text = " ".join(notes.all_text().split())
    citation = models.Citation.objects.get(slug="hsl-p4-s1")
    assert "Notes" in text
    assert " ".join(citation.quote_en.split()) in text
    assert " ".join(citation.quote_ru.split()) in text
    assert "paragraph 4, sentence 1" in text


@pytest.mark.slow
def test_every_public_page_quotes_each_sentence_once_and_links_its_notes_both_ways(client, seeded):
    for name in settings.CACHES:
        caches[name].clear()
    quotations = _quotations(models.Citation.objects.published())
    paths = [path for path in walked_paths(client) if not path.endswith(".xml")]
    assert len(paths) > 100
    repeated, broken = {}, {}
    for path in paths:
        response = get_page(client, path)
        text = visible_text(response)
        if counts := {q[:50]: text.count(q) for q in quotations if text.count(q) > 1}:
            repeated[path] = counts
        if problems := broken_note_links(response.content.decode()):
            broken[path] = problems
    assert repeated == {}
    assert broken == {}


def test_a_provision_dated_by_its_own_passage_is_marked_once(client, seeded):
    # «всё время существования звания ³» — not «³ ³»: the period and the provision cite
    # the same passage, and the fact is marked with it once.
    html = get_page(client, "/titles/hero-of-socialist-labour/").content.decode()
    provisions = re.findall(r'<div class="provision" data-fact>(.*?)</div>', html, flags=re.S)
    assert provisions
    for provision in provisions:
        numbers = re.findall(r'href="#note-(\d+)"', provision)
        assert len(numbers) == len(set(numbers)), provision
