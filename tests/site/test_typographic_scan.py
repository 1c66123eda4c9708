"""Every public page, in both languages, typeset: the scan of tests.support.typographic_scan
finds no fault in the text of any of them (the rules and comparison pages included)."""

import pytest

from tests.support.public_pages import LANGUAGES, every_public_page_path
from tests.support.typographic_scan import typographic_faults


@pytest.fixture
def every_page(seeded, heroes):
    return [path for language in LANGUAGES for path in every_public_page_path(language=language)]


def test_every_public_page_is_typeset(client, every_page):
    faults = {}
    for path in every_page:
        response = client.get(path)
        assert response.status_code == 200, path
        found = typographic_faults(response.content.decode())
        if found:
            faults[path] = [str(fault) for fault in found]
    count = sum(len(found) for found in faults.values())
    report = "\n".join(f"{path}\n  " + "\n  ".join(found) for path, found in faults.items())
    assert not faults, f"{count} faults on {len(faults)} of {len(every_page)} pages:\n{report}"
