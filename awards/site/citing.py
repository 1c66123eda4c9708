"""How to cite a version of a record: a reference in words, BibTeX and CSL-JSON.

A citation names the version (its number and date), its permanent address and the day the
reader accessed it. Russian pages give the reference as ГОСТ Р 7.0.100–2018 describes an
electronic resource («Заглавие // Сайт : [сайт]. — Версия … — URL: … (дата обращения:
…).»); English pages in the common author–title style with "Accessed".
"""

import datetime
import json
from dataclasses import dataclass

from awards.core.dates import PartialDate, format_partial_date


@dataclass(frozen=True)
class CitedVersion:
    """One version of a record as a citation names it."""

    title: str
    site: str
    number: int
    date: datetime.date
    url: str
    accessed: datetime.date
    language: str
    key: str


def _numeric(day: datetime.date) -> str:
    return day.strftime("%d.%m.%Y")


def _words(day: datetime.date, language: str) -> str:
    return format_partial_date(PartialDate.from_date(day), language=language)


def reference(cited: CitedVersion) -> str:
    """The reference to paste into a text, in the form of the page's language."""
    if cited.language == "ru":
        return (
            f"{cited.title} // {cited.site} : [сайт]. — Версия {cited.number} от "
            f"{_numeric(cited.date)}. — URL: {cited.url} "
            f"(дата обращения: {_numeric(cited.accessed)})."
        )
    return (
        f"“{cited.title}.” {cited.site}, version {cited.number}, "
        f"{_words(cited.date, 'en')}. {cited.url}. Accessed {_words(cited.accessed, 'en')}."
    )


_BIBTEX_SPECIAL = str.maketrans(
    {
        "\\": r"\textbackslash{}",
        "{": r"\{",
        "}": r"\}",
        "&": r"\&",
        "%": r"\%",
        "$": r"\$",
        "#": r"\#",
        "_": r"\_",
        "~": r"\textasciitilde{}",
        "^": r"\textasciicircum{}",
    }
)


def bibtex(cited: CitedVersion) -> str:
    """A biblatex ``@online`` entry (BibTeX reads it as ``@misc`` with a URL)."""

    def text(value: str) -> str:
        return value.translate(_BIBTEX_SPECIAL)

    fields = [
        ("title", f"{{{text(cited.title)}}}"),
        ("organization", text(cited.site)),
        ("date", cited.date.isoformat()),
        ("year", str(cited.date.year)),
        ("version", str(cited.number)),
        ("url", cited.url),
        ("urldate", cited.accessed.isoformat()),
        ("langid", "russian" if cited.language == "ru" else "english"),
    ]
    body = ",\n".join(f"  {name} = {{{value}}}" for name, value in fields)
    return f"@online{{{cited.key},\n{body}\n}}\n"


def _date_parts(day: datetime.date) -> dict:
    return {"date-parts": [[day.year, day.month, day.day]]}


def csl_json(cited: CitedVersion) -> str:
    """The version as a CSL-JSON item list (what Zotero and citeproc read)."""
    item = {
        "id": cited.key,
        "type": "webpage",
        "title": cited.title,
        "container-title": cited.site,
        "version": str(cited.number),
        "issued": _date_parts(cited.date),
        "accessed": _date_parts(cited.accessed),
        "URL": cited.url,
        "language": cited.language,
    }
    return json.dumps([item], ensure_ascii=False, indent=2) + "\n"
