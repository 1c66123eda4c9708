"""The editors' admin as a browser sees it: addresses, a page's text, the data a form posts."""

import html
import re

from django.urls import reverse

from awards import models
from awards.core.dates import PartialDate


def admin_url(model, view, *args):
    """The address of one of the admin's pages of a model (changelist, add, change…)."""
    return reverse(f"admin:awards_{model._meta.model_name}_{view}", args=args)


def page_text(response):
    """The page's visible text, tags stripped, entities decoded, whitespace collapsed."""
    page = re.sub(r"<(script|style)\b.*?</\1>", " ", response.content.decode(), flags=re.S)
    return html.unescape(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", page)))


def form_data(response, **fields):
    """The add form's management data for every inline, plus the given fields."""
    data = {}
    for inline in response.context["inline_admin_formsets"]:
        prefix = inline.formset.prefix
        data.update(
            {
                f"{prefix}-TOTAL_FORMS": "0",
                f"{prefix}-INITIAL_FORMS": "0",
                f"{prefix}-MIN_NUM_FORMS": "0",
                f"{prefix}-MAX_NUM_FORMS": "1000",
            }
        )
    data.update(fields)
    return data


def posted_values(form, prefix=""):
    """What a browser would send for a bound-to-instance form, as the test client's data."""
    data = {}
    for name in form.fields:
        value = form[name].value()
        key = f"{prefix}{name}"
        if isinstance(value, PartialDate):
            data.update(
                {
                    f"{key}_year": value.year,
                    f"{key}_month": value.month or "",
                    f"{key}_day": value.day or "",
                }
            )
        elif isinstance(value, list | tuple):
            data[key] = [getattr(item, "pk", item) for item in value]
        elif isinstance(value, bool):
            if value:
                data[key] = "on"
        elif value is not None:
            data[key] = getattr(value, "pk", value)
    return data


def change_form_data(page):
    data = posted_values(page.context["adminform"].form)
    for inline in page.context["inline_admin_formsets"]:
        formset = inline.formset
        management = formset.management_form
        for name in ("TOTAL_FORMS", "INITIAL_FORMS", "MIN_NUM_FORMS", "MAX_NUM_FORMS"):
            data[f"{formset.prefix}-{name}"] = management[name].value()
        for number, form in enumerate(formset.forms):
            data.update(posted_values(form, prefix=f"{formset.prefix}-{number}-"))
    return data


def citation_inline_prefix(response):
    """The form prefix of the citations inline of an admin page."""
    return next(
        inline.formset.prefix
        for inline in response.context["inline_admin_formsets"]
        if "citation" in inline.formset.prefix.lower()
    )


def post_title(editor_client, **fields):
    """Add the title "new-title", citing the first passage, with ``fields`` posted too."""
    url = admin_url(models.Title, "add")
    page = editor_client.get(url)
    prefix = citation_inline_prefix(page)
    citation = models.Citation.objects.first()
    data = form_data(
        page,
        **{
            "slug": "new-title",
            "name_ru": "Новое звание",
            "published": "on",
            f"{prefix}-TOTAL_FORMS": "1",
            f"{prefix}-0-citation": str(citation.pk),
        },
    )
    # The editor states each boundary's basis: dated where a date is entered.
    for side in ("established", "abolished"):
        dated = any(name.startswith(f"{side}_on_") and value for name, value in fields.items())
        data[f"{side}_basis"] = "dated" if dated else "unknown"
    data.update(fields)
    return editor_client.post(url, data)


def post_decree(client, **date):
    """Add the act "new-act" dated by ``date`` (year, month, day), as the admin's form posts it."""
    url = admin_url(models.Decree, "add")
    page = client.get(url)
    fields = {"slug": "new-act", "name_ru": "Указ", "kind": "decree"}
    fields |= {f"date_{part}": value for part, value in date.items()}
    return client.post(url, form_data(page, **fields))


def history_entries(record):
    """The record's history, the latest entry first."""
    return list(record.history.order_by("-history_date", "-history_id"))


def open_form(client, record):
    """The record's change form: its address, and what a browser would post unchanged."""
    url = admin_url(type(record), "change", record.pk)
    return url, change_form_data(client.get(url))


def drafted(record):
    """The record made a draft (its history entry written, its version kept): an editor's
    change to it is written at once, not held for review (awards.records.moderation)."""
    from awards.records.revisions import record_change

    type(record)._base_manager.filter(pk=record.pk).update(published=False)
    record.refresh_from_db()
    record_change(record, created=False, reason="draft")
    return record
