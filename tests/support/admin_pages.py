"""The editors' admin as a browser sees it: addresses, a page's text, the data a form posts."""

import html
import re

from django.urls import reverse

from awards.core.dates import PartialDate


def admin_url(model, view, *args):
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
