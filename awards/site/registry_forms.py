"""The registry list's filters and order: a plain GET form; bad input is a form error."""

from django import forms
from django.utils.translation import gettext_lazy as _

from awards.models.registry import MANY_TIMES
from awards.site.forms import TitleChoiceField

SORT_BY_SURNAME = "surname"
SORT_BY_DATE = "date"


class RegistryFilterForm(forms.Form):
    title = TitleChoiceField(label=_("Title"), required=False, empty_label=_("— every title —"))
    year = forms.IntegerField(label=_("Year"), required=False, min_value=1000, max_value=9999)
    times = forms.TypedChoiceField(
        label=_("Conferred"),
        required=False,
        coerce=int,
        empty_value=None,
        choices=[
            ("", _("any number of times")),
            (1, _("once")),
            (2, _("twice")),
            (3, _("thrice")),
            (MANY_TIMES, _("four times and more")),
        ],
    )
    sort = forms.ChoiceField(
        label=_("Order"),
        required=False,
        choices=[(SORT_BY_SURNAME, _("by surname")), (SORT_BY_DATE, _("by date"))],
    )

    def filters(self) -> dict:
        """The filters chosen, for ``ConfermentQuerySet.filtered``; none when invalid."""
        if not self.is_valid():
            return {}
        return {name: self.cleaned_data[name] for name in ("title", "year", "times")}

    def sort_by(self) -> str:
        if self.is_valid() and self.cleaned_data["sort"]:
            return self.cleaned_data["sort"]
        return SORT_BY_SURNAME
