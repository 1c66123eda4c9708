"""The public site: thin views that fetch through the models' QuerySets, compute, render."""

from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext
from django.views.decorators.http import require_safe
from django.views.generic import DetailView

from awards.history.comparisons import compare_dates, compare_titles, group_by_aspect
from awards.history.facts import title_decrees, title_facts
from awards.history.lead import title_lead, titles_lead
from awards.history.periods import ORIGINS, history_periods
from awards.history.rules import rules_on_date
from awards.models import (
    Authority,
    Citation,
    Decree,
    Event,
    Medal,
    Person,
    Provision,
    Source,
    Title,
)
from awards.registry.checks import person_conferments
from awards.search.queries import search_records
from awards.site import structured_data
from awards.site.forms import CompareTitlesForm, DatesComparisonForm, RulesOnDateForm, SearchForm
from awards.site.illustrations import medal_illustration
from awards.site.record_versions import versions_context
from awards.site.timeline.narrow import narrow_timeline_picture
from awards.site.timeline.wide import timeline_picture

# The title the home page presents, and the pair the document itself compares.
FEATURED_TITLE = "hero-of-socialist-labour"
TWIN_TITLES = ("hero-of-socialist-labour", "hero-of-the-soviet-union")
# The dates the document's changes fall between: before the medal, before and after 1973,
# the year of the last change.
SAMPLE_DATES = "1939 1941 1975 1989"


def _absolute(request, name):
    return request.build_absolute_uri(reverse(name))


def _trail(request, *pages):
    """Breadcrumbs from the home page: (name, absolute url) pairs."""
    return structured_data.breadcrumbs(
        trail=[(gettext("Heroes of Labour"), _absolute(request, "awards:home")), *pages]
    )


@require_safe
def home(request):
    return render(
        request,
        "awards/home.html",
        {
            "lead": titles_lead(titles=list(Title.objects.for_lead())),
            "structured_data": [
                structured_data.website(
                    name=gettext("Heroes of Labour"),
                    url=_absolute(request, "awards:home"),
                    search_url=_absolute(request, "awards:search"),
                )
            ],
        },
    )


@require_safe
def history(request):
    titles = list(Title.objects.for_timeline())
    periods = history_periods(
        titles=titles,
        events=list(Event.objects.for_history()),
        decrees=list(Decree.objects.for_history()),
    )
    labels = {ORIGINS: gettext("Origins of the term")}
    labels |= {period.key: period.title.name for period in periods if period.title}
    open_end = gettext("end not given in the source")
    return render(
        request,
        "awards/history.html",
        {
            "lead": titles_lead(titles=titles),
            "periods": periods,
            "picture": timeline_picture(periods=periods, labels=labels, open_end_note=open_end),
            "narrow_picture": narrow_timeline_picture(
                periods=periods, labels=labels, open_end_note=open_end
            ),
            "structured_data": [
                _trail(request, (gettext("History"), _absolute(request, "awards:history")))
            ],
        },
    )


@require_safe
def title_list(request):
    return render(
        request,
        "awards/title_list.html",
        {
            "titles": Title.objects.for_list(),
            "structured_data": [
                _trail(request, (gettext("Titles"), _absolute(request, "awards:title-list")))
            ],
        },
    )


class RecordDetailView(DetailView):
    """A published record by its slug; drafts and unknown slugs answer 404.

    The page of one of its versions (``record_version_views``) renders through the same
    view, given the history entry and the record as it is now.
    """

    http_method_names = ["get", "head"]
    entry = None
    current_record = None

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        current = self.current_record or self.object
        url = self.request.build_absolute_uri(current.get_absolute_url())
        context["structured_data"] = [
            structured_data.record(record=self.object, url=url),
            _trail(self.request, (str(self.object), url)),
        ]
        context |= versions_context(
            self.request, record=current, shown=self.object, entry=self.entry
        )
        context["current_record"] = current
        return context


class TitleDetailView(RecordDetailView):
    def get_queryset(self):
        return Title.objects.for_detail()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["provisions_by_aspect"] = group_by_aspect(list(self.object.provisions.all()))
        context["decrees"] = title_decrees(title=self.object)
        context["facts"] = title_facts(title=self.object)
        context["lead"] = title_lead(title=self.object)
        context["sample_dates"] = SAMPLE_DATES
        return context


class DecreeDetailView(RecordDetailView):
    def get_queryset(self):
        return Decree.objects.for_detail()


class MedalDetailView(RecordDetailView):
    def get_queryset(self):
        return Medal.objects.for_detail()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["illustration"] = medal_illustration(medal=self.object)
        return context


class EventDetailView(RecordDetailView):
    def get_queryset(self):
        return Event.objects.for_detail()


class AuthorityDetailView(RecordDetailView):
    def get_queryset(self):
        return Authority.objects.for_detail()


