"""Import and export speed of the project beside hand-written baselines (`make bench`).

Runs on its own temporary SQLite database. For each size it generates citations (a
two-table model: each citation names its source by slug) as a CSV file and measures, in
the same run:

- import: the project's import (read, validate, write with history) against a
  hand-written bulk_create of the same rows plus their history rows, and raw sqlite3
  executemany of the rows alone;
- export: the project's CSV export against csv.writer over values_list();
- peak memory of the project's export (tracemalloc), which should stay flat as rows grow.
"""

import csv
import io
import os
import sqlite3
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

SIZES = (20_000, 100_000)
SOURCES = 20
ROOT = Path(__file__).resolve().parent.parent


def setup_django(database: Path) -> None:
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_DEBUG", "1")
    os.environ["DJANGO_SETTINGS_MODULE"] = "heroes_site.settings"
    os.environ["DATABASE_URL"] = f"sqlite:///{database}"
    import django

    django.setup()
    from django.conf import settings

    # Debug mode keeps every query in memory, which a benchmark must not measure.
    settings.DEBUG = False
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


def generate_csv(rows: int) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(
        ["slug", "published", "source", "paragraph", "sentence", "quote_ru", "quote_en"]
    )
    for number in range(rows):
        writer.writerow(
            [
                f"citation-{number}",
                "TRUE" if number % 3 else "FALSE",
                f"source-{number % SOURCES}",
                number % 40 + 1,
                number % 7 + 1,
                f"Цитата номер {number}: звание присваивалось за особые трудовые заслуги.",
                f"Quotation number {number}: the title was conferred for special merit.",
            ]
        )
    return buffer.getvalue().encode("utf-8")


def timed(function):
    start = time.perf_counter()
    result = function()
    return time.perf_counter() - start, result


def clear_citations() -> None:
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("DELETE FROM awards_citation")
        cursor.execute("DELETE FROM awards_historicalcitation")


def project_import(data: bytes):
    from awards.exchange.importer import import_file
    from awards.exchange.resources import CitationResource

    report = import_file(resource=CitationResource(), data=data, file_name="bench.csv")
    assert report.ok and report.new > 0, report.errors[:5]
    return report


def bulk_create_import(data: bytes) -> None:
    """What a developer would write by hand: parse, look sources up once, bulk insert."""
    from django.db import transaction
    from django.utils import timezone

    from awards.models import Citation, Source

    sources = {source.slug: source for source in Source.objects.all()}
    now = timezone.now()
    reader = csv.reader(io.StringIO(data.decode("utf-8")))
    next(reader)
    citations = [
        Citation(
            slug=slug,
            published=published == "TRUE",
            source=sources[source],
            paragraph=int(paragraph),
            sentence=int(sentence),
            quote_ru=quote_ru,
            quote_en=quote_en,
            created_at=now,
            updated_at=now,
        )
        for slug, published, source, paragraph, sentence, quote_ru, quote_en in reader
    ]
    with transaction.atomic():
        Citation.objects.bulk_create(citations, batch_size=2000)
        Citation.history.bulk_history_create(citations, batch_size=2000)


def raw_sqlite_import(data: bytes, database: Path) -> None:
    from django.utils import timezone

    from awards.models import Source

    sources = dict(Source.objects.values_list("slug", "pk"))
    now = timezone.now().isoformat()
    reader = csv.reader(io.StringIO(data.decode("utf-8")))
    next(reader)
    rows = [
        (
            slug,
            published == "TRUE",
            now,
            now,
            sources[source],
            int(paragraph),
            int(sentence),
            quote_ru,
            quote_ru,
            quote_en,
        )
        for slug, published, source, paragraph, sentence, quote_ru, quote_en in reader
    ]
    connection = sqlite3.connect(database)
    with connection:
        connection.executemany(
            "INSERT INTO awards_citation (slug, published, created_at, updated_at, source_id,"
            " paragraph, sentence, quote, quote_ru, quote_en)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            rows,
        )
    connection.close()


def project_export() -> int:
    from awards.exchange.exporter import export_records
    from awards.exchange.resources import CitationResource

    resource = CitationResource()
    return sum(
        len(chunk)
        for chunk in export_records(
            resource=resource, queryset=resource.get_queryset(), file_format="csv"
        )
    )


def csv_writer_export() -> int:
    from awards.models import Citation

    buffer = io.StringIO()
    writer = csv.writer(buffer)
    columns = ["slug", "published", "source__slug", "paragraph", "sentence", "quote_ru", "quote_en"]
    writer.writerow(columns)
    size = 0
    for number, row in enumerate(Citation.objects.values_list(*columns).iterator(2000), 1):
        writer.writerow(row)
        if number % 2000 == 0:
            size += len(buffer.getvalue().encode("utf-8"))
            buffer.seek(0)
            buffer.truncate()
    return size + len(buffer.getvalue().encode("utf-8"))


def peak_memory(function) -> float:
    tracemalloc.start()
    function()
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return peak / 1024 / 1024


def main() -> None:
    with tempfile.TemporaryDirectory() as directory:
        database = Path(directory) / "bench.sqlite3"
        setup_django(database)
        from awards.models import Source

        Source.objects.bulk_create(
            Source(slug=f"source-{number}", name_ru=f"Источник {number}")
            for number in range(SOURCES)
        )
        print(f"SQLite {sqlite3.sqlite_version}, Python {sys.version.split()[0]}")
        print("Citations (slug, published, source by slug, two numbers, quotation ru/en)\n")
        for rows in SIZES:
            data = generate_csv(rows)
            project_import_time, _ = timed(lambda data=data: project_import(data))
            project_export_time, _ = timed(project_export)
            csv_writer_time, _ = timed(csv_writer_export)
            export_peak = peak_memory(project_export)
            clear_citations()
            bulk_create_time, _ = timed(lambda data=data: bulk_create_import(data))
            clear_citations()
            sqlite_time, _ = timed(lambda data=data: raw_sqlite_import(data, database))
            clear_citations()

            print(f"{rows:,} rows")
            print(f"  import, project (validated, with history)  {project_import_time:7.2f} s")
            print(
                f"  import, hand-written bulk_create + history {bulk_create_time:7.2f} s"
                f"   project is {project_import_time / bulk_create_time:4.1f}x (target <= 2x)"
            )
            print(
                f"  import, raw sqlite3 executemany (no hist.) {sqlite_time:7.2f} s"
                f"   project is {project_import_time / sqlite_time:4.1f}x"
            )
            print(f"  export, project CSV                        {project_export_time:7.2f} s")
            print(
                f"  export, csv.writer over values_list()      {csv_writer_time:7.2f} s"
                f"   project is {project_export_time / csv_writer_time:4.1f}x (target <= 3x)"
            )
            print(
                f"  export, project, peak memory (tracemalloc) {export_peak:7.1f} MB"
                "  (target < 200 MB)\n"
            )


if __name__ == "__main__":
    main()
