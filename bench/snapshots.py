"""Every public page's HTML before and after a change, compared (`make bench`).

Issue 22 makes pages faster and must leave what they say exactly as it was. This renders
every public page — each published record, the lists, search, the rules and comparison pages
with the questions they answer, the registry with its filters, the sitemap, robots.txt and
the feeds — in both languages, once in this working tree and once in a checkout of
``--base`` (by default the commit issue 22 started from), each on a fresh SQLite database
holding the fixtures and the same synthetic registry list of 400 conferments, with the
production settings, through the Django test client. The pages are then compared byte for
byte, after replacing the per-request parts (the CSP nonce, the CSRF token) and the clock's
(the times of the versions the fixtures wrote).

Prints the number of pages and of pages that differ (the goal: none), with a diff of the
first few, and writes bench/out/snapshots.json; exits 1 when any differ. ``--keep DIR``
keeps both renderings for reading.
"""

from __future__ import annotations

import argparse
import difflib
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# The last commit before issue 22's work: the pages as they were.
ISSUE_22_BASE = "3f05c17"
REGISTRY_ROWS = 400
# What changes from one request, or one run, to the next without the page changing.
VOLATILE = [
    (re.compile(rb'nonce="[^"]*"'), b'nonce="-"'),
    (re.compile(rb'name="csrfmiddlewaretoken" value="[^"]*"'), b'name="csrfmiddlewaretoken"'),
    (re.compile(rb"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?(?:Z|[+-]\d\d:?\d\d)?"), b"<time>"),
    (re.compile(rb"\b\d{1,2}:\d\d(?::\d\d)?\b"), b"<hh:mm>"),
]


def normalised(page: bytes) -> bytes:
    for pattern, replacement in VOLATILE:
        page = pattern.sub(replacement, page)
    return page


# Rendering, in a process of its own in the tree being rendered ---------------------------


def registry_paths(prefix: str) -> list[str]:
    return [
        f"{prefix}/registry/{query}"
        for query in (
            "",
            "?page=last",
            "?sort=date",
            "?sort=date&page=last",
            "?page=2",
            "?title=hero-of-socialist-labour&year=1975",
            "?times=2",
            "?times=3&sort=date",
            "?q=%D0%A1%D0%B8%D0%BD%D1%82%D0%B5%D1%82%D0%BE%D0%B2-000012",
            "?year=1950&sort=date&page=last",
        )
    ]


def render(output: Path, registry_file: Path) -> None:
    tree = Path.cwd()
    sys.path.insert(0, str(tree))
    folder = output / "_site"
    os.environ.update(
        DJANGO_DEBUG="0",
        DJANGO_ENV_FILE="",
        DJANGO_SECRET_KEY="throwaway-" + "s" * 50,
        DJANGO_ALLOWED_HOSTS="testserver",
        DJANGO_STATIC_ROOT=str(folder / "static"),
        DATABASE_URL=f"sqlite:///{folder / 'site.sqlite3'}",
        DJANGO_CACHE_DIR=str(folder / "cache"),
    )
    os.environ["DJANGO_SETTINGS_MODULE"] = "heroes_site.settings"
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command
    from django.test import Client

    from awards.models import Conferment, Person
    from tests.support.public_pages import SITE_PATHS, every_public_page_path

    settings.MIDDLEWARE = [name for name in settings.MIDDLEWARE if "page_cache" not in name]
    quiet = {"verbosity": 0}
    call_command("collectstatic", interactive=False, **quiet)
    call_command("migrate", interactive=False, **quiet)
    call_command("load_records", **quiet)
    call_command("import_registry", str(registry_file), **quiet)
    paths = [*SITE_PATHS, "/feeds/changes.atom"]
    for language, prefix in (("ru", ""), ("en", "/en")):
        paths += every_public_page_path(language=language) + registry_paths(prefix)
        paths += [p.get_absolute_url() for p in Person.objects.order_by("pk")[:5]]
    assert Conferment.objects.count() == REGISTRY_ROWS
    client = Client(secure=True, HTTP_X_FORWARDED_PROTO="https")
    for number, path in enumerate(dict.fromkeys(paths)):
        response = client.get(path)
        page = f"{response.status_code}\n".encode() + response.content
        (output / f"{number:04d}.html").write_bytes(normalised(page))
        (output / f"{number:04d}.path").write_text(path)