class PersonDetailView(RecordDetailView):
    def get_queryset(self):
        return Person.objects.for_detail()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["conferments"] = person_conferments(person=self.object)
        context["structured_data"][0] = structured_data.person(
            person=self.object,
            url=self.request.build_absolute_uri(self.object.get_absolute_url()),
            conferments=[checked.conferment for checked in context["conferments"]],
        )
        return context


class ProvisionDetailView(RecordDetailView):
    def get_queryset(self):
        return Provision.objects.for_detail()


class SourceDetailView(RecordDetailView):
    def get_queryset(self):
        return Source.objects.for_detail()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["paragraphs"] = [line for line in self.object.text.splitlines() if line.strip()]
        return context


class CitationDetailView(RecordDetailView):
    def get_queryset(self):
        return Citation.objects.for_detail()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["cited_by"] = self.object.cited_by()
        return context


def _comparison_of(first, second):
    fetched = {
        title.pk: title
        for title in Title.objects.for_comparison().filter(pk__in=[first.pk, second.pk])
    }
    return compare_titles(first=fetched[first.pk], second=fetched[second.pk])


@require_safe
def compare_titles_view(request):
    """Any two titles the visitor picks; the form shows alone until both are chosen."""
    bound = "second" in request.GET
    form = CompareTitlesForm(request.GET if bound else None, initial=request.GET.dict())
    comparison = None
    if bound and form.is_valid():
        comparison = _comparison_of(form.cleaned_data["first"], form.cleaned_data["second"])
    return render(
        request,
        "awards/compare_titles.html",
        {
            "form": form,
            "comparison": comparison,
            "twin_titles": TWIN_TITLES,
            "canonical_query": request.GET.urlencode() if comparison else "",
        },
    )


@require_safe
def compare_twin_titles(request):
    """The two titles the source compares: Hero of Socialist Labour and of the Soviet Union."""
    titles = {
        title.slug: title for title in Title.objects.for_comparison().filter(slug__in=TWIN_TITLES)
    }
    if len(titles) < len(TWIN_TITLES):
        raise Http404(gettext("The titles compared on this page are not published."))
    first, second = (titles[slug] for slug in TWIN_TITLES)
    form = CompareTitlesForm(initial={"first": first.slug, "second": second.slug})
    return render(
        request,
        "awards/compare_titles.html",
        {
            "form": form,
            "comparison": compare_titles(first=first, second=second),
            "twin": True,
            "twin_titles": TWIN_TITLES,
        },
    )


@require_safe
def compare_dates_view(request):
    """One title at several dates: each aspect on each date, the changes marked."""
    # A title asked for without dates is a question to answer (give the dates), not a
    # form to fill in with sample dates behind the visitor's back.
    bound = "dates" in request.GET or "title" in request.GET
    initial = {"dates": SAMPLE_DATES, "title": FEATURED_TITLE, **request.GET.dict()}
    form = DatesComparisonForm(request.GET if bound else None, initial=initial)
    over_dates = None
    if bound and form.is_valid():
        title = Title.objects.for_comparison().get(pk=form.cleaned_data["title"].pk)
        over_dates = compare_dates(
            title=title, provisions=list(title.provisions.all()), dates=form.cleaned_data["dates"]
        )
    return render(
        request,
        "awards/compare_dates.html",
        {
            "form": form,
            "over_dates": over_dates,
            "canonical_query": request.GET.urlencode() if over_dates else "",
        },
    )


@require_safe
def rules_on_date_view(request):
    """The provisions of a title in force on the date the visitor picks."""
    bound = "year" in request.GET
    initial = {"title": FEATURED_TITLE, **request.GET.dict()}
    form = RulesOnDateForm(request.GET if bound else None, initial=initial)
    rules = None
    if bound and form.is_valid():
        title = Title.objects.for_comparison().get(pk=form.cleaned_data["title"].pk)
        rules = rules_on_date(
            title=title, provisions=list(title.provisions.all()), on=form.cleaned_data["on"]
        )
    return render(
        request,
        "awards/rules_on_date.html",
        {
            "form": form,
            "rules": rules,
            "canonical_query": request.GET.urlencode() if rules else "",
        },
    )


@require_safe
def search(request):
    # The header's search box is this page's form: one box, and the same header everywhere.
    form = SearchForm(request.GET if "q" in request.GET else None, auto_id="site-search-%s")
    groups = search_records(query=form.cleaned_data["q"]) if form.is_valid() else None
    return render(
        request,
        "awards/search.html",
        {
            "form": form,
            "groups": groups,
            "result_count": sum(group.count for group in groups or []),
            "search_query": request.GET.get("q", "")[:200],
        },
    )


@require_safe
def robots_txt(request):
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        f"Sitemap: {request.build_absolute_uri(reverse('sitemap'))}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")
