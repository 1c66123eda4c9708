"""Presentation helpers: dates with their precision, links between languages, addresses with a
query, JSON-LD."""

import datetime
import json
from urllib.parse import quote, urlencode

from django import template
from django.conf import settings
from django.urls import reverse, translate_url
from django.utils import timezone
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import get_language, get_language_info
from django.utils.translation import gettext_lazy as _

from awards.core.dates import (
    DAY,
    IN,
    MONTH,
    YEAR,
    PartialDate,
    format_date_phrase,
    format_partial_date,
    format_styled_date,
    unbreakable,
)
from awards.core.dates import (
    date_phrase as sentence_date_phrase,
)

register = template.Library()

# What may not appear raw inside a <script> element (as django.utils.html.json_script).
_SCRIPT_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


@register.filter
def partial_date(value):
    """A date as precise as the record knows it, in the active language, on one line."""
    return unbreakable(format_partial_date(value, language=get_language()))


@register.filter
def styled_date(value, old_style):
    """A date with the Old Style day the source gives beside it, as sources write it:
    «30 декабря 1902 (12 января 1903)»; without one, as ``partial_date``."""
    return unbreakable(format_styled_date(value, old_style, language=get_language()))


@register.filter
def life_dates(person):
    """A person's dates of birth and death for a list, in brackets: "(1902–1975)" as far
    as each is known, "(born 1902)", "(died 1943)"; "" when neither is."""
    born = styled_date(person.born_on, person.born_on_old_style) if person.born_on else ""
    died = styled_date(person.died_on, person.died_on_old_style) if person.died_on else ""
    if born and died:
        return f"({born} — {died})"
    if born:
        return _("(born %(date)s)") % {"date": born}
    if died:
        return _("(died %(date)s)") % {"date": died}
    return ""


@register.filter
def date_phrase(value):
    """A date as the time a state of things holds: "in 1940", "на 1940 год"."""
    return unbreakable(format_date_phrase(value, language=get_language()))


@register.filter
def when_phrase(value):
    """A date as the time something happened: "on 27 December 1938", «в 1991 году»."""
    return unbreakable(sentence_date_phrase(value, IN, language=get_language()))


@register.filter
def day_date(value):
    """A timestamp's (or a date's) day in the style of the site's dates: "25 November 2026"."""
    if value is None:
        return ""
    aware = isinstance(value, datetime.datetime) and timezone.is_aware(value)
    day = timezone.localdate(value) if aware else value
    return unbreakable(format_partial_date(PartialDate.from_date(day), language=get_language()))


# Why the source does not say, by the boundary left open and how far it is dated.
_GAPS = {
    ("start", None): _("the source gives no date for its start"),
    ("end", None): _("the source gives no date for its end"),
    ("establishment", None): _("the source gives no date for the title’s establishment"),
    ("abolition", None): _("the source gives no date for the title’s abolition"),
    ("start", YEAR): _("its start is dated only to a year: %(date)s"),
    ("end", YEAR): _("its end is dated only to a year: %(date)s"),
    ("establishment", YEAR): _("the title’s establishment is dated only to a year: %(date)s"),
    ("abolition", YEAR): _("the title’s abolition is dated only to a year: %(date)s"),
    ("start", MONTH): _("its start is dated only to a month: %(date)s"),
    ("end", MONTH): _("its end is dated only to a month: %(date)s"),
    ("establishment", MONTH): _("the title’s establishment is dated only to a month: %(date)s"),
    ("abolition", MONTH): _("the title’s abolition is dated only to a month: %(date)s"),
}


@register.filter
def gap_text(gap):
    """Why the source does not decide a date (an ``awards.history.rules.Gap``), in words."""
    precision = gap.date.precision if gap.date is not None else None
    if precision == DAY:
        # A day decides every date but itself, and that day is not a gap.
        precision = None
    text = _GAPS[(str(gap.boundary), precision)]
    if gap.date is None:
        return str(text)
    return str(text) % {"date": unbreakable(format_partial_date(gap.date, language=get_language()))}


@register.filter
def language_name(code):
    """A language code as the language's name in the active language ("ru": "Russian")."""
    try:
        return get_language_info(code)["name_translated"]
    except KeyError:
        return code


@register.filter
def paired_with(items, others):
    """Two lists side by side, as pairs: a table's columns with a row's cells."""
    return zip(items, others, strict=True)


@register.filter
def json_ld(data):
    """Structured data as a schema.org script, safe whatever the editors wrote."""
    text = json.dumps(data, ensure_ascii=False, default=str).translate(_SCRIPT_ESCAPES)
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(text))


@register.simple_tag(takes_context=True)
def language_versions(context):
    """The current page in every language: code, own name, absolute address, current."""
    request = context["request"]
    current = get_language()
    return [
        _language_version(request, code=code, current=current) for code, _ in settings.LANGUAGES
    ]


def _language_version(request, *, code: str, current: str) -> dict:
    # The path translated once: a resolve and a reverse.
    path = translate_url(request.get_full_path(), code)
    return {
        "code": code,
        "name": get_language_info(code)["name_local"],
        "url": request.build_absolute_uri(path),
        "path": path,
        "current": code == current,
    }


@register.simple_tag(takes_context=True)
def canonical_url(context):
    """The page's own address: its path, and the query only where the view says it matters."""
    request = context["request"]
    query = context.get("canonical_query", "")
    return request.build_absolute_uri(request.path + (f"?{query}" if query else ""))


@register.simple_tag
def url_with_query(name, **query):
    """The address of a named page with its query string: a comparison already chosen."""
    return f"{reverse(name)}?{urlencode(query, quote_via=quote)}"


@register.filter
def kind_name(record):
    """What kind of record this is, as the model names itself (e.g. "normative act")."""
    return record._meta.verbose_name


@register.filter
def kind_code(record):
    return record._meta.model_name
