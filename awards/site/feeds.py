"""Atom feeds of the published changes: of the whole site and of each record.

Each entry is one published version (``records.public_history``): the record's name and
the version's number, the reason given for the change, a link to the version's permanent
address and its date. Nothing of who wrote it, and nothing of drafts.
"""

from django.apps import apps
from django.contrib.syndication.views import Feed
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext

from awards.models import RECORD_MODELS
from awards.records.public_history import latest_changes, public_reason, published_versions
from awards.site.record_versions import feed_title, record_url, version_url

# The entries a feed holds, newest first.
FEED_LENGTH = 50


def _entry_title(record, entry) -> str:
    # The record's name now: rebuilding each version's record costs a query per entry.
    return gettext("%(record)s: version %(number)s") % {"record": record, "number": entry.version}


class _ChangesFeed(Feed):
    """Entries are (record as it is now, its published history entry) pairs."""

    feed_type = Atom1Feed

    def item_title(self, item):
        return _entry_title(*item)

    def item_description(self, item):
        return public_reason(item[1])

    def item_link(self, item):
        return version_url(*item)

    def item_updateddate(self, item):
        return item[1].history_date

    def item_pubdate(self, item):
        return item[1].history_date


class SiteChangesFeed(_ChangesFeed):
    def title(self):
        return gettext("Heroes of Labour: changes of the records")

    def subtitle(self):
        return gettext("Every published change of a record, with its reason.")

    def link(self):
        return reverse("awards:home")

    def feed_url(self):
        return reverse("awards:changes-feed")

    def items(self):
        return latest_changes(RECORD_MODELS, limit=FEED_LENGTH)


class RecordChangesFeed(_ChangesFeed):
    def get_object(self, request, *, model_name, slug):
        model = apps.get_model("awards", model_name)
        return get_object_or_404(model.objects.published(), slug=slug)

    def title(self, record):
        return feed_title(record)

    def link(self, record):
        return record_url("history", record)

    def feed_url(self, record):
        return record_url("changes-feed", record)

    def items(self, record):
        entries = published_versions(type(record), record_pk=record.pk)[:FEED_LENGTH]
        return [(record, entry) for entry in entries]
