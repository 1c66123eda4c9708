"""Search beside its index's own query, measured (`make bench`; issue 22, goal 2).

On SQLite (a temporary file) and on the local PostgreSQL (database ``heroes_bench_search``,
dropped and created), each in a process of its own: the fixtures, then generated events
up to each of ``--sizes`` (100,000 and 1,000,000 records), written in bulk — multi-row
inserts on SQLite, ``COPY`` on PostgreSQL — with the index entries the site's own indexer
makes of them (``awards.search.index.entries_of``). For each query of a fixed list
(Russian words and stems, several words, a rare and a common word, English words), the
latency of ``search_records`` (p50/p95) and of the raw index query for the same words
(FTS5 ``MATCH`` ordered by bm25, ``tsvector @@ tsquery`` ordered by ts_rank, each with a
LIMIT), measured in turn in the same run. Then the search page, rendered through the
test client with a session cookie (cold: the page cache steps aside).

Goal (issue 22): search p95 within 3× the raw index query's p95, per query, size and
database. ``python bench/search.py --sizes 20000 --repeat 5`` runs shorter;
``--no-postgres`` leaves PostgreSQL out. Figures go to bench/out/search.json.
"""

import argparse
import io
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))
from soak import prepare_database  # noqa: E402

GOAL = 3.0
QUERIES = [
    "медали",  # a form of a word: its stem finds the others
    "героя",
    "указом",
    "социалистич",  # a stem as typed
    "герою труда",  # several words
    "орден ленина медаль",
    "серп и молот",  # rare: only the fixtures have it
    "награждение",  # common: most generated events have it
    "награждение передовиков",
    "hammer",  # English
    "hero of labour",
]
PAGE_QUERIES = ["Герой", "награждение", "hero"]
# Words of the generated events: common ones, and a few that the queries look for.
VOCABULARY = (  # noqa: SIM905 - a text reads better than eighty quoted words
    "награждение передовиков производства завода фабрики колхоза совхоза шахты района области "
    "за выдающиеся успехи в развитии промышленности сельского хозяйства строительства "
    "транспорта науки культуры трудовой подвиг досрочное выполнение пятилетнего плана "
    "бригада смена цех управление трест комбинат леспромхоз депо порт рудник"
).split()
RARE_WORDS = ["медалью", "героев", "указом", "Ленина", "ордена", "Героя Труда"]


def _percentile(values: list[float], share: float) -> float:
    values = sorted(values)
    return values[max(round(len(values) * share + 0.5) - 1, 0)]


def _figures(times: list[float]) -> dict:
    return {
        "p50_ms": round(statistics.median(times), 2),
        "p95_ms": round(_percentile(times, 0.95), 2),
    }


# The worker: one process per database (Django is set up once per process). -------------


def _event_rows(start: int, count: int, *, seed: int = 11):
    """Generated events, numbered from ``start``: (number, name, description, year,
    published). The same numbers give the same events, whatever the size."""
    for number in range(start, start + count):
        chooser = random.Random(seed * 10_000_019 + number)
        words = chooser.choices(VOCABULARY, k=chooser.randint(6, 14))
        if chooser.random() < 0.05:
            words.insert(chooser.randrange(len(words)), chooser.choice(RARE_WORDS))
        text = " ".join(words)
        yield number, text[:1].upper() + text[1:80], text, 1930 + number % 60, number % 10 != 0


def _fill(*, start: int, count: int, first_pk: int) -> None:
    """Write ``count`` generated events and their index entries in bulk."""
    from django.db import connection, transaction
    from django.utils import timezone

    from awards.core.dates import PartialDate
    from awards.models import Event
    from awards.search.index import TABLE, entries_of, index_id_column

    date_field = Event._meta.get_field("date")
    now = timezone.now()
    columns = [
        "id", "slug", "published", "created_at", "updated_at", "date",
        "name", "name_ru", "name_en", "description", "description_ru", "description_en",
        "version",
    ]  # fmt: skip
    batch = 20_000
    for offset in range(0, count, batch):
        rows = []
        records = []
        for number, name, text, year, published in _event_rows(
            start + offset, min(batch, count - offset)
        ):
            pk = first_pk + number - start
            date = date_field.get_db_prep_save(PartialDate(year), connection)
            rows.append(
                (pk, f"bench-event-{number}", published, now, now, date,
                 name, name, None, text, text, None, 1)
            )  # fmt: skip
            records.append(
                {"pk": pk, "name_ru": name, "name_en": None,
                 "description_ru": text, "description_en": None}
            )  # fmt: skip
        entries = entries_of(model=Event, rows=records)
        with transaction.atomic(), connection.cursor() as cursor:
            _insert(cursor, Event._meta.db_table, columns, rows)
            _insert(cursor, TABLE, [index_id_column(connection), "names", "body"], entries)


