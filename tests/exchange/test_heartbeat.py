"""Heartbeats of background imports (awards.exchange.heartbeat): a worker that beats is running."""

from awards.exchange.heartbeat import Heartbeat
from tests.support.job_pages import FAILED, as_a_worker_left_it, queue


def test_a_job_whose_worker_beats_is_shown_running_however_long_it_takes(
    database_queue, editor_client, django_capture_on_commit_callbacks
):
    page_url, job = queue(editor_client, django_capture_on_commit_callbacks)
    as_a_worker_left_it(job, status="checking", task="RUNNING", seconds_ago=600)

    with Heartbeat(job_id=job.pk, task_id=job.task_id):
        page = editor_client.get(page_url).text

    assert "проверяется" in page and FAILED not in page
    assert 'http-equiv="refresh"' in page
