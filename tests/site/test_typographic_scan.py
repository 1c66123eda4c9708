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


FAULTY = (
    "<p>Звание \"Герой\" и 'Труд'; 27 декабря 1938 г.</p>"
    "<p>А. Поманский ; ( медаль - золотая ) (–1927) (1927–окончание)</p>"
    '<p lang="en">the «Hero» it\'s 27 December</p>'
)
TYPESET = (
    "<p>Звание «Герой» и «Труд»; 27\u00a0декабря 1938\u00a0г. <b>«Серп и Молот»</b></p>"
    '<p lang="en">the “Hero” it’s 27\u00a0December <q lang="ru">«Герой»</q></p>'
    '<p title="a &quot;b&quot;"><code>"x"</code></p><script>var a = "b - c";</script>'
)


def test_the_scan_finds_each_kind_of_fault():
    found = {fault.what for fault in typographic_faults(f'<html lang="ru"><body>{FAULTY}</body>')}
    assert found == {
        "breakable space after an initial",
        "breakable space before «г.»",
        "breakable space inside a date",
        "hyphen with spaces between words",
        "range closed by words",
        "range with an open start",
        "space after an opening bracket or quote",
        "space before punctuation",
        "straight double quote",
        "straight single quote",
        "Russian quotation mark",
    }


def test_the_scan_reads_text_only_in_its_language():
    assert typographic_faults(f'<html lang="ru"><body>{TYPESET}</body>') == []
