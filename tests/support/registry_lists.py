"""Registry lists as researchers keep them, written for the tests: one row per conferment."""

import csv
import io
import re

from django.core.files.uploadedfile import SimpleUploadedFile

from awards.exchange.kinds.registry_list import RegistryListKind
from awards.exchange.pipeline.run import import_file
from bench.registry import HEADERS as SYNTHETIC_COLUMNS
from bench.registry import synthetic_csv

# The columns of the lists these tests write by hand: the person's key first.
COLUMNS = [
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
    """A list of ``rows``, each a published conferment of the Hero of Socialist Labour
    citing the registry's passage unless the row says otherwise; columns beyond COLUMNS
    that the rows name follow them."""
    out = io.StringIO()
    more = dict.fromkeys(name for row in rows for name in row if name not in COLUMNS)
    writer = csv.DictWriter(out, fieldnames=[*COLUMNS, *more])
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


IMPORT_LIST_URL = "/admin/awards/conferment/import-list/"
NOVIKOV = {
    "surname_ru": "Новиков",
    "given_name_ru": "Пётр",
    "patronymic_ru": "Ильич",
    "born_on": "1920-05-05",
}


def registry_list(*rows: dict, synthetic: int = 0) -> bytes:
    """A list of ``synthetic`` generated rows followed by ``rows`` (a Hero of Socialist
    Labour's draft conferment, unless the row says otherwise)."""
    out = io.StringIO()
    out.write(
        synthetic_csv(synthetic).decode() if synthetic else ",".join(SYNTHETIC_COLUMNS) + "\n"
    )
    writer = csv.DictWriter(out, fieldnames=SYNTHETIC_COLUMNS)
    for row in rows:
        writer.writerow(
            {"title": "hero-of-socialist-labour", "citations": "hsl-p4-s1", "published": "0", **row}
        )
    return out.getvalue().encode()


def upload_list(client, content: bytes, *, name: str = "list.csv"):
    """Post a registry list to the admin's upload form."""
    return client.post(IMPORT_LIST_URL, {"file": SimpleUploadedFile(name, content)})


def start_list(client, capture, content: bytes, **kwargs) -> str:
    """Upload a list and run the check it queues; the job page's address."""
    with capture(execute=True):
        response = upload_list(client, content, **kwargs)
    assert response.status_code == 302, response.content[:2000]
    assert re.fullmatch(r"/admin/awards/importjob/\d+/change/", response["Location"])
    return response["Location"]


# A person of no list, for rows that only need someone.
SYNTHETIC = {"surname_ru": "Проверочный", "given_name_ru": "Тест", "patronymic_ru": "Тестович"}


def check_then_write(data: bytes, *, file_name: str = "list.csv"):
    """The reports of a list checked (a dry run), then imported."""
    checked = import_file(kind=RegistryListKind(), data=data, file_name=file_name, dry_run=True)
    written = import_file(kind=RegistryListKind(), data=data, file_name=file_name)
    return checked, written


def import_list_command(tmp_path, *rows) -> tuple[bool, str]:
    """Import ``rows`` (as ``registry_csv`` writes them) with ``import_records registry``:
    (True, what it printed) or (False, its errors and the refusal)."""
    import io

    from django.core.management import call_command
    from django.core.management.base import CommandError

    path = tmp_path / "list.csv"
    path.write_bytes(registry_csv(*rows))
    out, err = io.StringIO(), io.StringIO()
    try:
        call_command("import_records", "registry", str(path), stdout=out, stderr=err)
    except CommandError as error:
        return False, err.getvalue() + str(error)
    return True, out.getvalue()
