"""Stage 5 of a registry list (awards.exchange.kinds.registry_list.write): records written in bulk
read back as a save would have left them."""

import pytest
from django.db import connection
from django.utils import translation

from awards.exchange.kinds.registry_list import RegistryListKind
from awards.exchange.pipeline.run import import_file
from awards.models import Person
from tests.support.registry_lists import STAKHANOV, registry_csv

pytestmark = pytest.mark.usefixtures("seeded")


def test_records_written_in_bulk_read_back_as_saved_and_as_their_history_holds_them():
    """The import writes its rows without the query compiler (awards.core.bulk.create_records):
    each column must hold what a save would, and the history entry what the record holds."""
    with translation.override("ru"):
        report = import_file(
            kind=RegistryListKind(),
            data=registry_csv({**STAKHANOV, "date": "1970-12", "medal_number": "17"}),
            file_name="list.csv",
        )
    assert report.ok, report.error_lines()
    person = Person.objects.get(surname_ru="Стаханов")
    conferment = person.conferments.get()
    assert (str(person.born_on), str(conferment.date)) == ("1906-01-03", "1970-12")
    assert (conferment.year, conferment.medal_number, conferment.published) == (1970, "17", True)
    assert conferment.title.slug == "hero-of-socialist-labour"
    assert person.created_at.tzinfo is not None
    with connection.cursor() as cursor:
        cursor.execute("SELECT name FROM awards_person WHERE id = %s", [person.pk])
        # A translated field's own column holds the language of the write, as a save's does.
        assert cursor.fetchone()[0] == "Стаханов Алексей Григорьевич"
    entry = conferment.history.get()
    for field in ("person_id", "title_id", "date", "year", "slug", "created_at", "sort_name_ru"):
        assert getattr(entry, field) == getattr(conferment, field), field
    assert person.history.get().born_on == person.born_on
