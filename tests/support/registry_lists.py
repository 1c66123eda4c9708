"""Registry lists as researchers keep them, written for the tests: one row per conferment."""

import csv
import io

HEADERS = [
    "person",
    "surname_ru",
    "given_name_ru",
    "patronymic_ru",
    "born_on",
    "title",
    "date",
    "decree_date",
    "decree_number",
    "medal_number",
    "citations",
    "published",
]


def registry_csv(*rows: dict) -> bytes:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=HEADERS)
    writer.writeheader()
    for row in rows:
        writer.writerow(
            {"title": "hero-of-socialist-labour", "citations": "hsl-p4-s1", "published": "1", **row}
        )
    return out.getvalue().encode()


STAKHANOV = {
    "surname_ru": "Стаханов",
    "given_name_ru": "Алексей",
    "patronymic_ru": "Григорьевич",
    "born_on": "1906-01-03",
}
