"""The settings read from the environment (heroes_site.settings): the secret is required,
`check --deploy` passes, the static manifest is not served."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.support.production_server import (
    fetch,
    gunicorn,
    production_environment,
)

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[2]


def manage(*args, **env):
    environment = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith("DJANGO_") and key != "DATABASE_URL"
    }
    environment.setdefault("DJANGO_ENV_FILE", "")
    environment.update(env)
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_a_local_environment_file_lets_manage_py_run_as_the_readme_writes_it(tmp_path):
    env_file = tmp_path / ".env"
    env_file.write_text("# local work\nDJANGO_DEBUG=1\n", encoding="utf-8")

    with_file = manage("check", DJANGO_ENV_FILE=str(env_file))
    without = manage("check", DJANGO_ENV_FILE="")
    overridden = manage("check", DJANGO_ENV_FILE=str(env_file), DJANGO_DEBUG="0")

    assert with_file.returncode == 0, with_file.stderr
    assert "DJANGO_SECRET_KEY must be set" in without.stderr
    # The environment wins over the file: a deployment that says DJANGO_DEBUG=0 needs a key.
    assert "DJANGO_SECRET_KEY must be set" in overridden.stderr


def test_production_refuses_to_start_without_a_secret_key():
    result = manage("check", DJANGO_DEBUG="0")
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY must be set" in result.stderr


def test_production_settings_pass_the_deployment_checks():
    result = manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        DJANGO_DEBUG="0",
        DJANGO_SECRET_KEY="x" * 20 + "production-only-test-secret-" + "y" * 30,
        DJANGO_ALLOWED_HOSTS="heroes.example.org",
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_an_empty_database_url_means_the_default_sqlite_file():
    result = manage(
        "shell",
        "-c",
        "from django.db import connection; print(connection.vendor)",
        DJANGO_DEBUG="1",
        DATABASE_URL="",
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == "sqlite"


def test_the_static_manifest_is_not_public(static_root):
    manifest = json.loads(
        (static_root.parent / "staticfiles-manifest" / "staticfiles.json").read_text()
    )
    stylesheet = manifest["paths"]["css/site.css"]
    environment = production_environment(static_root=static_root, database_url="sqlite://:memory:")

    with gunicorn(environment=environment) as (base, _):
        manifest_status, _, _ = fetch(f"{base}/static/staticfiles.json")
        stylesheet_status, headers, _ = fetch(f"{base}/static/{stylesheet}")

    assert not (static_root / "staticfiles.json").exists()
    assert manifest_status == 404
    assert stylesheet_status == 200
    assert "max-age=315360000" in headers["Cache-Control"]
