"""Cold renders of every kind of page, in process, beside /robots.txt (`make bench`).

The production settings (debug off, the manifest static storage, every middleware), the
Django test client carrying a session cookie so that the whole-page cache steps aside and
every request renders, over a temporary SQLite database with the fixtures, or one a run of
``bench/big_data.py`` has filled (``--database-url``). For each page: the median of
``--repeat`` renders and its ratio to the median of /robots.txt through the same
middleware, measured in the same run. Editors' admin pages are rendered for a chief editor.

``--profile PATH`` renders one page under cProfile instead and prints where its time goes:
the profiler's command this issue asks to keep (``python bench/cold_pages.py --profile
/compare/heroes/``).

Goal (issue 22): every public page within 20× /robots.txt (aiming for 10×); the admin's
list and change pages within 40×.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import json
import os
import pstats
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TRIVIAL = "/robots.txt"
PUBLIC_GOAL = 20
ADMIN_GOAL = 40
PUBLIC_PAGES = [
    "/",
    "/history/",
    "/titles/",
    "/titles/hero-of-socialist-labour/",
    "/compare/heroes/",
    "/compare/?first=hero-of-labour&second=hero-of-socialist-labour",
    "/compare/dates/?title=hero-of-socialist-labour&dates=1939+1975",
    "/rules/?title=hero-of-socialist-labour&year=1975&month=&day=",
    "/search/?q=%D0%BC%D0%B5%D0%B4%D0%B0%D0%BB%D1%8C",
    "/registry/",
    "/registry/?page=last",
    "/registry/years/",
    "/sitemap.xml",
]
# As the proxy in front of gunicorn says it (SECURE_PROXY_SSL_HEADER).
HTTPS = {"secure": True, "HTTP_X_FORWARDED_PROTO": "https"}
ADMIN_PAGES = [
    "/admin/awards/title/",
    "/admin/awards/decree/",
    "/admin/awards/conferment/",
    "/admin/awards/person/",
]


# Pages not rendered at the large size, and why: each is reported as a goal missed.
NOT_AT_SCALE = {
    "/history/": (
        "not measured: its time line draws every event and places each flag against every "
        "flag placed before it (quadratic); at 100,000 events one render takes minutes"
    ),
}


def setup(database_url: str, static_root: Path, *, fixtures: bool) -> None:
    sys.path.insert(0, str(ROOT))
    os.environ.update(
        DJANGO_DEBUG="0",
        DJANGO_ENV_FILE="",
        DJANGO_SECRET_KEY="throwaway-" + "s" * 50,
        DJANGO_ALLOWED_HOSTS="testserver,localhost",
        DJANGO_STATIC_ROOT=str(static_root),
        DATABASE_URL=database_url,
        DJANGO_CACHE_DIR=str(static_root.parent / "cache"),
    )
    os.environ["DJANGO_SETTINGS_MODULE"] = "heroes_site.settings"
    import django

    django.setup()
    from django.core.management import call_command

    call_command("collectstatic", interactive=False, verbosity=0)
    call_command("migrate", verbosity=0, interactive=False)
    if fixtures:
        call_command("load_records", verbosity=0)


def fill_big(*, records: int, conferments: int) -> None:
    """Add ``records`` generated events with their index entries (bench/search.py's filler)
    and ``conferments`` synthetic conferments (bench/registry_pages.py's) to the fixtures,
    in bulk: neither writes the edit history, which these pages do not read."""
    from django.db.models import Max

    from awards.models import Event

    sys.path.insert(0, str(ROOT / "bench"))
    from registry_pages import fill
    from search import _fill

    first_pk = (Event.objects.aggregate(top=Max("pk"))["top"] or 0) + 1
    _fill(start=0, count=records, first_pk=first_pk)
    if conferments:
        fill(conferments)


def chief_editor_client():
    from django.contrib.auth import get_user_model
    from django.core.management import call_command
    from django.test import Client

    call_command("create_demo_editor", "--username", "bench-chief", "--chief", stdout=io.StringIO())
    client = Client(**HTTPS)
    client.force_login(get_user_model().objects.get(username="bench-chief"))
    return client


def admin_change_pages() -> list[str]:
    from awards.models import Conferment, Decree, Person, Title

    pages = []
    for model in (Title, Decree, Person, Conferment):
        record = model.objects.order_by("pk").first()
        if record is not None:
            meta = model._meta
            pages.append(f"/admin/{meta.app_label}/{meta.model_name}/{record.pk}/change/")
    return pages


def median_ms(client, path: str, repeat: int) -> float:
    response = client.get(path)
    assert response.status_code == 200, (path, response.status_code)
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        client.get(path)
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


def pages_of(language: str) -> list[str]:
    prefix = "" if language == "ru" else f"/{language}"
    return [prefix + page for page in PUBLIC_PAGES if page != "/sitemap.xml"] + (
        ["/sitemap.xml"] if language == "ru" else []
    )


def measure(repeat: int, *, big: bool = False) -> dict:
    from django.test import Client

    visitor = Client(**HTTPS)
    visitor.cookies.load({"sessionid": "bench"})
    trivial = median_ms(visitor, TRIVIAL, repeat * 2)
    figures = {"trivial_ms": round(trivial, 3), "public": {}, "admin": {}, "not_measured": {}}
    for language in ("ru", "en"):
        for path in pages_of(language):
            unprefixed = path.removeprefix("/en")
            if big and unprefixed in NOT_AT_SCALE:
                figures["not_measured"][path] = NOT_AT_SCALE[unprefixed]
                continue
            ms = median_ms(visitor, path, repeat)
            figures["public"][path] = {"ms": round(ms, 2), "ratio": round(ms / trivial, 1)}
    editor = chief_editor_client()
    for path in ADMIN_PAGES + admin_change_pages():
        ms = median_ms(editor, path, max(repeat // 3, 3))
        figures["admin"][path] = {"ms": round(ms, 2), "ratio": round(ms / trivial, 1)}
    return figures


def report(figures: dict, *, label: str) -> None:
    trivial = figures["trivial_ms"]
    print(f"Cold pages ({label}): /robots.txt {trivial:.2f} ms", flush=True)
    for group, goal in (("public", PUBLIC_GOAL), ("admin", ADMIN_GOAL)):
        for path, figure in figures[group].items():
            mark = "holds" if figure["ratio"] <= goal else "MISSED"
            print(
                f"  {path[:64]:64} {figure['ms']:7.2f} ms {figure['ratio']:6.1f}× "
                f"(goal ≤ {goal}×: {mark})",
                flush=True,
            )
    for path, why in figures.get("not_measured", {}).items():
        print(f"  {path[:64]:64} {why} (goal ≤ {PUBLIC_GOAL}×: MISSED)", flush=True)
    worst = max(f["ratio"] for f in figures["public"].values())
    print(f"  worst public page {worst}× /robots.txt (goal ≤ {PUBLIC_GOAL}×)", flush=True)


def profile(path: str, *, repeat: int, limit: int) -> None:
    from django.test import Client

    client = Client(**HTTPS)
    client.cookies.load({"sessionid": "bench"})
    if path.startswith("/admin/"):
        client = chief_editor_client()
    assert client.get(path).status_code == 200, path
    profiler = cProfile.Profile()
    profiler.enable()
    for _ in range(repeat):
        client.get(path)
    profiler.disable()
    stats = pstats.Stats(profiler)
    stats.sort_stats("cumulative").print_stats(limit)
    stats.sort_stats("tottime").print_stats(limit)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=15)
    parser.add_argument("--database-url", help="a database filled already (no fixtures loaded)")
    parser.add_argument("--label", default="the fixtures")
    parser.add_argument("--big", action="store_true", help="add --records and --conferments")
    parser.add_argument("--records", type=int, default=100_000)
    parser.add_argument("--conferments", type=int, default=200_000)
    parser.add_argument("--profile", metavar="PATH")
    parser.add_argument("--limit", type=int, default=40)
    parser.add_argument("--output", type=Path, default=ROOT / "bench" / "out" / "cold_pages.json")
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    options = parser.parse_args()
    if not options.child:
        # A process of its own: Django is set up once per process, with these settings.
        command = [sys.executable, __file__, "--child", *sys.argv[1:]]
        sys.exit(subprocess.run(command, cwd=ROOT).returncode)
    with tempfile.TemporaryDirectory() as folder:
        folder = Path(folder)
        url = options.database_url or f"sqlite:///{folder / 'pages.sqlite3'}"
        setup(url, folder / "static", fixtures=not options.database_url)
        if options.big:
            started = time.perf_counter()
            fill_big(records=options.records, conferments=options.conferments)
            print(f"  filled in {time.perf_counter() - started:.0f} s", flush=True)
        if options.profile:
            profile(options.profile, repeat=options.repeat, limit=options.limit)
            return
        figures = measure(options.repeat, big=options.big)
    report(figures, label=options.label)
    options.output.parent.mkdir(parents=True, exist_ok=True)
    options.output.write_text(json.dumps(figures, ensure_ascii=False, indent=2))


if __name__ == "__main__":
    main()
