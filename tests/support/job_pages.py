"""Reading the page of a background import (templates/admin/awards/importjob/progress.html)."""

import re


def counts(page_text: str) -> dict[str, str]:
    """The figures of a job's page, by their Russian row headings."""
    return dict(re.findall(r'<th scope="row">([^<]+)</th><td>([^<]+)</td>', page_text))
