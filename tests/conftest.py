"""Builders and shared fixtures: a test sets only what it is about."""

import itertools

import pytest

from awards import models
from awards.dates import PartialDate
from awards.seed import fixture_paths, load_fixture_records

_numbers = itertools.count(1)


def _slug(prefix: str) -> str:
    return f"{prefix}-{next(_numbers)}"


@pytest.fixture
def seeded(db):
    """The records of fixtures/, as `make setup` loads them."""
    return load_fixture_records(paths=fixture_paths())


@pytest.fixture
def make_source(db):
    def build(**fields):
        fields.setdefault("slug", _slug("source"))
        fields.setdefault("name_ru", "Источник")
        fields.setdefault("published", True)
        return models.Source.objects.create(**fields)

    return build


@pytest.fixture
def make_citation(db, make_source):
    def build(**fields):
        fields.setdefault("slug", _slug("citation"))
        if "source" not in fields:
            fields["source"] = make_source()
        fields.setdefault("paragraph", 1)
        fields.setdefault("sentence", 1)
        fields.setdefault("quote_ru", "Цитата")
        fields.setdefault("published", True)
        return models.Citation.objects.create(**fields)

    return build


def _cited_builder(model, prefix, defaults):
    @pytest.fixture(name=f"make_{prefix}")
    def builder(db, make_citation):
        def build(*, citations=None, **fields):
            fields.setdefault("slug", _slug(prefix))
            fields.setdefault("published", True)
            for name, value in defaults.items():
                fields.setdefault(name, value)
            record = model.objects.create(**fields)
            record.citations.set(citations if citations is not None else [make_citation()])
            return record

        return build

    return builder


make_authority = _cited_builder(models.Authority, "authority", {"name_ru": "Орган"})
make_person = _cited_builder(models.Person, "person", {"name_ru": "Человек"})
make_decree = _cited_builder(
    models.Decree,
    "decree",
    {"name_ru": "Указ", "kind": models.Decree.Kind.DECREE, "date": PartialDate(1940, 5, 22)},
)
make_title = _cited_builder(models.Title, "title", {"name_ru": "Звание"})
make_medal = _cited_builder(
    models.Medal, "medal", {"name_ru": "Медаль", "kind": models.Medal.Kind.MEDAL}
)
make_event = _cited_builder(
    models.Event, "event", {"name_ru": "Событие", "date": PartialDate(1921)}
)


@pytest.fixture
def make_provision(db, make_citation, make_title):
    def build(*, citations=None, **fields):
        fields.setdefault("slug", _slug("provision"))
        fields.setdefault("published", True)
        if "title" not in fields:
            fields["title"] = make_title()
        fields.setdefault("aspect", models.Provision.Aspect.ORDER_OF_LENIN)
        fields.setdefault("value_ru", "Да")
        fields.setdefault("value_key", "yes")
        provision = models.Provision.objects.create(**fields)
        provision.citations.set(citations if citations is not None else [make_citation()])
        return provision

    return build


@pytest.fixture
def editor(db):
    from django.contrib.auth import get_user_model

    from awards.editors import reset_demo_editor

    username, _ = reset_demo_editor(username="test-editor")
    return get_user_model().objects.get(username=username)


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client
