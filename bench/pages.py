"""Public pages and search, measured (`make bench`): gunicorn with the production settings.

Everything runs on 127.0.0.1 and stops by itself (a few minutes):

1. Pages. gunicorn (2 workers, production settings, a throwaway secret, a file cache of its
   own) over a temporary SQLite database holding the fixtures. For a fixed time and a fixed
   number of connections each, requests/s of a trivial view (robots.txt, rendered every
   time) and of the main public pages, cold (rendered every time: the request carries a
   session cookie, as an editor's does) and warm (anonymous, from the cache); each as a
   ratio to the trivial view measured in the same run. Then the cold render time of each
   page: one request at a time, median and p95.
2. Search. On SQLite and on the local PostgreSQL (database `heroes_pages`, dropped and
   created), the fixtures plus ``--records`` (100,000) generated events, indexed as any
   write indexes them; the latency of ``search_records`` (p50/p95) over a table of queries.

Goals (issue 11): warm pages ≥ 50 % of the trivial view's requests/s; a cold render
≤ 10 ms; search p95 ≤ 50 ms at 100,000 records on both databases. The load generator runs
on the same machine as the server, so it takes CPU from it: the ratios are what compare.

``python bench/pages.py --seconds 3 --records 20000`` runs shorter; ``--no-postgres``
leaves PostgreSQL out. Figures go to bench/out/pages.json.
"""

import argparse
import json
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))
from soak import prepare_database  # noqa: E402

from tests.support.production_server import (  # noqa: E402
    collect_static,
    gunicorn,
    production_environment,
)

TRIVIAL = "/robots.txt"
PAGES = [
    "/",
    "/history/",
    "/titles/",
    "/titles/hero-of-socialist-labour/",
    "/compare/heroes/",
    "/en/search/?q=medal",
    "/sitemap.xml",
]
# A session cookie makes the page cache step aside: the page is rendered every time.
COLD = {"Cookie": "sessionid=bench"}
QUERIES = [
    "медали",
    "героя",
    "указом",
    "ленина",
    "герою труда",
    "орден ленина медаль",
    "социалистич",
    "серп и молот",
    "hammer",
    "награждение передовиков",
]
# Words of the generated events: common ones, and a few that the queries look for.
VOCABULARY = (  # noqa: SIM905 - a text reads better than eighty quoted words
    "награждение передовиков производства завода фабрики колхоза совхоза шахты района области "
    "за выдающиеся успехи в развитии промышленности сельского хозяйства строительства "
    "транспорта науки культуры трудовой подвиг досрочное выполнение пятилетнего плана "
    "бригада смена цех управление трест комбинат леспромхоз депо порт рудник"
).split()
RARE_WORDS = ["медалью", "героев", "указом", "Ленина", "ордена", "Героя Труда"]


def _request(port: int, path: str, headers: dict) -> bytes:
    lines = [f"GET {path} HTTP/1.0", "Host: 127.0.0.1", "X-Forwarded-Proto: https"]
    lines += [f"{name}: {value}" for name, value in headers.items()]
    return ("\r\n".join(lines) + "\r\n\r\n").encode()


def _fetch(port: int, request: bytes) -> bool:
    with socket.create_connection(("127.0.0.1", port), timeout=30) as connection:
        connection.sendall(request)
        head = connection.recv(65536)
        while connection.recv(65536):
            pass
    return head.startswith(b"HTTP/1.1 200") or head.startswith(b"HTTP/1.0 200")


def _hammer(port: int, path: str, headers: dict, seconds: float, threads: int) -> tuple:
    """One load process: ``threads`` connections one after another for ``seconds``."""
    request = _request(port, path, headers)
    counts = [[0, 0] for _ in range(threads)]
    deadline = time.monotonic() + seconds

    def run(count):
        while time.monotonic() < deadline:
            try:
                ok = _fetch(port, request)
            except OSError:
                ok = False
            count[0 if ok else 1] += 1

    workers = [threading.Thread(target=run, args=(count,)) for count in counts]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    return sum(count[0] for count in counts), sum(count[1] for count in counts)


