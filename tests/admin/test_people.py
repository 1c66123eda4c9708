"""The people in the admin (awards.admin.people): merging two records of one person, and
the report of people who may be recorded twice. People invented."""

import re

import pytest

from awards.models import Person
from tests.support.registry_builders import confer, hero

pytestmark = pytest.mark.usefixtures("seeded")


def test_a_chief_editor_merges_two_selected_people_choosing_the_one_kept(chief_editor_client):
    first = hero(surname="Проверёв")
    second = hero(surname="Проверев", slug="proverev-twice")
    confer(second, "1950-01-01")

    chosen = chief_editor_client.post(
        "/admin/awards/person/",
        {"action": "merge", "_selected_action": [first.pk, second.pk]},
    )
    assert chosen.status_code == 302
    page = chief_editor_client.get(chosen["Location"])
    assert "Проверёв" in page.content.decode() and "Проверев" in page.content.decode()

    done = chief_editor_client.post(chosen["Location"], {"keep": first.pk})

    assert done.status_code == 302
    assert not Person.objects.filter(pk=second.pk).exists()
    assert first.conferments.count() == 1


def test_an_editor_may_not_merge(editor_client):
    first, second = hero(surname="Проверёв"), hero(surname="Проверев", slug="proverev-2")

    url = f"/admin/awards/person/merge/{first.pk}/{second.pk}/"

    response = editor_client.post(url, {"keep": first.pk})

    assert response.status_code == 403
    assert Person.objects.filter(pk=second.pk).exists()


def test_the_report_lists_people_who_may_be_recorded_twice_and_only_them(editor_client):
    hero(surname="Проверёв", given_name="Василий", patronymic="Алексеевич")
    hero(surname="Проверев", given_name="В.", patronymic="А.", slug="initials")
    hero(surname="Проверев", given_name="Пётр", patronymic="Алексеевич", slug="another")

    page = editor_client.get("/admin/awards/person/duplicates/").content.decode()

    listed = re.search(r'<ul class="person-duplicates">(.*?)</ul>', page, re.S).group(1)
    pairs = [re.findall(r">([^<]+)</a>", item) for item in listed.split("<li>")[1:]]
    assert [names[:2] for names in pairs] == [["Проверёв Василий Алексеевич", "Проверев В. А."]]


def test_the_list_of_people_links_the_report_of_possible_duplicates(editor_client):
    page = editor_client.get("/admin/awards/person/").content.decode()

    assert 'href="/admin/awards/person/duplicates/"' in page
    assert "Возможные дубли" in page


def test_other_names_are_edited_on_the_person_and_found_at_once(chief_editor_client):
    # A chief editor's change of a published person is written at once; an editor's waits
    # for review (tests/admin/test_moderation.py).
    editor_client = chief_editor_client
    from awards.models import OtherName
    from tests.support.admin_pages import admin_url, change_form_data
    from tests.support.search_results import found_by_kind

    person = hero(surname="Пробнов", occupation_ru="вымышленная запись")
    url = admin_url(Person, "change", person.pk)
    data = change_form_data(editor_client.get(url))
    data |= {
        "other_names-TOTAL_FORMS": 1,
        "other_names-0-name": "Испытателев-Пробный",
        "other_names-0-kind": "pen",
        "other_names-0-language": "ru",
    }

    response = editor_client.post(url, data)

    assert response.status_code == 302, response.context["adminform"].form.errors
    other = OtherName.objects.get(person=person)
    assert (other.name, other.kind, other.language) == ("Испытателев-Пробный", "pen", "ru")
    assert other.history.count() == 1
    assert found_by_kind("Испытателев")["person"] == {person.slug}
    assert found_by_kind("Ispytatelev")["person"] == {person.slug}


def test_the_list_of_people_is_in_russian_alphabetical_order_yo_with_ye(editor_client):
    hero(surname="Пробкоролевич", given_name="Андрей", slug="korolevich")
    hero(surname="Пробкоролёв", given_name="Пётр", slug="korolyov")
    hero(surname="Пробкоролев", given_name="Яков", slug="korolev")

    page = editor_client.get("/admin/awards/person/?q=Пробкорол").content.decode()

    found = re.findall(r"Пробкорол\w+ \w+", page)
    assert list(dict.fromkeys(found)) == [
        "Пробкоролёв Пётр",
        "Пробкоролев Яков",
        "Пробкоролевич Андрей",
    ]


def test_the_sex_derived_from_the_patronymic_is_shown_so(editor_client):
    derived = hero(surname="Пробная", given_name="Анна", patronymic="Пробовна")
    stated = hero(surname="Пробная", given_name="Анна", patronymic="", slug="stated", sex="female")
    unknown = hero(surname="Пробный", given_name="", patronymic="", slug="unknown")

    def shown(person):
        page = editor_client.get(f"/admin/awards/person/{person.pk}/change/").content.decode()
        return re.sub(r"\s+", " ", page)

    assert "женский (определён по отчеству)" in shown(derived)
    page = shown(stated)
    assert "женский" in page and "определён по отчеству" not in page
    assert "не известен: тексты о человеке написаны так" in shown(unknown)
