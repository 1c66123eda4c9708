"""The query parameters every list shares: the language, and where the page starts."""

from __future__ import annotations

from typing import Literal

from ninja import Field, Schema

from awards.api.language import DEFAULT_LANGUAGE, Language

# Every operation reads: HEAD as GET, without the body.
READ_METHODS = ["GET", "HEAD"]


class LanguageIn(Schema):
    lang: Language = Field(DEFAULT_LANGUAGE, description="The language of texts: ru or en.")


class PageIn(LanguageIn):
    after: str | None = Field(None, description="The `next` cursor of the page before.")
    before: str | None = Field(None, description="The `previous` cursor of the page after.")
    page: Literal["last"] | None = Field(None, description="`last`: the list's last page.")
