"""Background imports and the refusal of a million-row workbook (part of `make bench`).

Runs in a process of its own (bench/run.py starts it last), on its own temporary SQLite
database, with the project's default limits and its default task backend (the database
queue), so that its peak memory is its own:

- a workbook of a million rows: refused by its row count (IMPORT_MAX_ROWS) while it is
  streamed; the time and the peak memory (tracemalloc, and the process's peak resident
  size) of the refusal, and of the quick row estimate that sends it to the background;
- 100,000 rows of events imported as the admin imports a large file: stored, checked by
  a task, confirmed, written by a second task, both run by the `db_worker` command; the
  time of each task, the process's peak resident size (after the refusal above, which
  stays below it), and how many progress updates the job's page could show (the writes of
  the progress to the job).

``python bench/background.py --rows 20000`` runs a smaller import.
"""

import argparse
import contextlib
import io
import os
import resource
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

MILLION = 1_000_000


def setup_django(directory: Path) -> None:
    os.environ.setdefault("DJANGO_DEBUG", "1")
    os.environ["DJANGO_SETTINGS_MODULE"] = "heroes_site.settings"
    os.environ["DATABASE_URL"] = f"sqlite:///{directory / 'background.sqlite3'}"
    os.environ["IMPORT_FILES_ROOT"] = str(directory / "imports")
    os.environ.pop("REDIS_URL", None)
    import django

    django.setup()
    from django.conf import settings

    settings.DEBUG = False
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


def peak_rss_mb() -> float:
    """The process's peak resident size since the last reset_peak_rss(), in MB.

    ru_maxrss would do, but Linux carries it over an exec from the parent (bench/run.py,
    which has just imported 100,000 rows); VmHWM can be reset.
    """
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def reset_peak_rss() -> None:
    """Start the peak resident size afresh (Linux: writing 5 to clear_refs)."""
    with contextlib.suppress(OSError):
        Path("/proc/self/clear_refs").write_text("5")


def timed(function):
    start = time.perf_counter()
    result = function()
    return time.perf_counter() - start, result


def measured(function):
    """Time, peak traced memory (MB) and the result of a call."""
    tracemalloc.start()
    start = time.perf_counter()
    result = function()
    elapsed = time.perf_counter() - start
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return elapsed, peak / 1024 / 1024, result


WORKBOOK_PARTS = {
    "[Content_Types].xml": (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" '
        'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        '<Override PartName="/xl/workbook.xml" ContentType="application/'
        'vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
        '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/'
        'vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>'
    ),
    "_rels/.rels": (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Target="xl/workbook.xml" Type="http://schemas.openxmlformats'
        '.org/officeDocument/2006/relationships/officeDocument"/></Relationships>'
    ),
    "xl/workbook.xml": (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
        'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
        '<sheets><sheet name="person" sheetId="1" r:id="rId1"/></sheets></workbook>'
    ),
    "xl/_rels/workbook.xml.rels": (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Target="worksheets/sheet1.xml" Type="http://schemas.'
        'openxmlformats.org/officeDocument/2006/relationships/worksheet"/></Relationships>'
    ),
}


