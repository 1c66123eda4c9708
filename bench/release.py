"""A full data release at the scale of the real lists (`make bench` runs it).

The registry is filled by bench/registry.py's builder (a synthetic list imported as
editors import one: people, conferments and their history), in one process; the release
(``manage.py release_data``: a CSV per kind, the JSON-LD graph, the manifest) is then
written by a fresh process, which reports its wall time and its peak memory (the
process's peak RSS, and its growth over the RSS before the release), beside the goal.

``python bench/release.py --size 20000`` runs a smaller size.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.registry import ROOT, _rss_kib, run_import, setup_django

SIZE = 200_000
# The memory a release may take, whatever the number of records (the goal).
GOAL_PEAK_MIB = 300


def build(database: Path, size: int, *, builder: str) -> dict:
    setup_django(f"sqlite:///{database}")
    if builder == "import":
        return run_import(size)
    # The registry generated in SQL (tests.support.registry_builders): seconds instead of
    # the import's minutes, conferments without history; what a release reads is the same.
    from tests.support.registry_builders import fill_registry_in_sql

    twice = size // 20
    start = time.perf_counter()
    fill_registry_in_sql(once=size - 2 * twice, twice=twice)
    return {"import_s": round(time.perf_counter() - start, 1)}


def release(database: Path, folder: Path) -> dict:
    setup_django(f"sqlite:///{database}", load_fixtures=False)
    from awards.site.data_releases import write_release

    before = _rss_kib()
    start = time.perf_counter()
    manifest = write_release(folder=folder, base_url="https://example.org")
    seconds = time.perf_counter() - start
    return {
        "release_s": round(seconds, 1),
        "peak_rss_mib": round(_rss_kib() / 1024, 1),
        "peak_rss_growth_mib": round((_rss_kib() - before) / 1024, 1),
        "counts": manifest["counts"],
        "bytes": sum(entry["bytes"] for entry in manifest["files"]),
    }


def _child(*arguments: str) -> dict:
    command = [sys.executable, __file__, *arguments]
    output = subprocess.run(command, check=True, capture_output=True, text=True).stdout
    return json.loads(output.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=SIZE)
    parser.add_argument(
        "--builder",
        choices=("import", "sql"),
        default="import",
        help="import: bench/registry.py's synthetic list imported; sql: generated in SQL.",
    )
    parser.add_argument("--build", help=argparse.SUPPRESS)
    parser.add_argument("--release", help=argparse.SUPPRESS)
    parser.add_argument("--folder", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.build:
        print(json.dumps(build(Path(args.build), args.size, builder=args.builder)))
        return
    if args.release:
        print(json.dumps(release(Path(args.release), Path(args.folder))))
        return
    with tempfile.TemporaryDirectory() as folder:
        database = Path(folder) / "bench.sqlite3"
        built = _child(
            "--build", str(database), "--size", str(args.size), "--builder", args.builder
        )
        print(
            f"Registry of {args.size} conferments built ({args.builder}) in {built['import_s']} s",
            flush=True,
        )
        result = _child("--release", str(database), "--folder", str(Path(folder) / "releases"))
    result["size"] = args.size
    result["builder"] = args.builder
    verdict = "within" if result["peak_rss_mib"] <= GOAL_PEAK_MIB else "OVER"
    print(
        f"Release of {args.size} conferments: {result['release_s']} s, peak RSS "
        f"{result['peak_rss_mib']} MiB (growth {result['peak_rss_growth_mib']} MiB; goal "
        f"≤ {GOAL_PEAK_MIB} MiB: {verdict}), {result['bytes']} bytes",
        flush=True,
    )
    out = ROOT / "bench" / "out"
    out.mkdir(exist_ok=True)
    (out / "release.json").write_text(json.dumps(result, indent=2, ensure_ascii=False))


if __name__ == "__main__":
    main()
