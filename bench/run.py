"""Import and export speed of the project beside baselines measured in the same run
(`make bench`).

Runs on its own temporary SQLite database. For each size it generates events (a model
with links: each event cites a passage and names a title and an insignia, all by slug)
as a CSV file, and measures:

- import: the project's import (read, validate, write with history) against
  - raw sqlite3 ``executemany`` of exactly the table rows the project's import wrote, in
    every table (records, links, history of both), read back after the import;
  - django-import-export's stock bulk import of the same file (``use_bulk``, relations by
    ``ForeignKeyWidget``/``ManyToManyWidget`` on the slug), which writes no history;
- export: the project's CSV export against ``csv.writer`` over ``values_list()``, and the
  peak memory of the project's export (tracemalloc), which should stay flat as rows grow;
- the same import again in a fresh process, for its peak memory (the process's peak RSS
  growth over the import, as bench/registry.py measures it; goal ≤ 300 MB), and at the
  largest size on PostgreSQL too when ``BENCH_POSTGRES_URL`` names a database this
  benchmark may recreate (its time as a ratio to SQLite's in the same run; goal ≤ 1.5×).

The goals of the import (issue 22) are printed beside the figures: within 3× raw inserts,
300 MB, 1.5× SQLite. The stock import is measured up to ``--stock-up-to`` rows (20,000).

``python bench/run.py --sizes 2000`` runs smaller sizes; ``--profile`` prints where the
project's import spends its time.
"""

import argparse
import cProfile
import csv
import io
import json
import os
import pstats
import resource
import sqlite3
import subprocess
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

SIZES = (20_000, 100_000)
STOCK_UP_TO = 20_000
# The goals of issue 22 for imports.
MAX_PEAK_MB = 300
MAX_RATIO_TO_RAW = 3
MAX_RATIO_TO_SQLITE = 1.5
TARGETS = 20
ROOT = Path(__file__).resolve().parent.parent
# The columns of the generated file, read by the project's import and the stock one alike.
EVENT_COLUMNS = (
    "slug",
    "published",
    "date",
    "name_ru",
    "name_en",
    "description_ru",
    "titles",
    "medals",
    "citations",
)
EVENT_TABLES = (
    "awards_event",
    "awards_event_citations",
    "awards_event_titles",
    "awards_event_medals",
    "awards_historicalevent",
    "awards_historicalevent_citations",
    "awards_historicalevent_titles",
    "awards_historicalevent_medals",
)


def setup_django(database: Path | str) -> None:
    """Django on a SQLite file, or on the database a URL names."""
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_DEBUG", "1")
    os.environ["DJANGO_SETTINGS_MODULE"] = "heroes_site.settings"
    os.environ["DATABASE_URL"] = database if isinstance(database, str) else f"sqlite:///{database}"
    import django

    django.setup()
    from django.conf import settings

    # Debug mode keeps every query in memory, which a benchmark must not measure.
    settings.DEBUG = False
    settings.IMPORT_MAX_UPLOAD_BYTES = 1024 * 1024 * 1024
    settings.IMPORT_MAX_ROWS = 10_000_000
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


def create_targets() -> None:
    from awards.models import Citation, Medal, Source, Title

    source = Source.objects.create(slug="source", name_ru="Источник")
    Citation.objects.bulk_create(
        Citation(slug=f"citation-{n}", source=source, paragraph=1, sentence=n + 1, quote_ru="…")
        for n in range(TARGETS)
    )
    Title.objects.bulk_create(
        Title(slug=f"title-{n}", name_ru=f"Звание {n}") for n in range(TARGETS)
    )
    Medal.objects.bulk_create(
        Medal(slug=f"medal-{n}", name_ru=f"Медаль {n}", kind="medal") for n in range(TARGETS)
    )


def generate_csv(rows: int) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(EVENT_COLUMNS)
    for number in range(rows):
        writer.writerow(
            [
                f"event-{number}",
                "TRUE" if number % 3 else "FALSE",
                f"{1921 + number % 70}-{number % 12 + 1:02d}",
                f"Событие номер {number}",
                f"Event number {number}",
                f"Звание присваивалось за особые трудовые заслуги ({number}).",
                f"title-{number % TARGETS}",
                f"medal-{number % TARGETS}",
                f"citation-{number % TARGETS}",
            ]
        )
    return buffer.getvalue().encode("utf-8")


def timed(function):
    start = time.perf_counter()
    result = function()
    return time.perf_counter() - start, result


def clear_events(database: Path) -> None:
    connection = sqlite3.connect(database)
    with connection:
        for table in reversed(EVENT_TABLES):
            connection.execute(f"DELETE FROM {table}")
    connection.close()


def project_import(data: bytes):
    from awards.exchange.kinds.records import RecordKind
    from awards.exchange.pipeline.run import import_file
    from awards.exchange.resources import EventResource

    report = import_file(kind=RecordKind(EventResource()), data=data, file_name="bench.csv")
    assert report.ok and report.new > 0, report.errors[:5]
    return report


