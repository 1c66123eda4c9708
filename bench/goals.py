"""Issue 22's goals, each beside the figure this run of `make bench` measured (the last step).

Reads what the benchmarks before it wrote to bench/out/ and prints one line per goal: the
figure, the goal and whether it holds. A benchmark that did not run is said to be missing,
never taken as holding. ``--markdown`` prints the same as a table (for the README).
"""

from __future__ import annotations

import argparse
import json
from dataclasses import dataclass
from pathlib import Path

OUT = Path(__file__).resolve().parent / "out"


@dataclass
class Line:
    goal: str
    figure: str
    holds: bool | None  # None: not measured


def _read(name: str) -> dict | None:
    path = OUT / name
    return json.loads(path.read_text()) if path.exists() else None


def _missing(goal: str, name: str) -> Line:
    return Line(goal, f"not measured (no bench/out/{name})", None)


def cold_pages(name: str, label: str) -> list[Line]:
    figures = _read(name)
    if figures is None:
        return [_missing(f"public pages cold ≤ 20× /robots.txt, {label}", name)]
    public, admin = figures["public"], figures["admin"]
    worst_public = max(public.items(), key=lambda item: item[1]["ratio"])
    best_public = min(public.items(), key=lambda item: item[1]["ratio"])
    within = sum(figure["ratio"] <= 20 for figure in public.values())
    not_measured = figures.get("not_measured", {})
    lines = [
        Line(
            f"public pages cold ≤ 20× /robots.txt ({figures['trivial_ms']} ms), {label}",
            f"{within} of {len(public) + len(not_measured)} pages within; "
            f"{best_public[1]['ratio']}× ({best_public[0]}) to {worst_public[1]['ratio']}× "
            f"({worst_public[0]})"
            + (f"; not measured: {', '.join(not_measured)}" if not_measured else ""),
            within == len(public) and not not_measured,
        )
    ]
    if admin:
        worst_admin = max(admin.items(), key=lambda item: item[1]["ratio"])
        admin_within = sum(figure["ratio"] <= 40 for figure in admin.values())
        lines.append(
            Line(
                f"admin list and change pages ≤ 40×, {label}",
                f"{admin_within} of {len(admin)} within; worst {worst_admin[1]['ratio']}× "
                f"({worst_admin[0]})",
                admin_within == len(admin),
            )
        )
    return lines


def search() -> list[Line]:
    figures = _read("search.json")
    if figures is None:
        return [_missing("search p95 ≤ 3× the raw index query", "search.json")]
    lines = []
    for database in ("sqlite", "postgresql"):
        if database not in figures:
            lines.append(Line(f"search p95 ≤ 3× raw index query, {database}", "not run", None))
            continue
        for size, by_size in figures[database]["sizes"].items():
            ratio = by_size["ratio"]
            lines.append(
                Line(
                    f"search p95 ≤ 3× the raw index query, {database}, {int(size):,} records",
                    f"{by_size['search_p95_ms']} ms / {by_size['raw_p95_ms']} ms = {ratio:.2f}×",
                    ratio <= 3,
                )
            )
    return lines


def registry_pages() -> list[Line]:
    figures = _read("registry_pages.json")
    if figures is None:
        return [_missing("registry pages p95 ≤ 15 ms cold", "registry_pages.json")]
    lines = []
    for database in ("sqlite", "postgresql"):
        if database not in figures:
            lines.append(Line(f"registry pages p95 ≤ 15 ms cold, {database}", "not run", None))
            continue
        run = figures[database]
        pages = run["pages"]
        worst = max(pages.items(), key=lambda item: item[1]["p95_ms"])
        within = sum(figure["p95_ms"] <= 15 for figure in pages.values())
        lines.append(
            Line(
                f"registry pages p95 ≤ 15 ms cold, {database}, {run['conferments']:,} "
                f"conferments (/robots.txt {run['robots_txt_p50_ms']} ms)",
                f"{within} of {len(pages)} pages within; worst {worst[1]['p95_ms']} ms "
                f"({worst[0]})",
                within == len(pages),
            )
        )
    return lines


def imports() -> list[Line]:
    """Goal 3: the largest registry list (bench/registry.py) and record import
    (bench/run.py) each within 300 MB, 3× raw inserts, and PostgreSQL 1.5× SQLite."""
    lines = []
    registry = _read("registry.json")
    if registry is None:
        lines.append(_missing("imports: a registry list within 300 MB, 3×, 1.5×", "registry.json"))
    else:
        largest = max(registry["sqlite"], key=lambda figure: figure["size"])
        postgresql = (registry.get("postgresql") or [{}])[0]
        lines += _import_lines(
            f"{largest['size']:,}-row registry list",
            peak=largest["peak_rss_growth_mib"],
            to_raw=largest["ratio_to_raw"],
            to_sqlite=postgresql.get("ratio_to_sqlite"),
        )
    records = _read("imports.json")
    if records is None:
        lines.append(_missing("imports: a record import within 300 MB, 3×, 1.5×", "imports.json"))
    else:
        largest = max(records["events"], key=lambda figure: figure["rows"])
        lines += _import_lines(
            f"{largest['rows']:,}-row import of events",
            peak=largest["peak_mb"],
            to_raw=largest["ratio_to_raw"],
            to_sqlite=largest.get("ratio_to_sqlite"),
        )
    return lines


def _import_lines(what: str, *, peak: float, to_raw: float, to_sqlite: float | None) -> list:
    return [
        Line(f"{what}: peak memory ≤ 300 MB", f"{peak:,.0f} MB", peak <= 300),
        Line(f"{what}: time ≤ 3× raw inserts", f"{to_raw}×", to_raw <= 3),
        Line(
            f"{what}: PostgreSQL ≤ 1.5× SQLite",
            "not run (BENCH_POSTGRES_URL unset)" if to_sqlite is None else f"{to_sqlite}×",
            None if to_sqlite is None else to_sqlite <= 1.5,
        ),
    ]


def snapshots() -> list[Line]:
    figures = _read("snapshots.json")
    if figures is None:
        return [_missing("every public page's HTML unchanged", "snapshots.json")]
    differing = figures["differing"]
    return [
        Line(
            f"every public page's HTML unchanged since {figures['base']}",
            f"{figures['pages']} pages compared, {len(differing)} differ",
            not differing,
        )
    ]


def lines() -> list[Line]:
    return [
        *cold_pages("cold_pages.json", "the fixtures"),
        *cold_pages("cold_pages_big.json", "with 200,000 conferments and 100,000 events"),
        *search(),
        *registry_pages(),
        *imports(),
        *snapshots(),
    ]


def verdict(line: Line) -> str:
    return {True: "holds", False: "MISSED", None: "not measured"}[line.holds]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--markdown", action="store_true")
    options = parser.parse_args()
    every = lines()
    if options.markdown:
        print("| goal | measured | |\n|---|---|---|")
        for line in every:
            print(f"| {line.goal} | {line.figure} | {verdict(line)} |")
        return
    print("Issue 22's goals, as this run measured them:")
    for line in every:
        print(f"  {verdict(line):12} {line.goal}: {line.figure}")
    held = sum(line.holds is True for line in every)
    print(f"  {held} of {len(every)} hold.")


if __name__ == "__main__":
    main()
