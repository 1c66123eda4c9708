"""A conferment checked against its title's rules (awards.registry.checks) by every path that
writes one, and shown with its findings on the person's page."""

import io
import re

import pytest
from django.utils import translation

from awards.core.dates import PartialDate
from awards.models import Conferment, Medal
from tests.support.registry_builders import confer, hero
from tests.support.registry_pages import text_of

pytestmark = pytest.mark.usefixtures("seeded")


@pytest.fixture(autouse=True)
def english():
    with translation.override("en"):
        yield


def test_uncertain_conferments_can_be_filtered_on():
    confer(hero(), "1938")
    confer(hero(), "1950-01-01")
    assert Conferment.objects.filter(rules_uncertain=True).count() == 1


def in_russian_text(response) -> str:
    """The admin's page (in Russian, its language) with its spaces as a browser shows them."""
    return re.sub(r"\s+", " ", response.content.decode())


# Each path that writes a conferment asks the rules itself (awards.registry.checks.assess):
# the admin's form, the record-by-record import and a return to a version of the history.


def test_the_admin_form_refuses_a_conferment_the_rules_refuse(editor_client):
    from tests.support.admin_pages import admin_url, change_form_data

    conferment = confer(hero(), "1950-01-01")
    url = admin_url(Conferment, "change", conferment.pk)
    data = change_form_data(editor_client.get(url))
    data.update(date_year=1938, date_month=12, date_day=26)

    response = editor_client.post(url, data)

    assert response.status_code == 200
    assert "27 декабря 1938" in in_russian_text(response)
    conferment.refresh_from_db()
    assert str(conferment.date) == "1950-01-01"


def test_the_record_import_refuses_a_conferment_the_rules_refuse(tmp_path):
    from django.core.management import call_command
    from django.core.management.base import CommandError

    person = hero()
    path = tmp_path / "conferments.csv"
    path.write_text(
        "slug,person,title,date,citations\n"
        f"early,{person.slug},hero-of-socialist-labour,1938-12-26,hsl-p4-s1\n"
    )

    with pytest.raises(CommandError):
        call_command("import_records", "conferment", str(path), stderr=io.StringIO())

    assert not Conferment.objects.exists()


def test_a_return_to_a_version_the_rules_refuse_is_refused(editor_client):
    from tests.support.admin_pages import admin_url

    conferment = confer(hero(), "1938-12-26", check=False)
    early = conferment.history.latest("history_date")
    conferment.date = PartialDate(1950, 1, 1)
    conferment.save()
    url = admin_url(Conferment, "simple_history", conferment.pk, early.history_id)

    response = editor_client.post(url, {"base_version": conferment.version})

    assert response.status_code == 200
    assert "27 декабря 1938" in in_russian_text(response)
    conferment.refresh_from_db()
    assert str(conferment.date) == "1950-01-01"


def test_person_page_shows_each_conferment_with_its_insignia_and_source(client, heroes):
    petrov = heroes["petrov"]
    conferment = petrov.conferments.order_by("date").first()
    conferment.medal_number = "1234"
    conferment.save()
    conferment.insignia.set([Medal.objects.get(slug="hammer-and-sickle")])
    html = text_of(client.get(f"/en/people/{petrov.slug}/"))
    assert html.count('class="conferment"') == 3
    assert "medal No. 1234" in html
    assert "gold medal" in html  # due by the rules of 1949 (after the certificate)
    assert "Order of Lenin on a repeat award" in html
    assert "paragraph 4, sentence 1" in html  # the conferment's source


def test_person_page_warns_where_the_rules_are_uncertain(client):
    person = hero(surname_en="Sidorov")
    confer(person, "1938")
    html = text_of(client.get(f"/en/people/{person.slug}/"))
    assert "may fall before it" in html


@pytest.mark.django_db(transaction=True)
def test_a_person_page_reads_the_titles_rules_once_per_content_generation(editor_client):
    """The rules a person's page checks conferments against are kept until a committed
    write renews the content generation. (An editor's session: past the page cache.)"""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from awards.models import Provision

    person = hero(surname_en="Gromov")
    confer(person, "1949-06-10")
    path = f"/en/people/{person.slug}/"

    def visit():
        with CaptureQueriesContext(connection) as queries:
            html = text_of(editor_client.get(path))
        return html, len(queries)

    first, cold = visit()
    again, warm = visit()
    assert "gold medal" in first and again == first
    assert warm == cold - 5  # the title, its provisions, and their passages
    for provision in Provision.objects.filter(
        title__slug="hero-of-socialist-labour", aspect=Provision.Aspect.GOLD_MEDAL
    ):
        provision.published = False
        provision.save()
    after, queries_after = visit()
    assert "gold medal" not in after and queries_after == cold