def written_rows(database: Path) -> dict[str, tuple[list[str], list[tuple]]]:
    """Every row of the tables an import of events writes: columns and values."""
    connection = sqlite3.connect(database)
    tables = {}
    for table in EVENT_TABLES:
        cursor = connection.execute(f"SELECT * FROM {table}")
        tables[table] = ([column[0] for column in cursor.description], cursor.fetchall())
    connection.close()
    return tables


def raw_executemany(database: Path, tables: dict) -> int:
    """Insert exactly these rows with sqlite3's executemany, in one transaction."""
    connection = sqlite3.connect(database)
    count = 0
    with connection:
        for table in EVENT_TABLES:
            columns, rows = tables[table]
            marks = ", ".join("?" for _ in columns)
            connection.executemany(
                f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({marks})",
                rows,
            )
            count += len(rows)
    connection.close()
    return count


def stock_import(data: bytes) -> None:
    """django-import-export as its documentation shows it: a ModelResource in bulk mode."""
    import tablib
    from import_export import fields, resources, widgets

    from awards.models import Citation, Event, Medal, Title

    class StockEventResource(resources.ModelResource):
        titles = fields.Field("titles", "titles", widgets.ManyToManyWidget(Title, field="slug"))
        medals = fields.Field("medals", "medals", widgets.ManyToManyWidget(Medal, field="slug"))
        citations = fields.Field(
            "citations", "citations", widgets.ManyToManyWidget(Citation, field="slug")
        )

        class Meta:
            model = Event
            fields = EVENT_COLUMNS
            import_id_fields = ("slug",)
            use_bulk = True
            batch_size = 2000
            skip_diff = True

    dataset = tablib.Dataset().load(data.decode("utf-8"), format="csv")
    result = StockEventResource().import_data(dataset, raise_errors=True, use_transactions=True)
    assert not result.has_errors() and not result.has_validation_errors()


def project_export() -> int:
    from awards.exchange.exporter import export_file
    from awards.exchange.kinds.records import RecordKind
    from awards.exchange.resources import EventResource

    resource = EventResource()
    return sum(
        len(chunk)
        for chunk in export_file(
            kind=RecordKind(resource), queryset=resource.get_queryset(), file_format="csv"
        )
    )


def csv_writer_export() -> int:
    """The same columns by hand: values_list() and one query per chunk for each link."""
    from collections import defaultdict

    from awards.models import Event

    buffer = io.StringIO()
    writer = csv.writer(buffer)
    # The columns of EventResource, in its order but with the links last.
    columns = [
        "slug",
        "published",
        "date",
        "name_ru",
        "name_en",
        "description_ru",
        "description_en",
    ]
    links = ("titles", "decrees", "medals", "citations")
    writer.writerow([*columns, *links])
    size = 0
    rows = Event.objects.order_by("date", "slug").values_list("pk", *columns).iterator(2000)
    while chunk := [row for _, row in zip(range(2000), rows, strict=False)]:
        pks = [row[0] for row in chunk]
        slugs = {}
        for link in links:
            through = getattr(Event, link).through
            by_event = defaultdict(list)
            for event_id, slug in through.objects.filter(event_id__in=pks).values_list(
                "event_id", f"{through._meta.get_field(link[:-1]).name}__slug"
            ):
                by_event[event_id].append(slug)
            slugs[link] = by_event
        for row in chunk:
            writer.writerow([*row[1:], *(", ".join(slugs[link][row[0]]) for link in links)])
        size += len(buffer.getvalue().encode("utf-8"))
        buffer.seek(0)
        buffer.truncate()
    return size


def peak_memory(function) -> float:
    tracemalloc.start()
    function()
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return peak / 1024 / 1024


def import_in_child(rows: int, *, database_url: str = "") -> dict:
    """The project's import of ``rows`` events in a fresh process (on a temporary SQLite
    database unless a URL is given): its time and its peak RSS growth."""
    with tempfile.TemporaryDirectory() as folder:
        url = database_url or f"sqlite:///{Path(folder) / 'child.sqlite3'}"
        command = [sys.executable, __file__, "--child-import", str(rows), "--database-url", url]
        output = subprocess.run(command, check=True, capture_output=True, text=True).stdout
    return json.loads(output.strip().splitlines()[-1])


def peak_rss_kib() -> int:
    """The process's peak resident size, in KiB: Linux's VmHWM, which starts afresh at
    exec (``ru_maxrss`` keeps the peak of the parent that forked it), else ``ru_maxrss``."""
    try:
        with open("/proc/self/status") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def child_import(rows: int, database_url: str) -> None:
    setup_django(database_url)
    create_targets()
    data = generate_csv(rows)
    before = peak_rss_kib()
    seconds, _ = timed(lambda: project_import(data))
    growth = (peak_rss_kib() - before) / 1024
    print(json.dumps({"rows": rows, "import_s": round(seconds, 2), "peak_mb": round(growth, 1)}))


def recreate_postgres(url: str) -> None:
    import psycopg

    base, name = url.rsplit("/", 1)
    with psycopg.connect(f"{base}/postgres", autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}"')
        connection.execute(f'CREATE DATABASE "{name}"')


