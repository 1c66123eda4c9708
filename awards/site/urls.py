from django.urls import path

from awards.site import data_views, feeds, previews, record_version_views, registry_views, views

app_name = "awards"

urlpatterns = [
    path("", views.home, name="home"),
    path("history/", views.history, name="history"),
    path("feeds/changes.atom", feeds.SiteChangesFeed(), name="changes-feed"),
    path("search/", views.search, name="search"),
    path("compare/", views.compare_titles_view, name="compare-titles"),
    path("compare/heroes/", views.compare_twin_titles, name="compare-twin-titles"),
    path("compare/dates/", views.compare_dates_view, name="compare-dates"),
    path("rules/", views.rules_on_date_view, name="rules-on-date"),
    path("data/", data_views.data_releases, name="data"),
    path("data/<str:release>/<str:name>", data_views.data_file, name="data-file"),
    path("registry/", registry_views.registry_list, name="registry"),
    path("registry/export.csv", registry_views.registry_export, name="registry-export"),
    path("registry/years/", registry_views.registry_years, name="registry-years"),
    path("registry/medals/", registry_views.medal_ledger, name="registry-medals"),
    path(
        "registry/<slug:times_name>/",
        registry_views.repeat_recipients,
        name="registry-repeat",
    ),
    path("titles/", views.title_list, name="title-list"),
    path("titles/<slug:slug>/", views.TitleDetailView.as_view(), name="title-detail"),
    path("decrees/<slug:slug>/", views.DecreeDetailView.as_view(), name="decree-detail"),
    path("insignia/<slug:slug>/", views.MedalDetailView.as_view(), name="medal-detail"),
    path("events/<slug:slug>/", views.EventDetailView.as_view(), name="event-detail"),
    path("authorities/<slug:slug>/", views.AuthorityDetailView.as_view(), name="authority-detail"),
    path("people/<slug:slug>/", views.PersonDetailView.as_view(), name="person-detail"),
    path("provisions/<slug:slug>/", views.ProvisionDetailView.as_view(), name="provision-detail"),
    path("sources/<slug:slug>/", views.SourceDetailView.as_view(), name="source-detail"),
    path("citations/<slug:slug>/", views.CitationDetailView.as_view(), name="citation-detail"),
    path("preview/revisions/<int:pk>/", previews.revision_preview, name="revision-preview"),
]

# The address prefix of each kind of record's pages.
RECORD_PREFIXES = {
    "title": "titles",
    "decree": "decrees",
    "medal": "insignia",
    "event": "events",
    "authority": "authorities",
    "person": "people",
    "provision": "provisions",
    "source": "sources",
    "citation": "citations",
}

for model_name, prefix in RECORD_PREFIXES.items():
    kind = {"model_name": model_name}
    version = f"{prefix}/<slug:slug>/versions/<int:history_id>/"
    urlpatterns += [
        path(
            f"{prefix}/<slug:slug>/history/",
            record_version_views.record_history,
            kind,
            name=f"{model_name}-history",
        ),
        path(
            f"{prefix}/<slug:slug>/changes.atom",
            feeds.RecordChangesFeed(),
            kind,
            name=f"{model_name}-changes-feed",
        ),
        path(version, record_version_views.record_version, kind, name=f"{model_name}-version"),
        path(
            f"{version}cite.bib",
            record_version_views.cite_bibtex,
            kind,
            name=f"{model_name}-cite-bib",
        ),
        path(
            f"{version}cite.json",
            record_version_views.cite_csl_json,
            kind,
            name=f"{model_name}-cite-json",
        ),
    ]
