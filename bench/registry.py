"""Imports of registry lists at the scale of the real lists (`make bench` runs it after
bench/run.py), beside the goals of issue 22.

Synthetic lists only: every person this generator makes is marked synthetic (surname
"Синтетов-…", occupation "синтетическая запись"); they exist for tests and benchmarks and
never go into fixtures/ (tests/fixtures/test_records.py checks that).

Measured, each size in a fresh process on its own temporary SQLite database with the
fixtures loaded: the import of a synthetic list (``import_file`` with a RegistryListKind:
every row cleaned, matched and checked against the rules, then written with history) —
its wall time, its peak memory (the process's peak RSS growth over the import; goal
≤ 300 MB), and its ratio to raw ``executemany`` of exactly the table rows the import
wrote, read back and inserted into an empty copy of the schema (goal ≤ 3×). When
``BENCH_POSTGRES_URL`` names a database this benchmark may recreate, the largest size is
imported there too, in the same run, and its time is given as a ratio to SQLite's (goal
≤ 1.5×).

The registry's page latency is measured by bench/registry_pages.py, at 1,000,000
conferments. ``python bench/registry.py --sizes 2000`` runs smaller sizes.
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
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SIZES = (200_000,)
# The goals of issue 22 for imports.
MAX_PEAK_MB = 300
MAX_RATIO_TO_RAW = 3
MAX_RATIO_TO_SQLITE = 1.5
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


def child(args) -> None:
    """One size in this process: the import, and on SQLite the raw baseline."""
    if args.database_url:
        setup_django(args.database_url)
    else:
        setup_django(f"sqlite:///{args.database}")
    result = run_import(args.size)
    if not args.database_url:
        raw = raw_insert_seconds(Path(args.database))
        result["raw_insert_s"] = round(raw, 2)
        result["ratio_to_raw"] = round(result["import_s"] / raw, 2) if raw else None
    print(json.dumps(result))


def _run_child(size: int, *, database_url: str = "") -> dict:
    with tempfile.TemporaryDirectory() as folder:
        command = [sys.executable, __file__, "--child", "--size", str(size)]
        command += ["--database", str(Path(folder) / "bench.sqlite3")]
        if database_url:
            command += ["--database-url", database_url]
        output = subprocess.run(command, check=True, capture_output=True, text=True).stdout
    return json.loads(output.strip().splitlines()[-1])


def beside_goal(value: float, goal: float, unit: str, *, digits: int = 1) -> str:
    """A figure beside its goal (an upper bound): "212 MB (goal ≤ 300 MB: holds)"."""
    verdict = "holds" if value <= goal else "does not hold"
    return f"{value:,.{digits}f}{unit} (goal ≤ {goal:g}{unit}: {verdict})"


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
    args = parser.parse_args()
    if args.child:
        child(args)
        return
    started = time.perf_counter()
    results = {"sqlite": []}
    for size in args.sizes:
        result = _run_child(size)
        results["sqlite"].append(result)
        print(
            f"Registry list, {size:,} rows, SQLite: import {result['import_s']:.1f} s, "
            f"peak memory {beside_goal(result['peak_rss_growth_mib'], MAX_PEAK_MB, ' MB')}, "
            f"time to raw inserts ({result['raw_insert_s']:.1f} s) "
            f"{beside_goal(result['ratio_to_raw'], MAX_RATIO_TO_RAW, '×')}",
            flush=True,
        )
    postgres = os.environ.get("BENCH_POSTGRES_URL")
    if postgres:
        largest = max(args.sizes)
        sqlite = next(r for r in results["sqlite"] if r["size"] == largest)
        _recreate_postgres(postgres)
        result = _run_child(largest, database_url=postgres)
        result["ratio_to_sqlite"] = round(result["import_s"] / sqlite["import_s"], 2)
        results["postgresql"] = [result]
        print(
            f"Registry list, {largest:,} rows, PostgreSQL: import {result['import_s']:.1f} s, "
            f"peak memory {beside_goal(result['peak_rss_growth_mib'], MAX_PEAK_MB, ' MB')}, "
            f"time to SQLite's {beside_goal(result['ratio_to_sqlite'], MAX_RATIO_TO_SQLITE, '×')}",
            flush=True,
        )
    else:
        print("PostgreSQL: BENCH_POSTGRES_URL is not set, not measured.")
    print(f"(bench/registry.py: {time.perf_counter() - started:.0f} s in all)")
    out = ROOT / "bench" / "out"
    out.mkdir(exist_ok=True)
    (out / "registry.json").write_text(json.dumps(results, indent=2, ensure_ascii=False))


if __name__ == "__main__":
    main()
