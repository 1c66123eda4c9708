"""The public registry: the list of conferments, the twice and thrice honoured, the chart
of conferments per year, the ledger of medal numbers. Thin views: a QuerySet, a domain
function, a template."""

from django.http import Http404, HttpResponseBadRequest, StreamingHttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import get_language
from django.views.decorators.http import require_safe

from awards.core.keyset import PAGE_SIZE, keyset_page
from awards.exchange.exporter import export_file
from awards.exchange.kinds.registry_list import RegistryListKind
from awards.models import Conferment, Title
from awards.registry.checks import REPEAT_LISTS
from awards.registry.counts import conferments_per_year
from awards.registry.ledger import LEDGER_TITLE, ledger_anomalies, read_public_ledger
from awards.registry.lines import ConfermentLine, lines
from awards.site.public_exports import PublicLinks
from awards.site.registry_chart import year_chart
from awards.site.registry_forms import SORT_BY_DATE, RegistryFilterForm


def _name_key() -> str:
    """The sort key of names in the page's language: Russian, or transliterated."""
    return "sort_name_en" if (get_language() or "ru").startswith("en") else "sort_name_ru"


def _page(request, queryset, *, key):
    """The page of the conferments the request asks for, as the lines a list shows."""
    return keyset_page(
        queryset=lines(queryset),
        row=ConfermentLine.of,
        key=key,
        after=request.GET.get("after"),
        before=request.GET.get("before"),
        last=request.GET.get("page") == "last",
        size=PAGE_SIZE,
    )


def _query_without_paging(request) -> str:
    query = request.GET.copy()
    for name in ("after", "before", "page"):
        query.pop(name, None)
    return query.urlencode()


@require_safe
def registry_list(request):
    """Conferments filtered by title, year and number of awards, by surname or by date."""
    form = RegistryFilterForm(request.GET or None)
    key = "date" if form.sort_by() == SORT_BY_DATE else _name_key()
    conferments = Conferment.objects.for_registry().filtered(
        **form.filters(), by_date=key == "date"
    )
    page = _page(request, conferments, key=key)
    return render(
        request,
        "awards/registry_list.html",
        {
            "form": form,
            "page": page,
            "filtered": any(value is not None for value in form.filters().values()),
            "query": _query_without_paging(request),
            "registry_empty": page.at_start and page.at_end and not page.items and not request.GET,
        },
    )


@require_safe
def registry_export(request):
    """The registry list's current result (its filters, every page) as a registry list
    CSV, streamed; the file named for its filters and the day."""
    form = RegistryFilterForm(request.GET or None)
    if form.is_bound and not form.is_valid():
        return HttpResponseBadRequest(form.errors.as_text(), content_type="text/plain")
    filters = form.filters()
    conferments = Conferment.objects.for_registry().filtered(**filters, by_date=True)
    chunks = export_file(
        kind=PublicLinks(RegistryListKind()), file_format="csv", queryset=conferments
    )
    response = StreamingHttpResponse(chunks, content_type="text/csv; charset=utf-8")
    name = export_file_name(filters=filters, day=timezone.localdate().isoformat())
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


def export_file_name(*, filters: dict, day: str) -> str:
    """«registry_title-hero-of-socialist-labour_year-1975_2026-12-07.csv»: the filters
    chosen, in the form's order, and the day."""
    parts = [
        f"{name}-{getattr(value, 'slug', value)}"
        for name, value in filters.items()
        if value is not None
    ]
    return "_".join(["registry", *parts, day]) + ".csv"


@require_safe
def repeat_recipients(request, times_name):
    """The people who received a title twice, or thrice: one line each, with every date."""
    if times_name not in REPEAT_LISTS:
        raise Http404
    times = REPEAT_LISTS[times_name]
    page = _page(request, Conferment.objects.for_registry().repeated(times=times), key=_name_key())
    dates = Conferment.objects.for_registry().dates_of_pairs(page.items)
    return render(
        request,
        "awards/registry_repeat.html",
        {
            "times_name": times_name,
            "page": page,
            "rows": [(item, dates[item.person_id, item.title_id]) for item in page.items],
            "query": "",
        },
    )


@require_safe
def registry_years(request):
    """Conferments per year: a bar chart and the same numbers as a table."""
    form = RegistryFilterForm(request.GET or None)
    title = form.filters().get("title")
    counts = conferments_per_year(title=title)
    return render(
        request,
        "awards/registry_years.html",
        {
            "form": form,
            "counts": counts,
            "chart": year_chart(counts=counts),
            "title_query": f"&title={title.slug}" if title else "",
        },
    )


@require_safe
def medal_ledger(request):
    """A title's medal numbers against their dates, what calls for a look flagged, and
    every number in order, a page at a time."""
    form = RegistryFilterForm(request.GET or None)
    title = (
        form.filters().get("title") or Title.objects.published().filter(slug=LEDGER_TITLE).first()
    )
    conferments = Conferment.objects.for_registry().filter(title=title)
    ledger, records = read_public_ledger(title=title, conferments=conferments)
    page = _page(request, conferments.filter(medal_order__isnull=False), key="medal_order")
    return render(
        request,
        "awards/registry_medals.html",
        {
            "form": form,
            "title": title,
            "ledger": ledger,
            "anomalies": ledger_anomalies(
                ledger, records, url_of=lambda record: record.get_absolute_url()
            ),
            "page": page,
            "query": _query_without_paging(request),
        },
    )
