"""Background imports that nothing runs any more (awards.exchange.stopped_jobs): a job whose worker
was killed or stopped, or whose task ended or was lost, is shown failed, its file kept, and can
be checked again; a job still queued when its worker died is run by the next worker."""

import csv
import io
import os
import re
import signal
from datetime import timedelta
from pathlib import Path

import pytest
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from awards.models import ImportJob
from bench.registry import HEADERS, synthetic_rows
from tests.support.job_pages import FAILED, as_a_worker_left_it, counts, queue
from tests.support.production_server import (
    AdminSession,
    create_editor,
    gunicorn,
    manage,
    production_environment,
    read_row,
    served_database,
)
from tests.support.task_workers import db_worker, held, open_when_read, wait_until

JOBS_URL = "/admin/awards/importjob/"
STOPPED = "Фоновый обработчик, выполнявший этот импорт, остановился"
LOST = "Задачи, которая должна была выполнить этот импорт, больше нет в очереди"
CHECK_AGAIN = "Проверить тот же файл ещё раз"


def test_a_job_whose_task_failed_while_it_ran_is_shown_failed_and_checked_again(
    database_queue, editor_client, django_capture_on_commit_callbacks
):
    page_url, job = queue(editor_client, django_capture_on_commit_callbacks)
    # The task ended, the job was left "checking" (its worker could not record the end).
    as_a_worker_left_it(job, status="checking", task="FAILED")

    page = editor_client.get(page_url).text

    assert FAILED in page and STOPPED in page
    assert 'http-equiv="refresh"' not in page
    assert CHECK_AGAIN in page
    assert ImportJob.objects.get().file
    with django_capture_on_commit_callbacks(execute=True):
        editor_client.post(page_url.replace("change/", "check-again/"))
    again = ImportJob.objects.get()
    assert again.status == "queued" and again.task_id != job.task_id
    assert DBTaskResult.objects.get(id=again.task_id).status == "READY"


def test_check_again_is_accepted_for_a_job_whose_worker_is_silent(
    database_queue, editor_client, django_capture_on_commit_callbacks
):
    page_url, job = queue(editor_client, django_capture_on_commit_callbacks)
    as_a_worker_left_it(job, status="checking", task="RUNNING", seconds_ago=61)

    with django_capture_on_commit_callbacks(execute=True):
        response = editor_client.post(page_url.replace("change/", "check-again/"))

    assert response.status_code == 302
    assert "нельзя проверить заново" not in editor_client.get(page_url).text
    assert ImportJob.objects.get().status == "queued"


def test_a_job_waiting_for_a_worker_whose_task_is_gone_is_shown_failed(
    database_queue, editor_client, django_capture_on_commit_callbacks
):
    page_url, _job = queue(editor_client, django_capture_on_commit_callbacks)
    DBTaskResult.objects.all().delete()

    page = editor_client.get(page_url).text

    assert FAILED in page and LOST in page and CHECK_AGAIN in page


def test_a_job_waits_as_long_as_its_task_is_queued(
    database_queue, editor_client, django_capture_on_commit_callbacks
):
    page_url, job = queue(editor_client, django_capture_on_commit_callbacks)
    ImportJob.objects.filter(pk=job.pk).update(updated_at=timezone.now() - timedelta(days=2))

    assert "ждёт проверки" in editor_client.get(page_url).text


def test_the_list_of_jobs_shows_failed_a_job_whose_worker_went_silent(
    database_queue, editor_client, django_capture_on_commit_callbacks
):
    _page_url, job = queue(editor_client, django_capture_on_commit_callbacks)
    as_a_worker_left_it(job, status="checking", task="RUNNING", seconds_ago=61)

    listed = editor_client.get(JOBS_URL).text

    assert f'class="field-status">{FAILED}</td>' in listed
    assert ImportJob.objects.get().failure == "stopped"


