"""Public pages, measured (`make bench`): gunicorn with the production settings.

Everything runs on 127.0.0.1 and stops by itself (a few minutes). gunicorn (2 workers,
production settings, a throwaway secret, a file cache of its own) over a temporary SQLite
database holding the fixtures. For a fixed time and a fixed number of connections each,
requests/s of a trivial view (robots.txt, rendered every time) and of the main public
pages, cold (rendered every time: the request carries a session cookie, as an editor's
does) and warm (anonymous, from the cache); each as a ratio to the trivial view measured
in the same run. Then the cold render time of each page: one request at a time, median
and p95. Search is measured by bench/search.py.

Goals (issue 11): warm pages ≥ 50 % of the trivial view's requests/s; a cold render
≤ 10 ms. The load generator runs on the same machine as the server, so it takes CPU from
it: the ratios are what compare.

``python bench/pages.py --seconds 3`` runs shorter. Figures go to bench/out/pages.json.
"""

import argparse
import json
import os
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


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=5)
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--load-processes", type=int, default=2)
    parser.add_argument("--output", type=Path, default=ROOT / "bench" / "out" / "pages.json")
    options = parser.parse_args()

    figures = {"settings": {key: str(value) for key, value in vars(options).items()}}
    print(
        f"Pages: gunicorn, {options.workers} workers, {options.connections} connections, "
        f"{options.seconds} s each",
        flush=True,
    )
    figures["pages"] = measure_pages(options)
    print(f"  trivial view {figures['pages']['trivial_rps']}/s", flush=True)
    options.output.parent.mkdir(parents=True, exist_ok=True)
    options.output.write_text(json.dumps(figures, ensure_ascii=False, indent=2))
    print(f"Figures in {options.output}")


if __name__ == "__main__":
    main()
