"""The registry's lines (awards.registry.lines): read as values, they show what the records
show, in both languages; the list renders each line as it rendered each record. The people
are invented."""

import pytest
from django.template.loader import render_to_string
from django.utils import translation

from awards.core.dates import PartialDate
from awards.models import Conferment, Decree
from awards.registry.lines import ConfermentLine, lines
from tests.support.registry_builders import confer, hero

pytestmark = pytest.mark.usefixtures("seeded")


@pytest.fixture
def varied(db):
    """Conferments that differ in every way a line shows: a person without an English
    name, one who died before an award, a revoked and a restored award, an act that is a
    draft and one that is published, a medal number."""
    plain = hero(surname="Строчкин")
    confer(plain, "1950-01-01", medal_number="1001")
    dead = hero(surname="Посмертнов", surname_en="Posmertnov", died_on=PartialDate(1943, 5, 2))
    confer(dead, "1943-06-01", check=False)
    stated = confer(hero(surname="Заявленов"), "1951-02-03")
    stated.posthumous = True
    stated.save()
    revoked = confer(hero(surname="Лишенов"), "1952-03-04")
    revoked.revoked_on = PartialDate(1960)
    revoked.save()
    restored = confer(hero(surname="Возвращенов"), "1953-04-05")
    restored.revoked_on, restored.restored_on = PartialDate(1960), PartialDate(1965)
    restored.save()
    for published, surname in ((True, "Указов"), (False, "Черновиков")):
        conferment = confer(hero(surname=surname), "1954-05-06")
        conferment.decree = Decree.objects.create(
            slug=f"decree-{surname}", name_ru=f"Указ {surname}", name_en=f"Decree {surname}",
            date=PartialDate(1954, 5, 6), published=published,
        )  # fmt: skip
        conferment.save()
    return Conferment.objects.for_registry()


@pytest.mark.parametrize("language", ["ru", "en"])
def test_a_line_shows_what_its_record_shows(varied, language):
    records = {record.pk: record for record in varied}
    with translation.override(language):
        for line in (ConfermentLine.of(row) for row in lines(varied)):
            record = records[line.pk]
            assert str(line.person) == str(record.person)
            assert line.person.get_absolute_url() == record.person.get_absolute_url()
            assert str(line.title) == str(record.title)
            assert line.get_absolute_url() == record.get_absolute_url()
            assert (line.is_posthumous, line.revoked) == (record.is_posthumous, record.revoked)
            if record.decree is None:
                assert line.decree is None
            else:
                assert str(line.decree) == str(record.decree)
                assert line.decree.published == record.decree.published
                assert line.decree.get_absolute_url() == record.decree.get_absolute_url()
    assert sum(line.is_posthumous for line in map(ConfermentLine.of, lines(varied))) == 2
    assert sum(line.revoked for line in map(ConfermentLine.of, lines(varied))) == 1


@pytest.mark.parametrize("language", ["ru", "en"])
def test_the_list_renders_a_line_as_it_rendered_its_record(varied, language):
    records = {record.pk: record for record in varied}
    with translation.override(language):
        for line in (ConfermentLine.of(row) for row in lines(varied)):
            assert render_to_string(
                "components/_conferment_line.html", {"conferment": line}
            ) == render_to_string(
                "components/_conferment_line.html", {"conferment": records[line.pk]}
            )
