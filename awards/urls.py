from django.urls import path

from awards import views

app_name = "awards"

urlpatterns = [
    path("", views.home, name="home"),
    path("titles/<slug:slug>/", views.TitleDetailView.as_view(), name="title-detail"),
    path("decrees/<slug:slug>/", views.DecreeDetailView.as_view(), name="decree-detail"),
    path("insignia/<slug:slug>/", views.MedalDetailView.as_view(), name="medal-detail"),
    path("events/<slug:slug>/", views.EventDetailView.as_view(), name="event-detail"),
    path("authorities/<slug:slug>/", views.AuthorityDetailView.as_view(), name="authority-detail"),
    path("people/<slug:slug>/", views.PersonDetailView.as_view(), name="person-detail"),
    path("provisions/<slug:slug>/", views.ProvisionDetailView.as_view(), name="provision-detail"),
    path("sources/<slug:slug>/", views.SourceDetailView.as_view(), name="source-detail"),
    path("citations/<slug:slug>/", views.CitationDetailView.as_view(), name="citation-detail"),
]
