"""The language of the API's texts: ``?lang=ru`` (the default) or ``?lang=en``.

Not the visitor's browser language: an address gives the same answer to everyone, so that
it can be cited, cached and compared.
"""

from __future__ import annotations

import functools
from typing import Literal

from django.utils import translation

Language = Literal["ru", "en"]
DEFAULT_LANGUAGE: Language = "ru"


def requested_language(request) -> str:
    return "en" if request.GET.get("lang") == "en" else DEFAULT_LANGUAGE


def in_requested_language(run):
    """Run an operation, its answer serialised included, in the language asked for."""

    @functools.wraps(run)
    def wrapper(request, *args, **kwargs):
        language = requested_language(request)
        with translation.override(language):
            response = run(request, *args, **kwargs)
        response["Content-Language"] = language
        return response

    return wrapper