def requests_per_second(pool, port, path, *, headers, seconds, connections) -> float:
    processes = pool._max_workers
    futures = [
        pool.submit(_hammer, port, path, headers, seconds, connections // processes)
        for _ in range(processes)
    ]
    ok = failed = 0
    for future in futures:
        good, bad = future.result()
        ok, failed = ok + good, failed + bad
    if failed:
        print(f"  {path}: {failed} failed requests", file=sys.stderr)
    return round(ok / seconds, 1)


def render_times(port, path, *, repeat=40) -> tuple[float, float]:
    """Cold render, one request at a time: (median, p95) in milliseconds."""
    request = _request(port, path, COLD)
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        _fetch(port, request)
        times.append((time.perf_counter() - started) * 1000)
    times.sort()
    return round(statistics.median(times), 2), round(times[int(len(times) * 0.95) - 1], 2)


def measure_pages(options) -> dict:
    with tempfile.TemporaryDirectory() as temporary:
        temporary = Path(temporary)
        database_url = f"sqlite:///{temporary / 'site.sqlite3'}"
        setup = {**os.environ, "DJANGO_DEBUG": "1", "DATABASE_URL": database_url}
        for command in (["migrate", "--noinput", "-v0"], ["load_records"]):
            subprocess.run([sys.executable, "manage.py", *command], cwd=ROOT, env=setup, check=True)
        static_root = temporary / "staticfiles"
        collect_static(static_root=static_root)
        environment = production_environment(
            static_root=static_root,
            database_url=database_url,
            DJANGO_CACHE_DIR=str(temporary / "cache"),
        )
        with (
            gunicorn(environment=environment, workers=options.workers) as (base, _),
            ProcessPoolExecutor(max_workers=options.load_processes) as pool,
        ):
            port = int(base.rsplit(":", 1)[1])

            def rate(path, headers):
                return requests_per_second(
                    pool,
                    port,
                    path,
                    headers=headers,
                    seconds=options.seconds,
                    connections=options.connections,
                )

            for path in [TRIVIAL, *PAGES]:  # warm-up: workers, connections, the cache
                _fetch(port, _request(port, path, {}))
            trivial = rate(TRIVIAL, COLD)
            pages = {}
            for path in PAGES:
                cold, warm = rate(path, COLD), rate(path, {})
                median, p95 = render_times(port, path)
                pages[path] = {
                    "cold_rps": cold,
                    "warm_rps": warm,
                    "cold_ratio": round(cold / trivial, 3),
                    "warm_ratio": round(warm / trivial, 3),
                    "cold_render_ms_p50": median,
                    "cold_render_ms_p95": p95,
                }
                print(
                    f"  {path:36} cold {cold:7.1f}/s ({cold / trivial:6.1%})  "
                    f"warm {warm:7.1f}/s ({warm / trivial:6.1%})  render p50 {median} ms",
                    flush=True,
                )
    return {"trivial_rps": trivial, "pages": pages}


# Search: run in a process of its own per database (Django is set up once per process).


def _generated_events(count: int, *, seed: int = 11):
    from awards.core.dates import PartialDate
    from awards.models import Event

    chooser = random.Random(seed)
    for number in range(count):
        words = chooser.choices(VOCABULARY, k=chooser.randint(6, 14))
        if chooser.random() < 0.05:
            words.insert(chooser.randrange(len(words)), chooser.choice(RARE_WORDS))
        text = " ".join(words)
        yield Event(
            slug=f"bench-event-{number}",
            name_ru=text[:1].upper() + text[1:80],
            description_ru=text,
            date=PartialDate(1930 + number % 60),
            published=number % 10 != 0,
        )


def search_process(database_url: str, records: int, repeat: int) -> dict:
    os.environ.update(DJANGO_DEBUG="1", DATABASE_URL=database_url)
    os.environ["DJANGO_SETTINGS_MODULE"] = "heroes_site.settings"
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command
    from django.db import connection, transaction

    settings.DEBUG = False  # no query log
    call_command("migrate", verbosity=0, interactive=False)
    call_command("load_records", verbosity=0)
    from awards.core.bulk import chunks
    from awards.models import Event
    from awards.records.writes import records_written_in_bulk
    from awards.search.queries import search_records

    started = time.perf_counter()
    for batch in chunks(_generated_events(records)):
        with transaction.atomic():
            created = Event.objects.bulk_create(batch)
            records_written_in_bulk(model=Event, records=created)
    written_s = time.perf_counter() - started
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE awards_searchentry")
            cursor.execute("ANALYZE awards_event")
    times = {query: [] for query in QUERIES}
    found = {}
    for _ in range(repeat):
        for query in QUERIES:
            begun = time.perf_counter()
            groups = search_records(query=query)
            times[query].append((time.perf_counter() - begun) * 1000)
            found[query] = sum(group.count for group in groups)
    every = sorted(value for values in times.values() for value in values)

    def p95(values):
        values = sorted(values)
        return round(values[max(int(len(values) * 0.95) - 1, 0)], 2)

    return {
        "vendor": connection.vendor,
        "records_added": records,
        "index_write_s": round(written_s, 1),
        "p50_ms": round(statistics.median(every), 2),
        "p95_ms": p95(every),
        "queries": {
            query: {
                "found": found[query],
                "p50_ms": round(statistics.median(values), 2),
                "p95_ms": p95(values),
            }
            for query, values in times.items()
        },
    }


def measure_search(database_url: str, options) -> dict:
    result = subprocess.run(
        [
            sys.executable,
            __file__,
            "--search-only",
            database_url,
            "--records",
            str(options.records),
            "--repeat",
            str(options.repeat),
        ],
        cwd=ROOT,
        check=True,
        capture_output=True,
        text=True,
    )
    return json.loads(result.stdout.strip().splitlines()[-1])


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=5)
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--load-processes", type=int, default=2)
    parser.add_argument("--records", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument("--postgres", default="postgres://postgres@127.0.0.1:5432")
    parser.add_argument("--database", default="heroes_pages")
    parser.add_argument("--no-postgres", action="store_true")
    parser.add_argument("--no-pages", action="store_true")
    parser.add_argument("--search-only", metavar="DATABASE_URL", help=argparse.SUPPRESS)
    parser.add_argument("--output", type=Path, default=ROOT / "bench" / "out" / "pages.json")
    options = parser.parse_args()

    if options.search_only:
        print(json.dumps(search_process(options.search_only, options.records, options.repeat)))
        return

    figures = {"settings": {key: str(value) for key, value in vars(options).items()}}
    if not options.no_pages:
        print(
            f"Pages: gunicorn, {options.workers} workers, {options.connections} connections, "
            f"{options.seconds} s each",
            flush=True,
        )
        figures["pages"] = measure_pages(options)
        print(f"  trivial view {figures['pages']['trivial_rps']}/s", flush=True)
    figures["search"] = {}
    with tempfile.TemporaryDirectory() as temporary:
        databases = {"sqlite": f"sqlite:///{Path(temporary) / 'search.sqlite3'}"}
        if not options.no_postgres:
            prepare_database(f"{options.postgres}/postgres", options.database)
            databases["postgresql"] = f"{options.postgres}/{options.database}"
        for name, url in databases.items():
            print(f"Search on {name}, {options.records} records added…", flush=True)
            report = measure_search(url, options)
            figures["search"][name] = report
            print(
                f"  p50 {report['p50_ms']} ms, p95 {report['p95_ms']} ms "
                f"(indexing the records: {report['index_write_s']} s)",
                flush=True,
            )
            for query, figure in report["queries"].items():
                print(f"    {query:28} {figure['found']:6} found  p95 {figure['p95_ms']} ms")
    options.output.parent.mkdir(parents=True, exist_ok=True)
    options.output.write_text(json.dumps(figures, ensure_ascii=False, indent=2))
    print(f"Figures in {options.output}")


if __name__ == "__main__":
    main()
