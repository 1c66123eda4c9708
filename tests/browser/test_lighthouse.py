"""Lighthouse (pinned in tools/lighthouse, installed by ``make tools``) on the main kinds of
public page, in both languages: accessibility, best practices and SEO at 100, every audit
passed. Performance is measured in bench/, not here (no test asserts time)."""

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.browser.conftest import CHROMIUM

LIGHTHOUSE = Path(__file__).resolve().parents[2] / "tools/lighthouse/node_modules/.bin/lighthouse"
CATEGORIES = ("accessibility", "best-practices", "seo")
PAGES = [
    "/",
    "/en/",
    "/history/",
    "/titles/hero-of-socialist-labour/",
    "/en/titles/hero-of-socialist-labour/",
    "/rules/?title=hero-of-socialist-labour&year=1988",
    "/compare/heroes/",
    "/registry/",
]


@pytest.fixture(scope="module")
def lighthouse():
    missing = [
        reason
        for reason, absent in (
            (f"{CHROMIUM} is missing (apt-get install chromium)", not CHROMIUM.exists()),
            ("node is missing (apt-get install npm)", shutil.which("node") is None),
            (f"{LIGHTHOUSE} is missing: run make tools", not LIGHTHOUSE.exists()),
        )
        if absent
    ]
    if missing:
        if os.environ.get("CI"):
            pytest.fail("; ".join(missing))
        pytest.skip("; ".join(missing))
    return LIGHTHOUSE


def _audit(lighthouse, url, tmp_path):
    report = tmp_path / "report.json"
    subprocess.run(
        [
            str(lighthouse),
            url,
            "--quiet",
            f"--only-categories={','.join(CATEGORIES)}",
            "--chrome-flags=--headless=new --no-sandbox --disable-gpu",
            "--output=json",
            f"--output-path={report}",
            "--max-wait-for-load=20000",
        ],
        check=True,
        timeout=180,
        env={**os.environ, "CHROME_PATH": str(CHROMIUM)},
        capture_output=True,
    )
    return json.loads(report.read_text())


@pytest.mark.parametrize("path", PAGES)
def test_lighthouse_finds_nothing_to_fix(lighthouse, live_server, seeded, tmp_path, path):
    result = _audit(lighthouse, live_server.url + path, tmp_path)
    failed = sorted(
        f"{audit['id']}: {audit['title']}"
        for audit in result["audits"].values()
        if audit.get("score") is not None
        and audit["scoreDisplayMode"] in ("binary", "numeric")
        and audit["score"] < 1
    )
    scores = {name: result["categories"][name]["score"] for name in CATEGORIES}
    assert failed == [] and scores == dict.fromkeys(CATEGORIES, 1), (scores, failed)
