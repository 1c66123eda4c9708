"""A record page's versions: the permanent address of the version shown, how to cite it,
and the record rebuilt as one of its versions was.

Every record page names the version it shows (``<link rel="cite-as">``, RFC 8574) by the
address of its history entry, ``/<kind>/<slug>/versions/<history id>/``, which keeps
showing that version after later changes.
"""

from django.db.models import prefetch_related_objects
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language, gettext

from awards.records.public_history import current_version
from awards.records.revisions import links_at
from awards.site.citing import CitedVersion, reference


def record_url(name: str, record, **kwargs) -> str:
    """The address of one of a record's pages (``version``, ``history``, …) by its name."""
    model_name = record._meta.model_name
    return reverse(f"awards:{model_name}-{name}", kwargs={"slug": record.slug, **kwargs})


def version_url(record, entry, name: str = "version") -> str:
    return record_url(name, record, history_id=entry.history_id)


def feed_title(record) -> str:
    return gettext("Changes of the record: %(record)s") % {"record": record}


def cited_version(request, *, record, entry, title: str) -> CitedVersion:
    """A version as its citation names it (``title``: the record's name in that version),
    accessed today."""
    language = get_language() or "ru"
    return CitedVersion(
        title=title,
        site=gettext("Heroes of Labour"),
        number=entry.version,
        date=timezone.localdate(entry.history_date),
        url=request.build_absolute_uri(version_url(record, entry)),
        accessed=timezone.localdate(),
        language=language,
        key=f"heroes-of-labour-{record._meta.model_name}-{record.slug}-v{entry.version}",
    )


def versions_context(request, *, record, shown, entry=None) -> dict:
    """What a record page shows of its versions: the version shown (``entry`` and the
    record as it was, ``shown``; or the record as it is now), how to cite it, whether a
    newer one exists, the history and feed.
    """
    current = current_version(record)
    context = {
        "history_url": record_url("history", record),
        "feed_url": record_url("changes-feed", record),
        "feed_title": feed_title(record),
    }
    entry = entry or current
    if entry is None:
        return context
    cited = cited_version(request, record=record, entry=entry, title=str(shown))
    return context | {
        "cited": cited,
        "citing": {
            "reference": reference(cited),
            "bibtex_url": version_url(record, entry, "cite-bib"),
            "csl_url": version_url(record, entry, "cite-json"),
        },
        "newer_version": current is not None and current.history_id != entry.history_id,
    }


def record_at(entry, *, model):
    """The record as a history entry shows it, with its relations as its page reads them:
    its own links (citations, issuing bodies, …) as the version had them, the records that
    link to it as they are now; drafts left out of both, as on the record's page."""
    record = entry.instance
    prefetch_related_objects([record], *model.objects.for_detail()._prefetch_related_lookups)
    for name, linked in links_at(entry).items():
        related = model._meta.get_field(name).related_model
        record._prefetched_objects_cache[name] = related.objects.published().filter(
            pk__in=[item.pk for item in linked]
        )
    return record