def test_a_write_committed_before_its_worker_died_is_shown_imported(
    database_queue, editor_client, django_capture_on_commit_callbacks
):
    page_url, job = queue(editor_client, django_capture_on_commit_callbacks)
    as_a_worker_left_it(job, status="writing", task="RUNNING", seconds_ago=61)
    # Counted inside the write's transaction: committed with the records.
    ImportJob.objects.filter(pk=job.pk).update(rows_to_write=12, rows_written=12)

    page = editor_client.get(page_url).text

    assert "импортирован" in page and FAILED not in page
    assert not ImportJob.objects.get().file


# Real workers, killed -------------------------------------------------------------------


# Low, so that a killed worker's job is found dead soon; a page polls for it all the same.
STALE_SECONDS = 3
EDITOR = "worker-test-editor"
CHECKED = "проверен, ждёт подтверждения"


class LiveSite:
    """The site in processes of its own (gunicorn with the production settings, on a
    database of its own on the tests' engine, prepared, with its cache and stored files),
    seen by an editor's browser."""

    def __init__(self, root: Path, *, static_root: Path, database_url: str):
        self.files = root / "files"
        self.environment = production_environment(
            static_root=static_root,
            database_url=database_url,
            DJANGO_CACHE_DIR=str(root / "cache"),
            IMPORT_FILES_ROOT=str(self.files),
            IMPORT_JOB_STALE_SECONDS=str(STALE_SECONDS),
        )
        self.lists = root / "lists"
        self.lists.mkdir()
        self.password = create_editor(self.environment, username=EDITOR)
        self.browser: AdminSession | None = None

    def queue(self, name: str, *, seed: int) -> int:
        """Queue a registry list of drafts as the editor, as `import_registry --background`
        does; the job's id."""
        path = self.lists / name
        path.write_bytes(draft_list(20, seed=seed))
        printed = manage(
            self.environment, "import_registry", str(path), "--background", "--user", EDITOR
        )
        return int(re.search(r"Queued background import (\d+)", printed).group(1))

    def job_row(self, job_id: int) -> list[str]:
        """The job's status and failure as the database holds them, no page asked."""
        sql = "SELECT status, failure FROM awards_importjob WHERE id = %s"
        return list(read_row(self.environment["DATABASE_URL"], sql, [job_id]))

    def stored_file(self, name: str) -> Path:
        (path,) = self.files.glob(f"*/*/{name}")
        return path

    def job_page(self, job_id: int) -> str:
        status, _, page = self.browser.request("GET", f"/admin/awards/importjob/{job_id}/change/")
        assert status == 200, page[:500]
        return page

    def wait_for(self, job_id: int, status: str, *, what: str) -> str:
        """The job's page, once it shows the status."""

        seen = []

        def shown():
            page = self.job_page(job_id)
            seen.append(status_of(page))
            return page if seen[-1] == status else ""

        try:
            return wait_until(shown, what=what)
        except AssertionError as error:
            raise AssertionError(f"{error}; the page said «{seen[-1]}»") from None

    def post(self, job_id: int, action: str) -> int:
        token = [("csrfmiddlewaretoken", self.browser.cookies["csrftoken"])]
        path = f"/admin/awards/importjob/{job_id}/{action}/"
        return self.browser.request("POST", path, token)[0]


