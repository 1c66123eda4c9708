"""Reading the registry's public pages: their text, the names they list."""

import re


def text_of(response) -> str:
    """The page's HTML with its white space as a browser shows it: runs of it (no-break
    spaces, which dates are written with, included) as one space."""
    return re.sub(r"\s+", " ", response.content.decode())


def names_on(response) -> list[str]:
    """The names of the people the registry's page lists, in its order."""
    html = response.content.decode()
    return re.findall(r'class="registry-entry__name">\s*<a href="[^"]+">([^<]+)</a>', html)
