"""The registry at the scale of the real lists (`make bench` runs it after bench/run.py).

Synthetic lists only: every person this generator makes is marked synthetic (surname
"Синтетов-…", occupation "синтетическая запись"); they exist for tests and benchmarks and
never go into fixtures/ (tests/fixtures/test_records.py checks that).

Measured, each size in a fresh process on its own temporary SQLite database with the
fixtures loaded:

- import of a synthetic list (``import_registry``: every row cleaned, matched and checked
  against the rules, then written with history): wall time and peak memory (the process's
  peak RSS growth), and the ratio to raw ``executemany`` of exactly the table rows the
  import wrote, read back and inserted into an empty copy of the schema;
- at the largest size, the latency (p50/p95 of warm requests, the whole-page cache
  switched off so that every request renders) of the registry's pages: first and last
  page by surname, a filtered page, the last page by date, the twice-honoured list, the
  chart per year, a person's page; on SQLite, and on PostgreSQL when
  ``BENCH_POSTGRES_URL`` names a database this benchmark may recreate.

``python bench/registry.py --sizes 2000`` runs smaller sizes; ``--latency-of DATABASE_URL``
measures only the pages of a database already filled (a run's PostgreSQL database stays).
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import os
import random
import resource
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SIZES = (25_000, 200_000)
LATENCY_REQUESTS = 40
SYNTHETIC_SURNAME = "Синтетов"
SYNTHETIC_OCCUPATION = "синтетическая запись"
TITLE = "hero-of-socialist-labour"
CITATION = "hsl-p4-s1"
GIVEN_NAMES = ("Иван", "Пётр", "Мария", "Анна", "Сергей", "Ольга", "Николай", "Татьяна")
PATRONYMICS = ("Иванович", "Петрович", "Сергеевна", "Николаевна", "Алексеевич", "Ильинична")
HEADERS = [
    "surname_ru",
    "given_name_ru",
    "patronymic_ru",
    "born_on",
    "occupation_ru",
    "citizenship",
    "title",
    "date",
    "decree_date",
    "decree_number",
    "medal_number",
    "citations",
    "published",
]


def synthetic_rows(count: int, *, seed: int = 1) -> list[list[str]]:
    """A registry list of ``count`` conferments of the Hero of Socialist Labour within its
    rules (1939–1990, at most three each), some people honoured twice or thrice; every
    person marked synthetic. Conferments fall on a pool of decree days, as they did."""
    rng = random.Random(seed)
    days = sorted(
        {f"{rng.randint(1939, 1990)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
         for _ in range(max(20, count // 10))}
    )  # fmt: skip
    rows = []
    person = 0
    while len(rows) < count:
        person += 1
        awards = rng.choices((1, 2, 3), weights=(90, 8, 2))[0]
        awards = min(awards, count - len(rows))
        picked = sorted(rng.sample(days, awards)) if len(days) >= awards else days[:awards]
        # Born at least 16 years before the first award: no one is honoured as a child
        # (awards.registry.life).
        last_birth_year = min(1950, int(picked[0][:4]) - 16)
        born = (
            f"{rng.randint(1880, last_birth_year)}-{rng.randint(1, 12):02d}"
            f"-{rng.randint(1, 28):02d}"
        )
        given = rng.choice(GIVEN_NAMES)
        patronymic = rng.choice(PATRONYMICS)
        for date in picked:
            rows.append(
                [
                    f"{SYNTHETIC_SURNAME}-{person:06d}",
                    given,
                    patronymic,
                    born,
                    SYNTHETIC_OCCUPATION,
                    "ussr",
                    TITLE,
                    date,
                    date,
                    str(days.index(date) + 1),
                    str(len(rows) + 1),
                    CITATION,
                    "1",
                ]
            )
    return rows


def synthetic_csv(count: int, *, seed: int = 1) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(HEADERS)
    writer.writerows(synthetic_rows(count, seed=seed))
    return out.getvalue().encode()


# The benchmark ------------------------------------------------------------------------

WRITTEN_TABLES = (
    "awards_person",
    "awards_person_citations",
    "awards_decree",
    "awards_decree_citations",
    "awards_conferment",
    "awards_conferment_citations",
    "awards_historicalperson",
    "awards_historicalperson_citations",
    "awards_historicaldecree",
    "awards_historicaldecree_citations",
    "awards_historicalconferment",
    "awards_historicalconferment_citations",
)


def setup_django(database_url: str, *, load_fixtures: bool = True) -> None:
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_DEBUG", "1")
    os.environ["DJANGO_SETTINGS_MODULE"] = "heroes_site.settings"
    os.environ["DATABASE_URL"] = database_url
    import django

    django.setup()
    from django.conf import settings

    settings.DEBUG = False
    settings.IMPORT_MAX_UPLOAD_BYTES = 1024 * 1024 * 1024
    settings.IMPORT_MAX_ROWS = 10_000_000
    # Every request renders: the whole-page cache would answer all but the first.
    settings.MIDDLEWARE = [m for m in settings.MIDDLEWARE if "page_cache" not in m]
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    if load_fixtures:
        from awards.records.seed import fixture_paths, load_fixture_records

        load_fixture_records(paths=fixture_paths())


def _rss_kib() -> int:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def run_import(size: int) -> dict:
    from awards.exchange.kinds.registry_list import RegistryListKind
    from awards.exchange.pipeline.run import import_file

    data = synthetic_csv(size)
    before = _rss_kib()
    start = time.perf_counter()
    report = import_file(kind=RegistryListKind(), data=data, file_name=f"synthetic-{size}.csv")
    seconds = time.perf_counter() - start
    assert report.ok, report.error_lines()[:5]
    return {
        "size": size,
        "import_s": round(seconds, 2),
        "peak_rss_growth_mib": round((_rss_kib() - before) / 1024, 1),
        "new": report.new,
    }


def raw_insert_seconds(database: Path) -> float:
    """Insert the rows the import wrote, table by table, into an empty copy of the schema."""
    source = sqlite3.connect(database)
    schema = [
        sql
        for (sql,) in source.execute(
            "SELECT sql FROM sqlite_master WHERE type IN ('table', 'index') AND sql IS NOT NULL "
            f"AND tbl_name IN ({', '.join('?' * len(WRITTEN_TABLES))}) ORDER BY type DESC",
            WRITTEN_TABLES,
        )
    ]
    rows = {
        table: source.execute(f'SELECT * FROM "{table}"').fetchall() for table in WRITTEN_TABLES
    }
    source.close()
    with tempfile.TemporaryDirectory() as folder:
        target = sqlite3.connect(Path(folder) / "raw.sqlite3")
        # Tables first, then their indexes: the raw inserts keep them up to date too.
        for sql in schema:
            target.execute(sql)
        target.commit()
        start = time.perf_counter()
        for table, table_rows in rows.items():
            if table_rows:
                marks = ", ".join("?" * len(table_rows[0]))
                target.executemany(f'INSERT INTO "{table}" VALUES ({marks})', table_rows)
        target.commit()
        seconds = time.perf_counter() - start
        target.close()
    return seconds


def latency() -> dict:
    from django.test import Client

    from awards.models import Conferment

    client = Client(HTTP_HOST="localhost")
    person = Conferment.objects.filter(times=3).select_related("person").first().person
    pages = {
        "list, first page": "/registry/",
        "list, last page": "/registry/?page=last",
        "list by date, last page": "/registry/?sort=date&page=last",
        "list, thrice, 1975": "/registry/?times=3&year=1975&title=hero-of-socialist-labour",
        "list, title, 1975, by date": f"/registry/?title={TITLE}&year=1975&sort=date",
        "list, once, 1975, by date, last": "/en/registry/?times=1&year=1975&sort=date&page=last",
        "list, English, last page": "/en/registry/?page=last",
        "twice honoured": "/registry/twice/",
        "per year (chart)": "/registry/years/",
        "person page": f"/people/{person.slug}/",
    }
    figures = {}
    for name, path in pages.items():
        assert client.get(path).status_code == 200, path
        times = []
        for _ in range(LATENCY_REQUESTS):
            start = time.perf_counter()
            client.get(path)
            times.append((time.perf_counter() - start) * 1000)
        times.sort()
        figures[name] = {
            "p50_ms": round(statistics.median(times), 1),
            "p95_ms": round(times[int(len(times) * 0.95) - 1], 1),
        }
    return figures


def child(args) -> None:
    """One size in this process: import, raw baseline, and (if asked) latency."""
    if args.database_url:
        setup_django(args.database_url)
    else:
        setup_django(f"sqlite:///{args.database}")
    result = run_import(args.size)
    if not args.database_url:
        raw = raw_insert_seconds(Path(args.database))
        result["raw_insert_s"] = round(raw, 2)
        result["ratio_to_raw"] = round(result["import_s"] / raw, 1) if raw else None
    if args.latency:
        result["latency"] = latency()
    print(json.dumps(result))


def _run_child(size: int, *, database_url: str = "", latency_too: bool = False) -> dict:
    with tempfile.TemporaryDirectory() as folder:
        command = [sys.executable, __file__, "--child", "--size", str(size)]
        command += ["--database", str(Path(folder) / "bench.sqlite3")]
        if database_url:
            command += ["--database-url", database_url]
        if latency_too:
            command.append("--latency")
        output = subprocess.run(command, check=True, capture_output=True, text=True).stdout
    return json.loads(output.strip().splitlines()[-1])


def _recreate_postgres(url: str) -> None:
    import psycopg

    base, name = url.rsplit("/", 1)
    with psycopg.connect(f"{base}/postgres", autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}"')
        connection.execute(f'CREATE DATABASE "{name}"')


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=list(SIZES))
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--size", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--database", help=argparse.SUPPRESS)
    parser.add_argument("--database-url", default="", help=argparse.SUPPRESS)
    parser.add_argument("--latency", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument(
        "--latency-of",
        metavar="DATABASE_URL",
        help="Only measure the pages' latency on a database a run has filled already.",
    )
    args = parser.parse_args()
    if args.latency_of:
        setup_django(args.latency_of, load_fixtures=False)
        print(json.dumps(latency(), indent=2, ensure_ascii=False))
        return
    if args.child:
        child(args)
        return
    results = {"sqlite": []}
    largest = max(args.sizes)
    for size in args.sizes:
        result = _run_child(size, latency_too=size == largest)
        results["sqlite"].append(result)
        print(f"SQLite, {size} conferments: {json.dumps(result, ensure_ascii=False)}", flush=True)
    postgres = os.environ.get("BENCH_POSTGRES_URL")
    if postgres:
        _recreate_postgres(postgres)
        result = _run_child(largest, database_url=postgres, latency_too=True)
        results["postgresql"] = [result]
        print(f"PostgreSQL, {largest} conferments: {json.dumps(result)}", flush=True)
    out = ROOT / "bench" / "out"
    out.mkdir(exist_ok=True)
    (out / "registry.json").write_text(json.dumps(results, indent=2, ensure_ascii=False))


if __name__ == "__main__":
    main()
