"""Drafts never: not as records, not as links, not in the registry, the rules or the
comparisons — through the same ``published()`` rule as the pages."""

import re

import pytest

from awards.models import Conferment, Person, Title
from tests.conftest import (
    new_authority,
    new_citation,
    new_decree,
    new_event,
    new_medal,
    new_person,
    new_provision,
    new_source,
    new_title,
)
from tests.support.api_answers import COMPUTED, HSL, LIST_TEMPLATES
from tests.support.registry_builders import confer, hero

DRAFT = "draft-of"


def _drafts_around_the_records() -> dict[str, str]:
    """A draft of every kind, each linked from published records where it can be: the
    slugs by list address."""
    title = Title.objects.get(slug=HSL)
    draft_source = new_source(slug=f"{DRAFT}-source", published=False)
    hidden_passage = new_citation(slug=f"{DRAFT}-source-passage", source=draft_source)
    draft_citation = new_citation(slug=f"{DRAFT}-citation", published=False)
    title.citations.add(hidden_passage, draft_citation)
    draft_authority = new_authority(slug=f"{DRAFT}-authority", published=False)
    title.conferred_by.add(draft_authority)
    draft_act = new_decree(slug=f"{DRAFT}-act", published=False)
    draft_act.authorities.add(*title.conferred_by.all())
    draft_medal = new_medal(slug=f"{DRAFT}-insignia", published=False)
    draft_medal.titles.add(title)
    draft_event = new_event(slug=f"{DRAFT}-event", published=False)
    draft_event.titles.add(title)
    new_provision(
        slug=f"{DRAFT}-provision",
        title=title,
        published=False,
        aspect="privileges",
        value_key="draft",
    )
    new_provision(
        slug=f"{DRAFT}-provision-ended-by-draft",
        title=title,
        aspect="privileges",
        value_key="draft-end",
        end_decree=draft_act,
        end_event=draft_event,
    )
    draft_title = new_title(slug=f"{DRAFT}-title", published=False, predecessor=title)
    new_provision(slug=f"{DRAFT}-title-provision", title=draft_title)
    draft_person = new_person(slug=f"{DRAFT}-person", published=False)
    new_medal(slug=f"{DRAFT}-designer-medal", designer=draft_person).titles.add(title)
    person = hero(slug="hero-with-drafts")
    _named(confer(person, "1943-03-19", published=False), "conferment")
    confer(person, "1957-01-11", decree=draft_act, check=False)
    _named(confer(draft_person, "1960-01-01", check=False), "person-conferment")
    _named(confer(person, "1961-01-01", title=draft_title.slug, check=False), "title-conferment")
    return {
        "/api/titles/": f"{DRAFT}-title",
        "/api/acts/": f"{DRAFT}-act",
        "/api/insignia/": f"{DRAFT}-insignia",
        "/api/events/": f"{DRAFT}-event",
        "/api/authorities/": f"{DRAFT}-authority",
        "/api/provisions/": f"{DRAFT}-provision",
        "/api/sources/": f"{DRAFT}-source",
        "/api/citations/": f"{DRAFT}-citation",
        "/api/people/": f"{DRAFT}-person",
        "/api/conferments/": f"{DRAFT}-conferment",
    }


def _named(conferment, name: str) -> None:
    Conferment.objects.filter(pk=conferment.pk).update(slug=f"{DRAFT}-{name}")


def _visible_draft_slugs(text: str) -> set[str]:
    # A published record may be named after a draft: only the slugs of drafts count.
    return {
        slug
        for slug in re.findall(rf'"slug": "({DRAFT}-[a-z-]+)"', text)
        if not slug.startswith(f"{DRAFT}-provision-ended")
        and not slug.startswith(f"{DRAFT}-designer")
    }


def _walk(client, path: str) -> list[str]:
    """Every page of a list, forwards from the first and backwards from the last."""
    texts, address = [], path
    while address:
        response = client.get(address)
        assert response.status_code == 200
        texts.append(response.content.decode())
        address = response.json()["next"]
    address = f"{path}{'&' if '?' in path else '?'}page=last"
    while address:
        response = client.get(address)
        texts.append(response.content.decode())
        address = response.json()["previous"]
    return texts


@pytest.mark.parametrize("lang", ["ru", "en"])
def test_no_endpoint_shows_a_draft(client, seeded, lang):
    drafts = _drafts_around_the_records()
    assert Conferment.objects.filter(published=False).exists()
    assert not Person.objects.get(slug=f"{DRAFT}-person").published
    seen = []
    for template in LIST_TEMPLATES:
        seen += [(template, text) for text in _walk(client, f"{template}?lang={lang}")]
        detail = client.get(f"{template}{drafts[template]}/?lang={lang}")
        assert detail.status_code == 404, template
    assert client.get(f"/api/conferments/?title={DRAFT}-title").status_code == 404
    for path in [*COMPUTED, f"/api/registry/years/?title={HSL}", "/api/conferments/?sort=date"]:
        response = client.get(f"{path}{'&' if '?' in path else '?'}lang={lang}")
        assert response.status_code == 200, path
        seen.append((path, response.content.decode()))
    for path in (
        f"/api/titles/{DRAFT}-title/rules/?on=1975",
        f"/api/titles/{DRAFT}-title/over-dates/?dates=1939,1975",
        f"/api/compare/?first={HSL}&second={DRAFT}-title",
    ):
        assert client.get(path).status_code == 404, path
    leaks = {(path, slug) for path, text in seen for slug in _visible_draft_slugs(text)}
    assert leaks == set()
    # The published records that link to drafts are there, without the links.
    assert any(f"{DRAFT}-provision-ended-by-draft" in text for _path, text in seen)
    assert any("hero-with-drafts" in text for _path, text in seen)