def draft_list(count: int, *, seed: int) -> bytes:
    """A synthetic registry list whose conferments are drafts, as an editor's list is."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(HEADERS)
    writer.writerows([*row[:-1], "0"] for row in synthetic_rows(count, seed=seed))
    return out.getvalue().encode()


def status_of(page: str) -> str:
    return re.search(r'<dd class="import-job-status">([^<]*)</dd>', page).group(1)


@pytest.fixture(scope="module")
def live_site(tmp_path_factory, static_root, site_template):
    root = tmp_path_factory.mktemp("workers")
    with served_database(root, copy_of=site_template) as database_url:
        site = LiveSite(root, static_root=static_root, database_url=database_url)
        with gunicorn(environment=site.environment) as (base, _):
            site.browser = AdminSession(base)
            site.browser.log_in(username=EDITOR, password=site.password)
            yield site


@pytest.mark.slow
def test_a_killed_worker_leaves_its_job_failed_and_a_new_worker_checks_and_imports_it(
    live_site,
):
    job = live_site.queue("killed.csv", seed=1)
    with held(live_site.stored_file("killed.csv")):
        with db_worker(live_site.environment) as worker:
            live_site.wait_for(job, "проверяется", what="the worker to start checking")
            worker.kill()
        failed = live_site.wait_for(job, FAILED, what="the job to be shown failed")

    assert STOPPED in failed and CHECK_AGAIN in failed
    assert 'http-equiv="refresh"' not in failed
    assert live_site.stored_file("killed.csv").read_bytes() == draft_list(20, seed=1)
    assert live_site.post(job, "check-again") == 302
    assert status_of(live_site.job_page(job)) == "ждёт проверки"
    with db_worker(live_site.environment):
        live_site.wait_for(job, CHECKED, what="the new worker to check the job")
        assert live_site.post(job, "confirm") == 302
        imported = live_site.wait_for(job, "импортировано", what="the new worker to write the job")
    assert counts(imported)["Записей записано"] == "20 / 20"


@pytest.mark.slow
def test_a_worker_stopped_by_signals_marks_its_job_failed_as_it_stops(live_site, tmp_path):
    job = live_site.queue("stopped.csv", seed=2)
    log_path = tmp_path / "worker.log"
    with (
        held(live_site.stored_file("stopped.csv")),
        log_path.open("w") as log,
        db_worker(live_site.environment, log=log) as worker,
    ):
        live_site.wait_for(job, "проверяется", what="the worker to start checking")
        # The first asks the worker to stop after its task; the second stops the task
        # (SystemExit inside it).
        worker.send_signal(signal.SIGTERM)
        wait_until(lambda: "shutting down gracefully" in log_path.read_text(), what="the log")
        worker.send_signal(signal.SIGTERM)
        worker.wait(timeout=120)

    # Marked by the task itself, before any page looked.
    assert live_site.job_row(job) == ["failed", "stopped"]
    page = live_site.job_page(job)
    assert STOPPED in page and CHECK_AGAIN in page


@pytest.mark.slow
def test_a_job_queued_behind_a_killed_worker_is_run_by_the_next_worker(live_site):
    first = live_site.queue("first.csv", seed=3)
    second = live_site.queue("second.csv", seed=4)
    with held(live_site.stored_file("first.csv")):
        with db_worker(live_site.environment) as worker:
            live_site.wait_for(first, "проверяется", what="the worker to start the first job")
            worker.kill()
        assert status_of(live_site.job_page(second)) == "ждёт проверки"

        with db_worker(live_site.environment):
            live_site.wait_for(second, CHECKED, what="the next worker to check the job left")
        live_site.wait_for(first, FAILED, what="the killed worker's job to be shown failed")


@pytest.mark.slow
def test_a_frozen_worker_that_wakes_after_its_job_was_checked_again_changes_nothing(
    live_site, tmp_path
):
    job = live_site.queue("frozen.csv", seed=5)
    log_path = tmp_path / "frozen-worker.log"
    with log_path.open("w") as log, db_worker(live_site.environment, log=log) as frozen:
        with held(live_site.stored_file("frozen.csv")):
            pipe = open_when_read(live_site.stored_file("frozen.csv"))
            # Frozen (a stopped process, a machine paused): its heartbeat stops, not its task.
            frozen.send_signal(signal.SIGSTOP)
            # What it will read when it wakes: a list that its check would refuse.
            os.write(pipe, draft_list(20, seed=5).replace(b"hero-of-socialist", b"no-such"))
            os.close(pipe)
            live_site.wait_for(job, FAILED, what="the silent worker's job to be shown failed")
        assert live_site.post(job, "check-again") == 302
        with db_worker(live_site.environment):
            live_site.wait_for(job, CHECKED, what="another worker to check the job")

        frozen.send_signal(signal.SIGCONT)
        wait_until(
            lambda: "check_import state=SUCCESSFUL" in log_path.read_text(),
            what="the woken worker to end its task",
        )

    page = live_site.job_page(job)
    assert status_of(page) == CHECKED
    assert counts(page)["Строк в файле"] == "20"
    assert counts(page)["Ошибок пока"] == "0"
