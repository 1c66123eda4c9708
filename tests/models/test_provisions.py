"""Provisions (awards.models.provisions): their periods validated against their acts and title;
a provision of a draft title is not published."""

import pytest

from awards import models
from awards.core.dates import PartialDate
from tests.support.validation import errors_of

pytestmark = pytest.mark.django_db


def test_provision_cannot_end_before_it_starts(make_provision):
    provision = make_provision(start=PartialDate(1973, 5, 14), end=PartialDate(1940))
    assert "end" in errors_of(provision)


def test_provision_set_by_an_act_dated_outside_the_life_of_its_title(
    make_title, make_decree, make_provision
):
    title = make_title(established_on=PartialDate(1938, 12, 27), abolished_on=PartialDate(1991))
    decree = make_decree(date=PartialDate(1995, 1, 1))
    provision = make_provision(title=title, start_decree=decree)
    message = errors_of(provision)["start_decree"][0]
    assert "вне срока существования звания" in message
    assert "1 января 1995 г." in message


def test_provision_act_and_start_date_must_agree(make_decree, make_provision):
    decree = make_decree(date=PartialDate(1940, 5, 22))
    provision = make_provision(start=PartialDate(1941), start_decree=decree)
    assert "start_decree" in errors_of(provision)


def test_provision_start_known_to_the_year_agrees_with_an_act_in_that_year(
    make_decree, make_provision
):
    decree = make_decree(date=PartialDate(1940, 5, 22))
    make_provision(start=PartialDate(1940), start_decree=decree).full_clean()


def test_a_published_provision_of_a_draft_title_is_not_published(make_title, make_provision):
    public = make_provision(title=make_title())
    hidden = make_provision(title=make_title(published=False))
    provisions = models.Provision.objects.filter(pk__in=[public.pk, hidden.pk])
    assert list(provisions.published()) == [public]
