"""The visitors' forms: plain GET forms that work without JavaScript.

Whatever arrives in the query string becomes a form error, never an exception.
"""

import re

from django import forms
from django.utils.dates import MONTHS
from django.utils.translation import gettext_lazy as _

from awards.core.dates import PartialDate, PartialDateError
from awards.models import Title

MAX_DATES = 6


class TitleChoiceField(forms.ModelChoiceField):
    def __init__(self, **kwargs):
        kwargs.setdefault("empty_label", _("— choose a title —"))
        super().__init__(queryset=Title.objects.for_choice(), to_field_name="slug", **kwargs)

    def label_from_instance(self, obj):
        return obj.name


class SearchForm(forms.Form):
    q = forms.CharField(label=_("Search the records"), max_length=200, strip=True)


class CompareTitlesForm(forms.Form):
    first = TitleChoiceField(label=_("First title"))
    second = TitleChoiceField(label=_("Second title"))

    def clean(self):
        cleaned_data = super().clean()
        first, second = cleaned_data.get("first"), cleaned_data.get("second")
        if first and second and first == second:
            raise forms.ValidationError(_("Choose two different titles."), code="same_title")
        return cleaned_data


class RulesOnDateForm(forms.Form):
    title = TitleChoiceField(label=_("Title"))
    year = forms.IntegerField(label=_("Year"), min_value=1000, max_value=9999)
    month = forms.TypedChoiceField(
        label=_("Month (optional)"),
        choices=[("", "—"), *MONTHS.items()],
        coerce=int,
        empty_value=None,
        required=False,
    )
    day = forms.IntegerField(label=_("Day (optional)"), min_value=1, max_value=31, required=False)

    def clean(self):
        cleaned_data = super().clean()
        year, month, day = (cleaned_data.get(name) for name in ("year", "month", "day"))
        if year is None:
            return cleaned_data
        if day is not None and month is None:
            self.add_error("day", _("A day needs a month."))
            return cleaned_data
        try:
            cleaned_data["on"] = PartialDate(year=year, month=month, day=day)
        except PartialDateError:
            self.add_error("day", _("There is no such day in this month."))
        return cleaned_data


class DatesComparisonForm(forms.Form):
    title = TitleChoiceField(label=_("Title"))
    dates = forms.CharField(
        label=_("Dates"),
        max_length=100,
        help_text=_(
            "Two to six dates separated by spaces or commas: a year (1939), "
            "a month (1941-06) or a day (1973-05-14)."
        ),
        error_messages={"required": _("Give the dates to compare the title at: two to six.")},
    )

    def clean_dates(self):
        words = [word for word in re.split(r"[\s,;]+", self.cleaned_data["dates"]) if word]
        dates = set()
        for word in words:
            try:
                dates.add(PartialDate.parse(word))
            except PartialDateError:
                raise forms.ValidationError(
                    _("“%(value)s” is not a date written as 1939, 1941-06 or 1973-05-14."),
                    code="invalid_date",
                    params={"value": word},
                ) from None
        if not 2 <= len(dates) <= MAX_DATES:
            raise forms.ValidationError(
                _("Give between two and %(max)d different dates."),
                code="count",
                params={"max": MAX_DATES},
            )
        return sorted(dates)
