from django.shortcuts import render
from django.views.generic import DetailView

from awards import models


def home(request):
    titles = models.Title.objects.published().order_by("established_on", "slug")
    return render(request, "awards/home.html", {"titles": titles})


class RecordDetailView(DetailView):
    """A published record found by its slug; drafts and unknown slugs answer 404."""

    template_name = "awards/record_detail.html"

    def get_queryset(self):
        return self.model.objects.published()


class TitleDetailView(RecordDetailView):
    model = models.Title


class DecreeDetailView(RecordDetailView):
    model = models.Decree


class MedalDetailView(RecordDetailView):
    model = models.Medal


class EventDetailView(RecordDetailView):
    model = models.Event


class AuthorityDetailView(RecordDetailView):
    model = models.Authority


class PersonDetailView(RecordDetailView):
    model = models.Person


class ProvisionDetailView(RecordDetailView):
    model = models.Provision


class SourceDetailView(RecordDetailView):
    model = models.Source


class CitationDetailView(RecordDetailView):
    model = models.Citation
