"""The releases for download at /data/ (awards.site.data_views): each with its checksums
and links; only the files a manifest lists are served."""

import hashlib

import pytest
from django.core.management import call_command

from tests.support.public_pages import get_page, visible_text


@pytest.fixture
def releases(seeded, tmp_path, settings):
    settings.DATA_RELEASES_DIR = tmp_path
    call_command("release_data", str(tmp_path), "--date", "2026-12-07", verbosity=0)
    return tmp_path / "2026-12-07"


def downloaded(response) -> bytes:
    return b"".join(response.streaming_content)


def test_data_lists_each_release_with_its_files_and_checksums(client, releases):
    import json

    manifest = json.loads((releases / "manifest.json").read_text())
    html = get_page(client, "/data/").content.decode()
    text = visible_text(get_page(client, "/data/"))
    assert "Выпуск от 7 декабря 2026 г." in text
    for entry in manifest["files"]:
        assert entry["sha256"] in html
        assert f'href="/data/2026-12-07/{entry["path"]}"' in html
    assert "Звания: 3" in text


def test_english_data_page(client, releases):
    text = visible_text(get_page(client, "/en/data/"))
    assert "Release of 7 December 2026" in text
    assert "Licence: CC BY 4.0" in text


def test_a_downloaded_file_matches_its_checksum(client, releases):
    import json

    manifest = json.loads((releases / "manifest.json").read_text())
    entry = next(entry for entry in manifest["files"] if entry["path"] == "title.csv")
    response = get_page(client, "/data/2026-12-07/title.csv")
    assert "attachment" in response["Content-Disposition"]
    assert hashlib.sha256(downloaded(response)).hexdigest() == entry["sha256"]
    assert downloaded(get_page(client, "/data/2026-12-07/manifest.json")).startswith(b"{")


@pytest.mark.parametrize(
    "path",
    [
        "/data/2026-12-07/..%2F..%2Fsettings.py",
        "/data/2026-12-07/%2Fetc%2Fpasswd",
        "/data/..%2F2026-12-07/title.csv",
        "/data/2026-12-07/unlisted.csv",
        "/data/2026-12-08/title.csv",
        "/data/.2026-12-07.partial/title.csv",
    ],
)
def test_nothing_but_the_listed_files_is_served(client, releases, path):
    (releases / "unlisted.csv").write_text("secret")
    assert client.get(path).status_code == 404


def test_no_release_yet_says_so(client, seeded, tmp_path, settings):
    settings.DATA_RELEASES_DIR = tmp_path / "none"
    assert "Выпусков данных пока нет." in visible_text(get_page(client, "/data/"))


def test_a_folder_whose_manifest_names_another_day_is_no_release(client, releases):
    import shutil

    shutil.copytree(releases, releases.parent / "2026-12-08")
    text = visible_text(get_page(client, "/data/"))
    assert text.count("Выпуск от") == 1
    assert client.get("/data/2026-12-08/title.csv").status_code == 404
