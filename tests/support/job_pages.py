"""Background imports as the tests drive them: files queued through the admin, a job's page
read (templates/admin/awards/importjob/progress.html), jobs left as a dead worker leaves them."""

import re
from datetime import timedelta

from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from awards.models import ImportJob
from tests.support.admin_imports import upload

# The database queue, with no worker running it unless a test starts one.
DATABASE_QUEUE = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
FAILED = "сбой, ничего не изменилось"


def counts(page_text: str) -> dict[str, str]:
    """The figures of a job's page, by their Russian row headings."""
    return dict(re.findall(r'<th scope="row">([^<]+)</th><td>([^<]+)</td>', page_text))


def people_csv(count: int, *, prefix: str = "person", bad: set[int] = frozenset()) -> bytes:
    """A file of ``count`` people citing c1; the rows numbered in ``bad`` cite nothing there is."""
    lines = ["slug,name_ru,citations"]
    for number in range(count):
        citations = "no-such-citation" if number in bad else "c1"
        lines.append(f"{prefix}-{number},Человек {number},{citations}")
    return ("\n".join(lines) + "\n").encode()


def start(client, capture, content, **kwargs):
    """Upload a large file and run the queued tasks; the job's page address."""
    with capture(execute=True):
        response = upload(client, content, **kwargs)
    assert response.status_code == 302
    return response["Location"]


def confirm(client, capture, page_url: str):
    """Confirm a checked job and run its write; the job's page after it."""
    with capture(execute=True):
        response = client.post(page_url.replace("change/", "confirm/"))
    assert response.status_code == 302
    return client.get(page_url)


def queue(client, capture) -> tuple[str, ImportJob]:
    """Upload a large file; its job's page and the job, queued."""
    with capture(execute=True):
        response = upload(client, people_csv(12))
    assert response.status_code == 302
    job = ImportJob.objects.get()
    assert job.status == "queued" and job.task_id
    return response["Location"], job


def as_a_worker_left_it(job: ImportJob, *, status: str, task: str, seconds_ago: float = 0):
    """The job and its task row as a worker leaves them that took them and stopped."""
    then = timezone.now() - timedelta(seconds=seconds_ago)
    DBTaskResult.objects.filter(id=job.task_id).update(status=task, started_at=then)
    ImportJob.objects.filter(pk=job.pk).update(status=status, updated_at=then)