def _insert(cursor, table: str, columns: list[str], rows: list[tuple]) -> None:
    from django.db import connection

    if connection.vendor == "postgresql":
        with cursor.cursor.copy(f"COPY {table} ({', '.join(columns)}) FROM STDIN") as copy:
            for row in rows:
                copy.write_row(row)
        return
    # SQLite: multi-row inserts, as many rows as its limit of parameters allows.
    per_statement = max(32_000 // len(columns), 1)
    for offset in range(0, len(rows), per_statement):
        chunk = rows[offset : offset + per_statement]
        values = ", ".join(["(" + ", ".join(["%s"] * len(columns)) + ")"] * len(chunk))
        cursor.execute(
            f"INSERT INTO {table} ({', '.join(columns)}) VALUES {values}",
            [value for row in chunk for value in row],
        )


def _raw_query(terms) -> tuple[str, list]:
    """The index's own query for the same words: match, rank, limit — nothing else."""
    from django.db import connection

    from awards.search.index import TABLE
    from awards.search.queries import BODY_WEIGHT, MAX_RESULTS_PER_KIND, NAME_WEIGHT

    if connection.vendor == "sqlite":
        match = " AND ".join(f'"{term.text}"' + ("*" if term.prefix else "") for term in terms)
        return (
            f"SELECT rowid, bm25({TABLE}, %s, %s) AS score FROM {TABLE} "
            f"WHERE {TABLE} MATCH %s ORDER BY score LIMIT %s",
            [NAME_WEIGHT, BODY_WEIGHT, match, MAX_RESULTS_PER_KIND],
        )
    query = " & ".join(f"'{term.text}'" + (":*" if term.prefix else "") for term in terms)
    return (
        f"SELECT id, ts_rank(document, query) AS rank FROM {TABLE}, "
        "to_tsquery('simple', %s) AS query WHERE document @@ query "
        "ORDER BY rank DESC LIMIT %s",
        [query, MAX_RESULTS_PER_KIND],
    )


def _timed(function) -> float:
    started = time.perf_counter()
    function()
    return (time.perf_counter() - started) * 1000


def _measure(repeat: int) -> dict:
    from django.db import connection
    from django.test import Client

    from awards.search.queries import query_terms, search_records

    def raw(sql, params):
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            cursor.fetchall()

    figures = {}
    every_search, every_raw = [], []
    for query in QUERIES:
        sql, params = _raw_query(query_terms(query))
        search_records(query=query), raw(sql, params)  # warm-up: caches of the database
        searched, raws = [], []
        for _ in range(repeat):  # in turn, so that both see the same load
            searched.append(_timed(lambda: search_records(query=query)))  # noqa: B023
            raws.append(_timed(lambda: raw(sql, params)))  # noqa: B023
        every_search += searched
        every_raw += raws
        groups = search_records(query=query)
        figures[query] = {
            "found": sum(group.count for group in groups),
            "search": _figures(searched),
            "raw": _figures(raws),
        }
    client = Client(HTTP_COOKIE="sessionid=bench")
    pages = {}
    for query in PAGE_QUERIES:
        client.get("/search/", {"q": query})
        times = [_timed(lambda: client.get("/search/", {"q": query})) for _ in range(repeat)]  # noqa: B023
        pages[query] = _figures(times)
    search_p95, raw_p95 = _percentile(every_search, 0.95), _percentile(every_raw, 0.95)
    return {
        "search_p95_ms": round(search_p95, 2),
        "raw_p95_ms": round(raw_p95, 2),
        "ratio": round(search_p95 / raw_p95, 2),
        "queries": figures,
        "pages": pages,
    }


def worker(database_url: str, sizes: list[int], repeat: int) -> dict:
    os.environ.update(
        DJANGO_DEBUG="1",
        DATABASE_URL=database_url,
        DJANGO_SETTINGS_MODULE="heroes_site.settings",
        DJANGO_ALLOWED_HOSTS="testserver",
    )
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command
    from django.db import connection
    from django.db.models import Max

    from awards.models import Event

    settings.DEBUG = False  # no query log
    call_command("migrate", verbosity=0, interactive=False)
    call_command("load_records", verbosity=0)
    fixtures = Event.objects.count()
    report = {"vendor": connection.vendor, "sizes": {}}
    generated = 0
    for size in sizes:
        started = time.perf_counter()
        first_pk = (Event.objects.aggregate(last=Max("pk"))["last"] or 0) + 1
        _fill(start=generated, count=size - generated, first_pk=first_pk)
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE" if connection.vendor == "postgresql" else "ANALYZE")
        fill_s = time.perf_counter() - started
        generated = size
        report["sizes"][size] = {
            "records": fixtures + size,
            "fill_s": round(fill_s, 1),
            **_measure(repeat),
        }
    return report


# The parent: a worker per database, the figures beside the goal. ------------------------


def _print(name: str, size: int, figures: dict) -> None:
    print(f"Search on {name} at {size:,} records (filled in {figures['fill_s']} s):", flush=True)
    for query, figure in figures["queries"].items():
        search, raw = figure["search"], figure["raw"]
        print(
            f"  {query:26} {figure['found']:7} found  search p50 {search['p50_ms']:7} "
            f"p95 {search['p95_ms']:7} ms  raw p50 {raw['p50_ms']:7} p95 {raw['p95_ms']:7} ms  "
            f"{search['p95_ms'] / raw['p95_ms']:6.2f}×"
        )
    search, raw = figures["search_p95_ms"], figures["raw_p95_ms"]
    ratio = figures["ratio"]
    print(
        f"  every query: search p95 {search} ms, raw index query p95 {raw} ms: {ratio:.2f}× "
        f"(goal ≤ {GOAL:g}×: {'holds' if ratio <= GOAL else 'misses'})"
    )
    for query, page in figures["pages"].items():
        print(f"  page /search/?q={query}  cold p50 {page['p50_ms']} ms, p95 {page['p95_ms']} ms")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100_000, 1_000_000])
    parser.add_argument("--repeat", type=int, default=10)
    parser.add_argument("--postgres", default="postgres://postgres@127.0.0.1:5432")
    parser.add_argument("--database", default="heroes_bench_search")
    parser.add_argument("--no-postgres", action="store_true")
    parser.add_argument("--worker", metavar="DATABASE_URL", help=argparse.SUPPRESS)
    parser.add_argument("--output", type=Path, default=ROOT / "bench" / "out" / "search.json")
    options = parser.parse_args()
    sizes = sorted(options.sizes)
    if options.worker:
        print(json.dumps(worker(options.worker, sizes, options.repeat)))
        return

    started = time.perf_counter()
    figures = {"settings": {key: str(value) for key, value in vars(options).items()}}
    with tempfile.TemporaryDirectory() as temporary:
        databases = {"sqlite": f"sqlite:///{Path(temporary) / 'search.sqlite3'}"}
        if not options.no_postgres:
            prepare_database(f"{options.postgres}/postgres", options.database)
            databases["postgresql"] = f"{options.postgres}/{options.database}"
        for name, url in databases.items():
            command = [sys.executable, __file__, "--worker", url, "--repeat", str(options.repeat)]
            result = subprocess.run(
                [*command, "--sizes", *map(str, sizes)],
                cwd=ROOT, check=True, capture_output=True, text=True,
            )  # fmt: skip
            report = json.loads(io.StringIO(result.stdout).read().strip().splitlines()[-1])
            figures[name] = report
            for size, by_size in report["sizes"].items():
                _print(name, int(size), by_size)
    figures["wall_s"] = round(time.perf_counter() - started, 1)
    options.output.parent.mkdir(parents=True, exist_ok=True)
    options.output.write_text(json.dumps(figures, ensure_ascii=False, indent=2))
    print(f"Wall time {figures['wall_s']} s. Figures in {options.output}")


if __name__ == "__main__":
    main()
