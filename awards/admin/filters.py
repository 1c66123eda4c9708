"""List filters for the admin."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _


class DecadeListFilter(admin.SimpleListFilter):
    """Records whose partial date falls in a decade; works across year, month and day precision.

    The dates are stored as ISO text ("1921", "1927-07-27"), which compares
    chronologically, so a decade is the text range ["1920", "1930").
    """

    date_field = ""

    def lookups(self, request, model_admin):
        values = (
            model_admin.get_queryset(request)
            .exclude(**{f"{self.date_field}__isnull": True})
            .values_list(self.date_field, flat=True)
        )
        decades = sorted({value.year // 10 * 10 for value in values if value})
        return [(str(decade), _("%(decade)ss") % {"decade": decade}) for decade in decades]

    def queryset(self, request, queryset):
        if not self.value() or not self.value().isdigit():
            return queryset
        start = int(self.value())
        return queryset.filter(
            **{
                f"{self.date_field}__gte": f"{start:04d}",
                f"{self.date_field}__lt": f"{start + 10:04d}",
            }
        )


def decade_filter(date_field: str) -> type[DecadeListFilter]:
    field_title = {
        "date": _("decade"),
        "established_on": _("decade of establishment"),
        "start": _("decade of entry into force"),
    }
    return type(
        f"{date_field.title().replace('_', '')}DecadeFilter",
        (DecadeListFilter,),
        {
            "date_field": date_field,
            "parameter_name": f"{date_field}_decade",
            "title": field_title.get(date_field, _("decade")),
        },
    )
