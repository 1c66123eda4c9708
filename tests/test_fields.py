"""The partial date's model and form fields (awards.fields): stored as sortable ISO text,
entered as year, month and day."""

import pytest
from django.core.exceptions import ValidationError

from awards import models
from awards.core.dates import PartialDate
from awards.fields import PartialDateFormField
from awards.models import Event
from tests.support.admin_pages import page_text, post_decree, post_title


def test_a_day_without_a_month_gets_a_clear_message(seeded, editor_client):
    response = post_title(editor_client, established_on_year="1927", established_on_day="27")
    assert response.status_code == 200
    errors = response.context["adminform"].form.errors["established_on"]
    assert errors[0] == "День нельзя указать без месяца."
    assert not models.Title.objects.filter(slug="new-title").exists()


def test_an_impossible_date_is_explained_in_russian(seeded, editor_client):
    response = post_decree(editor_client, year="1939", month="2", day="30")

    assert "Такой даты не существует: в 1939-02 нет 30-го числа." in page_text(response)


def test_database_orders_and_filters_mixed_precisions_chronologically(make_event):
    made = [
        make_event(date=PartialDate.parse(text))
        for text in ["1988", "1927-07-27", "1921", "1938-12", "1938-12-27", "1938"]
    ]
    events = Event.objects.filter(pk__in=[event.pk for event in made])
    ordered = [event.date.isoformat() for event in events.order_by("date")]
    assert ordered == ["1921", "1927-07-27", "1938", "1938-12", "1938-12-27", "1988"]
    in_1930s = events.filter(date__gte="1930", date__lt="1940").order_by("date")
    assert [event.date.isoformat() for event in in_1930s] == ["1938", "1938-12", "1938-12-27"]


def test_dates_come_back_from_the_database_as_partial_dates(make_event):
    event = make_event(date=PartialDate(1927, 7))
    event.refresh_from_db()
    assert event.date == PartialDate(1927, 7)


class TestDateEntry:
    def field(self, required=False):
        return PartialDateFormField(required=required)

    def test_year_alone_is_a_year(self):
        assert self.field().clean(["1921", "", ""]) == PartialDate(1921)

    def test_full_date(self):
        assert self.field().clean(["1927", "7", "27"]) == PartialDate(1927, 7, 27)

    def test_empty_optional_date_is_none(self):
        assert self.field().clean(["", "", ""]) is None

    def test_day_without_month_is_an_error(self):

        with pytest.raises(ValidationError) as error:
            self.field().clean(["1927", "", "27"])
        assert error.value.code == "day_without_month"

    def test_impossible_day_is_an_error(self):

        with pytest.raises(ValidationError) as error:
            self.field().clean(["1941", "2", "29"])
        assert error.value.code == "impossible"

    def test_month_without_year_is_an_error(self):

        with pytest.raises(ValidationError) as error:
            self.field().clean(["", "7", ""])
        assert error.value.code == "month_without_year"