def _render_tree(tree: Path, output: Path, registry_file: Path) -> None:
    output.mkdir(parents=True)
    subprocess.run(
        [
            sys.executable,
            str(Path(__file__).resolve()),
            "--render",
            str(output),
            "--registry-file",
            str(registry_file),
        ],
        cwd=tree,
        env={**os.environ, "PYTHONPATH": str(tree)},
        check=True,
    )


def _prepare_base(base: str, tree: Path) -> None:
    subprocess.run(
        ["git", "worktree", "add", "--detach", str(tree), base],
        cwd=ROOT,
        check=True,
        capture_output=True,
    )
    # The compiled catalogues are not in git: the base's own, compiled as make does.
    subprocess.run(
        [sys.executable, "manage.py", "compilemessages", "--ignore", ".venv", "-v0"],
        cwd=tree,
        env={**os.environ, "DJANGO_DEBUG": "1", "DJANGO_ENV_FILE": ""},
        check=True,
    )


def _pages(folder: Path) -> dict[str, bytes]:
    return {
        path_file.read_text(): path_file.with_suffix(".html").read_bytes()
        for path_file in sorted(folder.glob("*.path"))
    }


def compare(before: dict[str, bytes], after: dict[str, bytes], *, shown: int) -> list[str]:
    differing = [
        path for path in before.keys() | after.keys() if before.get(path) != after.get(path)
    ]
    for path in sorted(differing)[:shown]:
        print(f"--- {path}")
        old = before.get(path, b"(no such page)").decode(errors="replace").splitlines()
        new = after.get(path, b"(no such page)").decode(errors="replace").splitlines()
        for line in list(difflib.unified_diff(old, new, lineterm="", n=1))[2:30]:
            print(f"    {line[:160]}")
    return sorted(differing)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base", default=ISSUE_22_BASE, help="the commit to compare with")
    parser.add_argument("--keep", type=Path, help="keep both renderings in this folder")
    parser.add_argument("--shown", type=int, default=5, help="diffs printed")
    parser.add_argument("--output", type=Path, default=ROOT / "bench" / "out" / "snapshots.json")
    parser.add_argument("--render", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--registry-file", type=Path, help=argparse.SUPPRESS)
    options = parser.parse_args()
    if options.render:
        render(options.render, options.registry_file)
        return
    sys.path.insert(0, str(ROOT / "bench"))
    from registry import synthetic_csv

    with tempfile.TemporaryDirectory() as temporary:
        folder = options.keep or Path(temporary)
        for name in ("before", "after", "base-tree"):
            shutil.rmtree(folder / name, ignore_errors=True)
        registry_file = folder / "registry.csv"
        folder.mkdir(parents=True, exist_ok=True)
        registry_file.write_bytes(synthetic_csv(REGISTRY_ROWS, seed=22))
        base_tree = folder / "base-tree"
        _prepare_base(options.base, base_tree)
        try:
            _render_tree(base_tree, folder / "before", registry_file)
        finally:
            subprocess.run(
                ["git", "worktree", "remove", "--force", str(base_tree)], cwd=ROOT, check=False
            )
        _render_tree(ROOT, folder / "after", registry_file)
        before, after = _pages(folder / "before"), _pages(folder / "after")
        differing = compare(before, after, shown=options.shown)
    options.output.parent.mkdir(parents=True, exist_ok=True)
    options.output.write_text(
        json.dumps({"base": options.base, "pages": len(after), "differing": differing}, indent=2)
    )
    mark = "holds" if not differing else "MISSED"
    print(
        f"HTML snapshots: {len(after)} pages rendered before ({options.base}) and after; "
        f"{len(differing)} differ (goal: 0: {mark})"
    )
    sys.exit(1 if differing else 0)


if __name__ == "__main__":
    main()
