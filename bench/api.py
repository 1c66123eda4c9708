"""The API's registry list at the scale of the real lists (`make bench` runs it after
bench/registry.py): p95 of the first and the last page, beside the registry pages' goal.

The conferments are made as bench/registry.py makes them (a synthetic list imported
through the registry pipeline, every person marked synthetic), in a fresh process on its
own temporary SQLite database. Warm requests through the whole middleware stack, the
whole-page cache left out as bench/registry.py leaves it (the API is not in it anyway)
and the limit per address switched off; each figure printed beside the goal of the
registry pages (p95 ≤ 15 ms) and as a ratio to /robots.txt measured in the same run (a
view without a query: what any answer costs here).

``python bench/api.py --size 25000`` runs a smaller list.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from registry import ROOT, run_import, setup_django

SIZE = 200_000
REQUESTS = 60
GOAL_P95_MS = 15.0
BASELINE = "/robots.txt"
# The registry's own pages in the same run: what the API's list stands beside.
REGISTRY_PAGES = {
    "registry page, first": "/registry/",
    "registry page, last": "/registry/?page=last",
}
PATHS = {
    "first page, by surname": "/api/conferments/",
    "last page, by surname": "/api/conferments/?page=last",
    "last page, by date": "/api/conferments/?sort=date&page=last",
    "last page, English": "/api/conferments/?lang=en&page=last",
    "a year, by date, last page": "/api/conferments/?year=1975&sort=date&page=last",
    "a person's conferment": None,
}


def _timings(client, path: str) -> dict:
    response = client.get(path)
    assert response.status_code == 200, (path, response.content[:300])
    times = []
    for _ in range(REQUESTS):
        start = time.perf_counter()
        client.get(path)
        times.append((time.perf_counter() - start) * 1000)
    times.sort()
    return {
        "p50_ms": round(statistics.median(times), 2),
        "p95_ms": round(times[int(len(times) * 0.95) - 1], 2),
    }


def child(args) -> None:
    setup_django(f"sqlite:///{args.database}")
    from django.conf import settings
    from django.test import Client

    from awards.models import Conferment

    settings.API_THROTTLE = ""
    result = {"size": args.size, **run_import(args.size)}
    client = Client(HTTP_HOST="localhost")
    paths = dict(PATHS)
    paths["a person's conferment"] = f"/api/conferments/{Conferment.objects.last().slug}/"
    baseline = _timings(client, BASELINE)
    result["baseline"] = {BASELINE: baseline}
    result["api"] = {}
    for name, path in paths.items():
        figures = _timings(client, path)
        figures["ratio_to_baseline_p95"] = round(figures["p95_ms"] / baseline["p95_ms"], 1)
        figures["within_goal"] = figures["p95_ms"] <= GOAL_P95_MS
        result["api"][name] = {"path": path, **figures}
    result["pages"] = {name: _timings(client, path) for name, path in REGISTRY_PAGES.items()}
    print(json.dumps(result, ensure_ascii=False))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=SIZE)
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--database", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args)
        return
    with tempfile.TemporaryDirectory() as folder:
        command = [sys.executable, __file__, "--child", "--size", str(args.size)]
        command += ["--database", str(Path(folder) / "bench.sqlite3")]
        output = subprocess.run(command, check=True, capture_output=True, text=True).stdout
    result = json.loads(output.strip().splitlines()[-1])
    baseline = result["baseline"][BASELINE]
    print(
        f"API at {result['size']:,} conferments (SQLite; import {result['import_s']} s); "
        f"{BASELINE}: p50 {baseline['p50_ms']} ms, p95 {baseline['p95_ms']} ms"
    )
    for name, figures in result["api"].items():
        verdict = "within" if figures["within_goal"] else "OVER"
        print(
            f"  {name:28} p50 {figures['p50_ms']:6.2f} ms  p95 {figures['p95_ms']:6.2f} ms  "
            f"({figures['ratio_to_baseline_p95']:4.1f}x {BASELINE}; {verdict} the registry "
            f"pages' goal, p95 <= {GOAL_P95_MS:g} ms)"
        )
    for name, figures in result["pages"].items():
        print(
            f"  {name:28} p50 {figures['p50_ms']:6.2f} ms  p95 {figures['p95_ms']:6.2f} ms  (HTML)"
        )
    out = ROOT / "bench" / "out"
    out.mkdir(exist_ok=True)
    (out / "api.json").write_text(json.dumps(result, indent=2, ensure_ascii=False))


if __name__ == "__main__":
    main()
