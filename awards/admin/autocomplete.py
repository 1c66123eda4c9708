"""The admin's pickers (Django's autocomplete): choices ranked by how well their name
matches what the editor typed, and labelled so that choices can be told apart.

Every record's admin searches through ``SearchMixin``; Django's autocomplete view asks the
admin of the model it picks from for ``get_search_results`` and, here, for the label of
each choice (``autocomplete_label``).
"""

from django.contrib.admin.views.autocomplete import AutocompleteJsonView
from django.db.models import Case, IntegerField, Q, QuerySet, Value, When

# What may stand before a word inside a name: «Герой Социалистического Труда»,
# «Орден «Знак Почёта»», «Иванов-Петров», «(посмертно)».
WORD_STARTS = (" ", "-", "«", "(", '"')


def rank_by_match(queryset: QuerySet, *, field: str, term: str) -> QuerySet:
    """The queryset ordered by how well ``field`` matches ``term``: the whole name begins
    with it first, then a word of the name begins with it, then the rest (found by the
    other search fields, or elsewhere in the name); within each rank the queryset's own
    order. Case-insensitive on SQLite and PostgreSQL alike (``icontains``)."""
    term = term.strip()
    if not term:
        return queryset
    word_start = Q()
    for mark in WORD_STARTS:
        word_start |= Q(**{f"{field}__icontains": mark + term})
    rank = Case(
        When(Q(**{f"{field}__istartswith": term}), then=Value(0)),
        When(word_start, then=Value(1)),
        default=Value(2),
        output_field=IntegerField(),
    )
    ordering = list(queryset.query.order_by) or list(queryset.model._meta.ordering) or ["pk"]
    return queryset.annotate(match_rank=rank).order_by("match_rank", *ordering)


class SearchMixin:
    """An admin's search: NUL characters left out (PostgreSQL refuses them in a query);
    in a picker, choices ranked by ``rank_by_match`` on the admin's name field (the first
    search field other than the slug, unless ``match_field`` names one) and labelled by
    ``autocomplete_label``."""

    match_field: str | None = None

    def get_search_results(self, request, queryset, search_term):
        search_term = search_term.replace("\x00", "")
        queryset, may_have_duplicates = super().get_search_results(request, queryset, search_term)
        field = self.match_field or next(
            (name for name in self.search_fields if name != "slug"), None
        )
        if field and _is_autocomplete(request):
            queryset = rank_by_match(queryset, field=field.lstrip("^=@"), term=search_term)
        return queryset, may_have_duplicates

    def autocomplete_label(self, record) -> str:
        return str(record)


def _is_autocomplete(request) -> bool:
    match = getattr(request, "resolver_match", None)
    return match is not None and match.url_name == "autocomplete"


class LabelledAutocompleteView(AutocompleteJsonView):
    """Django's autocomplete view, each choice labelled by its admin's
    ``autocomplete_label`` (a passage by its place and the start of its sentence)."""

    def serialize_result(self, obj, to_field_name):
        label = getattr(self.model_admin, "autocomplete_label", str)
        return {"id": str(getattr(obj, to_field_name)), "text": label(obj)}


def labelled_autocomplete_view(admin_site):
    """The autocomplete view of ``admin_site``, for ``AdminSite.autocomplete_view``."""

    def view(request):
        return LabelledAutocompleteView.as_view(admin_site=admin_site)(request)

    return view
