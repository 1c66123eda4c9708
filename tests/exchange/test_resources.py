"""The Resources (awards.exchange.resources): the columns of the exchange files of each model."""

import pytest

from awards import models
from awards.exchange.resources import RESOURCES, resource_for
from tests.support.record_files import export_people


def test_every_model_has_a_resource_in_dependency_order():
    assert list(RESOURCES) == [
        "source",
        "citation",
        "authority",
        "person",
        "decree",
        "title",
        "medal",
        "event",
        "provision",
        "conferment",
    ]


@pytest.mark.parametrize("model_name", list(RESOURCES))
def test_columns_are_field_names_with_both_languages_and_no_ids(model_name):
    resource = resource_for(model_name)()
    headers = resource.get_export_headers()

    assert headers[0] == "slug"
    assert "id" not in headers
    assert not any(header.endswith("_id") for header in headers)
    for header in headers:
        if header.endswith("_ru"):
            assert header.removesuffix("_ru") + "_en" in headers


def test_title_columns_name_relations_by_slug():
    headers = resource_for("title")().get_export_headers()

    assert headers == [
        "slug",
        "published",
        "name_ru",
        "name_en",
        "description_ru",
        "description_en",
        "established_basis",
        "established_on",
        "established_by",
        "abolished_basis",
        "abolished_on",
        "abolished_by",
        "predecessor",
        "conferred_by",
        "citations",
        "version",
    ]


def test_an_export_carries_each_record_s_version(no_records, make_person):
    make_person(slug="ivanov", published=False)
    models.Person.objects.filter(slug="ivanov").update(version=7)

    header, row = export_people().splitlines()[:2]

    assert header.split(",")[-1] == "version"
    assert row.split(",")[-1] == "7"