def beside_goal(value: float, goal: float, unit: str) -> str:
    """A figure beside its goal (an upper bound): "212 MB (goal ≤ 300 MB: holds)"."""
    verdict = "holds" if value <= goal else "does not hold"
    return f"{value:,.1f}{unit} (goal ≤ {goal:g}{unit}: {verdict})"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=SIZES)
    parser.add_argument("--profile", action="store_true")
    parser.add_argument("--skip-stock", action="store_true", help="Leave out the slow stock path.")
    parser.add_argument("--stock-up-to", type=int, default=STOCK_UP_TO)
    parser.add_argument("--child-import", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--database-url", default="", help=argparse.SUPPRESS)
    options = parser.parse_args()
    if options.child_import:
        child_import(options.child_import, options.database_url)
        return
    started = time.perf_counter()
    postgres = os.environ.get("BENCH_POSTGRES_URL")
    figures = []
    with tempfile.TemporaryDirectory() as directory:
        database = Path(directory) / "bench.sqlite3"
        setup_django(database)
        create_targets()
        print(f"SQLite {sqlite3.sqlite_version}, Python {sys.version.split()[0]}")
        print("Events (9 columns: values, a partial date, three many-to-many links by slug)\n")
        for rows in options.sizes:
            data = generate_csv(rows)
            if options.profile:
                profiler = cProfile.Profile()
                profiler.runcall(project_import, data)
                pstats.Stats(profiler).sort_stats("cumulative").print_stats(40)
                clear_events(database)
            project_time, _ = timed(lambda data=data: project_import(data))
            tables = written_rows(database)
            project_export_time, _ = timed(project_export)
            csv_writer_time, _ = timed(csv_writer_export)
            export_peak = peak_memory(project_export)
            clear_events(database)
            raw_time, table_rows = timed(lambda tables=tables: raw_executemany(database, tables))
            clear_events(database)
            print(
                f"{rows:,} rows ({table_rows:,} table rows written in {len(EVENT_TABLES)} tables)"
            )
            print(f"  import, project (validated, links, history)  {project_time:7.2f} s")
            print(
                f"  import, raw executemany of the same rows     {raw_time:7.2f} s"
                f"   project is {beside_goal(project_time / raw_time, MAX_RATIO_TO_RAW, '×')}"
            )
            alone = import_in_child(rows)
            figure = {
                "rows": rows,
                "import_s": round(project_time, 2),
                "raw_insert_s": round(raw_time, 2),
                "ratio_to_raw": round(project_time / raw_time, 2),
                "fresh_process_import_s": alone["import_s"],
                "peak_mb": alone["peak_mb"],
            }
            figures.append(figure)
            print(
                f"  import, project, in a fresh process          {alone['import_s']:7.2f} s"
                f"   peak memory {beside_goal(alone['peak_mb'], MAX_PEAK_MB, ' MB')}"
            )
            if postgres and rows == max(options.sizes):
                recreate_postgres(postgres)
                pg = import_in_child(rows, database_url=postgres)
                to_sqlite = pg["import_s"] / alone["import_s"]
                figure["postgresql_import_s"] = pg["import_s"]
                figure["postgresql_peak_mb"] = pg["peak_mb"]
                figure["ratio_to_sqlite"] = round(to_sqlite, 2)
                print(
                    f"  import, project, on PostgreSQL               {pg['import_s']:7.2f} s"
                    f"   to SQLite's {beside_goal(to_sqlite, MAX_RATIO_TO_SQLITE, '×')}"
                    f", peak memory {beside_goal(pg['peak_mb'], MAX_PEAK_MB, ' MB')}"
                )
            if not options.skip_stock and rows <= options.stock_up_to:
                stock_time, _ = timed(lambda data=data: stock_import(data))
                clear_events(database)
                print(
                    f"  import, django-import-export stock bulk      {stock_time:7.2f} s"
                    f"   project is {project_time / stock_time:5.2f}x (goal < 1x)"
                )
            print(f"  export, project CSV                          {project_export_time:7.2f} s")
            print(
                f"  export, csv.writer over values_list()        {csv_writer_time:7.2f} s"
                f"   project is {project_export_time / csv_writer_time:5.2f}x (goal <= 1.5x)"
            )
            print(
                f"  export, project, peak memory (tracemalloc)   {export_peak:7.1f} MB"
                "  (flat as rows grow)\n"
            )
        if not postgres:
            print("PostgreSQL: BENCH_POSTGRES_URL is not set, not measured.\n")
    out = ROOT / "bench" / "out"
    out.mkdir(exist_ok=True)
    (out / "imports.json").write_text(json.dumps({"events": figures}, indent=2))
    # Background imports and the million-row refusal, in a process of their own so that
    # its peak memory is theirs alone.
    subprocess.run([sys.executable, str(Path(__file__).with_name("background.py"))], check=True)
    print(f"(bench/run.py: {time.perf_counter() - started:.0f} s in all)")


if __name__ == "__main__":
    main()
