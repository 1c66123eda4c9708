"""Requests served through heroes_site.wsgi (gunicorn, production settings): writers wait for
each other.

Two editors saving the same version of a record get one save and one conflict form, never
a 503; a save made while another process writes waits for it; when the wait runs out, the
503 page says the database was busy, not that it is broken; a command waits longer than a
request would. On the tests' engine: a SQLite file, or a PostgreSQL database of its own when
the tests run on PostgreSQL."""

import subprocess
import sys
import threading
from contextlib import contextmanager
from dataclasses import dataclass

import pytest

from tests.support.production_server import (
    ROOT,
    AdminSession,
    create_editor,
    gunicorn,
    production_environment,
    read_row,
    served_database,
)

pytestmark = pytest.mark.slow

EDITORS = ("editor-a", "editor-b")
ROUNDS = 8
TITLE = "hero-of-labour"


@dataclass
class Site:
    environment: dict
    passwords: dict[str, str]

    def log_in(self, base: str, username: str) -> AdminSession:
        session = AdminSession(base)
        session.log_in(username=username, password=self.passwords[username])
        return session

    def title(self, field: str):
        """A field of the title as this site's database holds it."""
        column = "id" if field == "pk" else field
        sql = f"SELECT {column} FROM awards_title WHERE slug = %s"
        return read_row(self.environment["DATABASE_URL"], sql, [TITLE])[0]

    def title_path(self) -> str:
        return f"/admin/awards/title/{self.title('pk')}/change/"


@pytest.fixture(scope="module")
def site(tmp_path_factory, static_root, site_template):
    folder = tmp_path_factory.mktemp("contention")
    with served_database(folder, copy_of=site_template) as database_url:
        environment = production_environment(
            static_root=static_root,
            database_url=database_url,
            DJANGO_CACHE_DIR=str(folder / "cache"),
        )
        yield Site(
            environment=environment,
            # Chief editors: an editor's save of the published title would wait for review.
            passwords={
                name: create_editor(environment, username=name, chief=True) for name in EDITORS
            },
        )


def renamed(form: list[tuple[str, str]], name: str) -> list[tuple[str, str]]:
    """The change form as posted by its save button, the Russian name changed."""
    kept = [(field, value) for field, value in form if field != "name_ru"]
    return [*kept, ("name_ru", name), ("_save", "Сохранить")]


def outcome(status: int, page: str) -> str:
    if status == 302:
        return "saved"
    if status == 200 and 'id="record-conflict"' in page:
        return "conflict form"
    return f"{status}: {page[:300]}"


def post_at_once(sessions, path: str, posts) -> list[str]:
    """Send each session's post at the same moment; their outcomes."""
    start = threading.Barrier(len(sessions))
    outcomes = [""] * len(sessions)

    def send(number):
        start.wait()
        outcomes[number] = outcome(*sessions[number].request("POST", path, posts[number])[::2])

    threads = [threading.Thread(target=send, args=(n,)) for n in range(len(sessions))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return outcomes


@contextmanager
def write_transaction_held(site: Site, **extra_environment):
    """Another process writes the title in a transaction it holds until the block ends."""
    script = (
        "import sys\n"
        "from django.db import transaction\n"
        "from django.db.models import F\n"
        "from awards.models import Title\n"
        "with transaction.atomic():\n"
        f"    Title.objects.filter(slug={TITLE!r}).update(updated_at=F('updated_at'))\n"
        "    print('holding', flush=True)\n"
        "    sys.stdin.readline()\n"
    )
    holder = subprocess.Popen(
        [sys.executable, "manage.py", "shell", "-v", "0", "-c", script],
        cwd=ROOT,
        env=site.environment | extra_environment,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout.readline().strip() == "holding"
        yield
    finally:
        holder.communicate("release\n", timeout=60)
    assert holder.returncode == 0


def test_two_editors_saving_the_same_version_at_once_get_one_save_and_one_conflict_form(site):
    path = site.title_path()
    version_before = int(site.title("version"))
    rounds = []
    with gunicorn(environment=site.environment, workers=2) as (base, _):
        sessions = [site.log_in(base, name) for name in EDITORS]
        for number in range(ROUNDS):
            posts = [
                renamed(
                    session.change_form(path, form_id="title_form"), f"Герой Труда {name} {number}"
                )
                for session, name in zip(sessions, EDITORS, strict=True)
            ]
            rounds.append(sorted(post_at_once(sessions, path, posts)))

    assert rounds == [["conflict form", "saved"]] * ROUNDS
    assert int(site.title("version")) == version_before + ROUNDS


def test_a_save_while_another_process_writes_waits_for_it_and_succeeds(site):
    path = site.title_path()
    with gunicorn(environment=site.environment) as (base, _):
        session = site.log_in(base, "editor-a")
        form = renamed(session.change_form(path, form_id="title_form"), "Герой Труда (дождался)")
        answers = []
        with write_transaction_held(site):
            save = threading.Thread(
                target=lambda: answers.append(session.request("POST", path, form))
            )
            save.start()
            # Two seconds into the other write, the save is still waiting for it.
            save.join(timeout=2)
            assert save.is_alive()
        save.join()

    status, _, page = answers[0]
    assert outcome(status, page) == "saved"
    assert site.title("name_ru") == "Герой Труда (дождался)"


def test_when_the_wait_runs_out_the_page_says_the_database_was_busy(site):
    path = site.title_path()
    environment = site.environment | {"DATABASE_BUSY_TIMEOUT": "1"}
    with gunicorn(environment=environment) as (base, _):
        session = site.log_in(base, "editor-b")
        form = renamed(session.change_form(path, form_id="title_form"), "Не дождался")
        with write_transaction_held(site):
            status, headers, page = session.request("POST", path, form)

    assert status == 503, page[:500]
    assert headers["Retry-After"] == "10"
    assert "База данных занята" in page
    assert "Ваше изменение не сохранено" in page
    assert "только для чтения" not in page
    assert site.title("name_ru") != "Не дождался"


def test_a_command_waits_for_a_write_longer_than_a_request_would(site):
    """The worker and the commands wait DATABASE_COMMAND_TIMEOUT, not a request's limit."""
    write = (
        "from django.db.models import F\n"
        "from awards.models import Title\n"
        "print('writing', flush=True)\n"
        f"Title.objects.filter(slug={TITLE!r}).update(updated_at=F('updated_at'))\n"
    )
    command = [sys.executable, "manage.py", "shell", "-v", "0", "-c", write]
    short_waits = {"DATABASE_BUSY_TIMEOUT": "1"}
    with write_transaction_held(site):
        waiting = subprocess.Popen(
            command, cwd=ROOT, env=site.environment | short_waits, stdout=subprocess.PIPE, text=True
        )
        assert waiting.stdout.readline().strip() == "writing"
        # Started after the command's write, a request's write gives up first.
        refused = subprocess.run(
            command,
            cwd=ROOT,
            env=site.environment | short_waits | {"DJANGO_SERVES_REQUESTS": "1"},
            capture_output=True,
            text=True,
            timeout=120,
        )
        still_waiting = waiting.poll() is None
    waiting.communicate(timeout=120)

    assert refused.returncode != 0
    assert "database is locked" in refused.stderr or "lock timeout" in refused.stderr
    assert still_waiting
    assert waiting.returncode == 0
