"""The model and form fields that store a PartialDate as its sortable ISO text."""

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from awards.core.dates import PartialDate, PartialDateError


class PartialDateWidget(forms.MultiWidget):
    template_name = "awards/widgets/partial_date.html"

    def __init__(self, attrs=None):
        widgets = {
            "year": forms.NumberInput(attrs={"min": 1000, "max": 9999, "size": 4}),
            "month": forms.NumberInput(attrs={"min": 1, "max": 12, "size": 2}),
            "day": forms.NumberInput(attrs={"min": 1, "max": 31, "size": 2}),
        }
        super().__init__(widgets, attrs)

    def decompress(self, value):
        if not value:
            return [None, None, None]
        if isinstance(value, str):
            try:
                value = PartialDate.parse(value)
            except PartialDateError:
                return [None, None, None]
        return [value.year, value.month, value.day]


class PartialDateFormField(forms.MultiValueField):
    """Year, optional month and optional day, entered separately."""

    widget = PartialDateWidget
    default_error_messages = {
        "day_without_month": _("A day cannot be given without a month."),
        "month_without_year": _("A month or a day cannot be given without a year."),
        "impossible": _("This date does not exist: %(error)s."),
    }

    def __init__(self, **kwargs):
        kwargs.pop("max_length", None)
        kwargs.pop("empty_value", None)
        fields = (
            forms.IntegerField(min_value=1000, max_value=9999, required=False),
            forms.IntegerField(min_value=1, max_value=12, required=False),
            forms.IntegerField(min_value=1, max_value=31, required=False),
        )
        super().__init__(fields=fields, require_all_fields=False, **kwargs)

    def compress(self, data_list):
        if not data_list:
            return None
        year, month, day = ([*list(data_list), None, None, None])[:3]
        if year in (None, "") and month in (None, "") and day in (None, ""):
            return None
        if year in (None, ""):
            raise ValidationError(
                self.error_messages["month_without_year"], code="month_without_year"
            )
        if day not in (None, "") and month in (None, ""):
            raise ValidationError(
                self.error_messages["day_without_month"], code="day_without_month"
            )
        try:
            return PartialDate(year=year, month=month or None, day=day or None)
        except PartialDateError as error:
            raise ValidationError(
                self.error_messages["impossible"], code="impossible", params={"error": error}
            ) from error


class PartialDateField(models.CharField):
    """A date known to a year, a month or a day, stored as "YYYY", "YYYY-MM" or "YYYY-MM-DD".

    The ISO text sorts chronologically across precisions, so ordering and range filters
    work in the database on SQLite and PostgreSQL alike.
    """

    description = _("Date known to a year, a month or a day")

    def __init__(self, *args, **kwargs):
        kwargs["max_length"] = 10
        super().__init__(*args, **kwargs)
        # CharField adds a length validator, which cannot measure a PartialDate; the value
        # is validated by PartialDate itself.
        self.__dict__.pop("validators", None)

    def deconstruct(self):
        name, path, args, kwargs = super().deconstruct()
        del kwargs["max_length"]
        return name, path, args, kwargs

    def from_db_value(self, value, expression, connection):
        if value in (None, ""):
            return None
        return PartialDate.parse(value)

    def to_python(self, value):
        if value in (None, "") or isinstance(value, PartialDate):
            return value or None
        try:
            return PartialDate.parse(value)
        except PartialDateError as error:
            raise ValidationError(str(error), code="invalid") from error

    def get_prep_value(self, value):
        value = self.to_python(value)
        if value is None:
            return "" if not self.null else None
        return value.isoformat()

    def value_to_string(self, obj):
        value = self.value_from_object(obj)
        return value.isoformat() if value else ""

    def formfield(self, **kwargs):
        # The admin offers a text input for every CharField; a partial date needs its parts.
        kwargs["widget"] = PartialDateWidget
        return models.Field.formfield(self, **{"form_class": PartialDateFormField, **kwargs})
