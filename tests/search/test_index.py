"""The full-text index of the records' text (awards.search.index), kept current on every write."""

from django.core.management import call_command

from awards.models import Title
from tests.support.search_results import found_by_kind


def test_the_index_follows_every_write(no_records, make_title):
    new_title = make_title

    title = new_title(name_ru="Звание Ударника")
    assert found_by_kind("ударника") == {"title": {title.slug}}

    title.name_ru = "Звание Передовика"
    title.save()
    assert found_by_kind("ударника") == {}
    assert found_by_kind("передовика") == {"title": {title.slug}}

    Title.objects.filter(pk=title.pk).update(published=False)
    assert found_by_kind("передовика") == {}

    title.delete()
    assert found_by_kind("передовика") == {}


def test_records_imported_in_bulk_are_found(no_records, make_citation, tmp_path):
    new_citation = make_citation
    new_citation(slug="imported-citation")
    path = tmp_path / "titles.csv"
    path.write_text(
        "slug,name_ru,published,citations\nudarnik,Звание Ударника Труда,1,imported-citation\n",
        encoding="utf-8",
    )
    call_command("import_records", "title", str(path), verbosity=0)

    assert found_by_kind("ударник") == {"title": {"udarnik"}}


def test_people_of_the_registry_are_found_by_name_occupation_and_place(seeded):
    from awards.exchange.kinds.registry_list import RegistryListKind
    from awards.exchange.pipeline.run import import_file

    rows = (
        "surname_ru,given_name_ru,born_on,birth_place_ru,occupation_ru,title,date,citations,"
        "published\n"
        "Пахомова,Анна,1920,Тамбов,доярка,hero-of-socialist-labour,1966,hsl-p4-s1,1\n"
        "Черновой,Пётр,1921,Тамбов,токарь,hero-of-socialist-labour,1966,hsl-p4-s1,0\n"
    )
    assert import_file(kind=RegistryListKind(), data=rows.encode(), file_name="list.csv").ok
    found = found_by_kind("доярки")
    assert [slug.split("-")[0] for slug in found["person"]] == ["pakhomova"]
    assert found_by_kind("пахомовой")["person"] == found["person"]
    # A draft person is never found, by any of their words.
    assert found_by_kind("тамбов")["person"] == found["person"]
    assert found_by_kind("токарь") == {}