def million_row_workbook() -> bytes:
    """A workbook of a million people written as a spreadsheet program would (compressed
    XML, a row element per row), streamed into the archive: quick to make, small to keep."""
    import zipfile

    def cell(column: str, row: int, text: str) -> str:
        return f'<c r="{column}{row}" t="inlineStr"><is><t>{text}</t></is></c>'

    output = io.BytesIO()
    with zipfile.ZipFile(output, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for name, text in WORKBOOK_PARTS.items():
            archive.writestr(name, text)
        with archive.open("xl/worksheets/sheet1.xml", "w") as sheet:
            sheet.write(
                b'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.'
                b'openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
            )
            header = cell("A", 1, "slug") + cell("B", 1, "name_ru") + cell("C", 1, "citations")
            sheet.write(f'<row r="1">{header}</row>'.encode())
            # Cells without their optional addresses, a number each: the file stays under
            # the upload limit, so that it is its rows that are refused.
            for start in range(0, MILLION, 10_000):
                sheet.write(
                    "".join(
                        f"<row><c><v>{number}</v></c></row>"
                        for number in range(start, start + 10_000)
                    ).encode()
                )
            sheet.write(b"</sheetData></worksheet>")
    return output.getvalue()


def refuse_million_rows() -> None:
    from django.conf import settings

    from awards.exchange.files import estimate_rows
    from awards.exchange.kinds.records import RecordKind
    from awards.exchange.pipeline.run import import_file
    from awards.exchange.resources import PersonResource

    data = million_row_workbook()
    reset_peak_rss()
    estimate_time, estimate_peak, _ = measured(
        lambda: estimate_rows(data, file_format="xlsx", up_to=settings.IMPORT_BACKGROUND_ROWS)
    )
    refuse_time, refuse_peak, report = measured(
        lambda: import_file(kind=RecordKind(PersonResource()), data=data, file_name="million.xlsx")
    )
    assert not report.ok and report.errors[0].row is None, report.errors[:3]
    print(
        f"A workbook of {MILLION:,} rows ({len(data) / 1024 / 1024:.1f} MB), "
        f"IMPORT_MAX_ROWS {settings.IMPORT_MAX_ROWS:,}:"
    )
    print(
        f"  row estimate at upload (to the background)   {estimate_time:7.2f} s"
        f"   peak {estimate_peak:6.1f} MB traced"
    )
    print(
        f"  refused while streamed                        {refuse_time:7.2f} s"
        f"   peak {refuse_peak:6.1f} MB traced, process peak {peak_rss_mb():6.1f} MB (goal < 200)"
    )
    print(f"  message: {report.errors[0].message}\n")


def background_import(rows: int) -> None:
    from django.conf import settings
    from django.contrib.auth import get_user_model
    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.core.management import call_command
    from django.db import transaction

    from awards.exchange import jobs
    from awards.models import ImportJob

    sys.path.insert(0, str(ROOT / "bench"))
    from run import create_targets, generate_csv

    reset_peak_rss()

    create_targets()
    data = generate_csv(rows)
    # 100,000 events take about 20 MB of CSV: over the default upload limit of 10 MB.
    settings.IMPORT_MAX_UPLOAD_BYTES = 2 * len(data)
    updates = {"count": 0}
    record_progress = jobs.JobProgress.__call__

    def counted(self, progress):
        updates["count"] += 1
        record_progress(self, progress)

    jobs.JobProgress.__call__ = counted

    def run_worker():
        call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload", verbosity=0)

    # A chief editor's import: the events include published ones.
    user = get_user_model().objects.create_superuser("bench-chief", password=None)
    with transaction.atomic():
        job = jobs.start_import_job(
            model_name="event",
            upload=SimpleUploadedFile("events.csv", data),
            file_format="csv",
            user=user,
        )
    check_time, _ = timed(run_worker)
    job.refresh_from_db()
    assert job.status == ImportJob.Status.CHECKED, (job.status, job.errors[:3])
    check_updates = updates["count"]
    with transaction.atomic():
        jobs.confirm_import_job(job=job)
    write_time, _ = timed(run_worker)
    job.refresh_from_db()
    assert job.status == ImportJob.Status.IMPORTED, (job.status, job.errors[:3])
    print(f"Background import of {rows:,} events (CSV {len(data) / 1024 / 1024:.1f} MB) through")
    print("the database task queue and its db_worker:")
    print(
        f"  check (task 1)                       {check_time:7.2f} s"
        f"   {check_updates} progress updates"
    )
    print(
        f"  write (task 2, {job.rows_written:,} records)     {write_time:7.2f} s"
        f"   {updates['count'] - check_updates} progress updates"
    )
    # No goal yet: the import holds the whole file and every row's outcome until it writes.
    print(f"  process peak resident size           {peak_rss_mb():7.1f} MB\n")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rows", type=int, default=100_000)
    options = parser.parse_args()
    with tempfile.TemporaryDirectory() as directory:
        setup_django(Path(directory))
        refuse_million_rows()
        background_import(options.rows)


if __name__ == "__main__":
    main()
