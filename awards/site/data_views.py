"""The data releases for download (``/data/``): each release's manifest, its files with
their checksums. Only the files a manifest lists are served, by name, from the folder of
releases (settings.DATA_RELEASES_DIR)."""

import datetime
from pathlib import Path

from django.conf import settings
from django.http import FileResponse, Http404
from django.shortcuts import render
from django.utils.text import capfirst
from django.views.decorators.http import require_safe

from awards.models import RECORD_MODELS, REGISTRY_MODELS
from awards.site.data_releases import MANIFEST, read_releases, release_file


def _folder() -> Path:
    return Path(settings.DATA_RELEASES_DIR)


@require_safe
def data_releases(request):
    releases = [
        {
            "manifest": manifest,
            "day": datetime.date.fromisoformat(manifest["release_date"]),
            "counts": [
                (capfirst(_kind_names().get(kind, kind)), count)
                for kind, count in manifest.get("counts", {}).items()
            ],
        }
        for manifest in read_releases(_folder())
    ]
    return render(
        request,
        "awards/data_releases.html",
        {"releases": releases, "manifest_name": MANIFEST},
    )


def _kind_names() -> dict[str, str]:
    return {
        model._meta.model_name: model._meta.verbose_name_plural
        for model in (*RECORD_MODELS, *REGISTRY_MODELS)
    }


@require_safe
def data_file(request, *, release: str, name: str):
    path = release_file(_folder(), release=release, name=name)
    if path is None or not path.is_file():
        raise Http404
    content_type = "text/csv" if name.endswith(".csv") else "application/json"
    if name.endswith(".jsonld"):
        content_type = "application/ld+json"
    return FileResponse(
        path.open("rb"),
        as_attachment=name != MANIFEST,
        filename=f"heroes-of-labour-{release}-{name}",
        content_type=f"{content_type}; charset=utf-8",
    )
