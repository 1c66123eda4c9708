"""Soak test: gunicorn with the production settings under load, a killed worker, a lost database.

Everything runs on 127.0.0.1 and stops by itself (about two minutes): a throwaway
PostgreSQL database `heroes_soak` on the local server, reached through a TCP relay that
this script can cut; gunicorn with a throwaway secret; threads that fetch the main public
pages. Reported for each phase: requests/s, p50/p99 latency, non-2xx answers and errors.

Goals: no non-2xx at steady load; a killed worker loses at most its in-flight request;
with the database gone the first 503 comes within 5 s, and pages come back by themselves
(those requests carry a session cookie, as an editor's do, so that the whole-page cache
does not answer them without the database).
Then, on a SQLite file: editors saving the same and different records at once, counted as
saves, conflict forms and 503s (goal: no 503).
Last, a worker killed during a background import: its job shown failed within the stale time,
nothing written, imported after "check again" by a new worker; no job lost.
"""

import argparse
import contextlib
import http.client
import json
import os
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# The production-server helpers are the tests' (tests/support/production_server.py): one place.
sys.path.insert(0, str(ROOT))
from tests.support.production_server import (  # noqa: E402
    AdminSession,
    collect_static,
    create_editor,
    form_fields,
    gunicorn,
    manage,
    prepare_site_database,
    production_environment,
)

PAGES = [
    "/",
    "/en/",
    "/history/",
    "/titles/",
    "/titles/hero-of-socialist-labour/",
    "/en/titles/hero-of-socialist-labour/",
    "/compare/heroes/",
    "/rules/?title=hero-of-socialist-labour&year=1975&month=&day=",
    "/search/?q=%D0%BC%D0%B5%D0%B4%D0%B0%D0%BB%D1%8C",
]


@dataclass
class Outcome:
    started: float
    seconds: float
    status: int  # 0: no HTTP answer (connection reset, timeout)


@dataclass
class PhaseReport:
    name: str
    connections: int
    seconds: float
    requests: int
    requests_per_second: float
    p50_ms: float
    p99_ms: float
    non_2xx: int
    errors: int
    notes: dict = field(default_factory=dict)


class DatabaseRelay:
    """A TCP relay to PostgreSQL that can be cut: open links dropped, new ones left hanging."""

    def __init__(self, target: tuple[str, int]):
        self.target = target
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.port = self.listener.getsockname()[1]
        self.cut = threading.Event()
        self.sockets: list[socket.socket] = []
        self.lock = threading.Lock()
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self):
        while True:
            client, _ = self.listener.accept()
            with self.lock:
                self.sockets.append(client)
            if self.cut.is_set():
                continue  # accepted, never answered: a hung database host
            upstream = socket.create_connection(self.target)
            with self.lock:
                self.sockets.append(upstream)
            for source, sink in ((client, upstream), (upstream, client)):
                threading.Thread(target=self._pump, args=(source, sink), daemon=True).start()

    @staticmethod
    def _pump(source, sink):
        try:
            while data := source.recv(65536):
                sink.sendall(data)
        except OSError:
            pass
        finally:
            for end in (source, sink):
                with contextlib.suppress(OSError):
                    end.shutdown(socket.SHUT_RDWR)

    def disconnect(self):
        self.cut.set()
        with self.lock:
            for connection in self.sockets:
                with contextlib.suppress(OSError):
                    connection.shutdown(socket.SHUT_RDWR)
                connection.close()
            self.sockets.clear()

    def reconnect(self):
        self.disconnect()  # the hanging links go too
        self.cut.clear()


# A session cookie: the page is rendered for this request, never answered from the page
# cache (which would keep serving anonymous visitors while the database is gone).
UNCACHED = {"Cookie": "sessionid=soak-no-such-session"}


def fetch(port: int, path: str, headers: dict | None = None) -> int:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        connection.request("GET", path, headers={"X-Forwarded-Proto": "https", **(headers or {})})
        response = connection.getresponse()
        response.read()
        return response.status
    except (OSError, http.client.HTTPException):
        return 0
    finally:
        connection.close()


def load(
    *, port: int, connections: int, seconds: float, during=None, headers: dict | None = None
) -> list[Outcome]:
    """`connections` threads fetching PAGES in turn for `seconds`; `during()` runs alongside."""
    outcomes: list[Outcome] = []
    deadline = time.monotonic() + seconds

    def client(offset: int):
        number = offset
        while time.monotonic() < deadline:
            started = time.monotonic()
            status = fetch(port, PAGES[number % len(PAGES)], headers)
            outcomes.append(Outcome(started, time.monotonic() - started, status))
            number += 1

    threads = [threading.Thread(target=client, args=(n,)) for n in range(connections)]
    for thread in threads:
        thread.start()
    if during:
        during()
    for thread in threads:
        thread.join()
    return outcomes


def report(name, connections, seconds, outcomes, **notes) -> PhaseReport:
    latencies = sorted(outcome.seconds * 1000 for outcome in outcomes)
    return PhaseReport(
        name=name,
        connections=connections,
        seconds=seconds,
        requests=len(outcomes),
        requests_per_second=round(len(outcomes) / seconds, 1),
        p50_ms=round(statistics.median(latencies), 1),
        p99_ms=round(latencies[int(len(latencies) * 0.99) - 1], 1),
        non_2xx=sum(1 for outcome in outcomes if outcome.status and outcome.status >= 300),
        errors=sum(1 for outcome in outcomes if not outcome.status),
        notes=notes,
    )


def worker_pids(master: int) -> list[int]:
    children = Path(f"/proc/{master}/task/{master}/children").read_text().split()
    return [int(pid) for pid in children]


def prepare_database(url: str, name: str) -> None:
    import psycopg

    with psycopg.connect(url, autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}"')
        admin.execute(f'CREATE DATABASE "{name}"')


def concurrent_saves(
    *, folder: Path, static_root: Path, workers: int, seconds: float, log_path: Path
) -> PhaseReport:
    """Editors saving at once through gunicorn on a SQLite file for `seconds`: three on the
    same title, three on a medal each (SQLite has one writer for the whole file). Each
    editor opens the change form and saves it, again and again; a save is a redirect, a
    conflict the form again with the other editor's changes. Goal: 503s: 0."""
    environment = production_environment(
        static_root=static_root,
        database_url=f"sqlite:///{folder / 'saves.sqlite3'}",
        DJANGO_CACHE_DIR=str(folder / "saves-cache"),
    )
    prepare_site_database(environment)
    targets = manage(
        environment,
        "shell",
        "-v",
        "0",
        "-c",
        "from awards.models import Medal, Title\n"
        "print('title', Title.objects.get(slug='hero-of-labour').pk)\n"
        "for pk in Medal.objects.order_by('pk').values_list('pk', flat=True)[:3]:\n"
        "    print('medal', pk)\n",
    ).split("\n")
    targets = [line.split() for line in targets if line.strip()]
    targets = [targets[0]] * 3 + targets[1:]
    editors = [f"soak-editor-{number}" for number in range(len(targets))]
    # Chief editors: an editor's save of a published record would wait for review.
    passwords = {name: create_editor(environment, username=name, chief=True) for name in editors}
    outcomes: list[Outcome] = []
    kinds: list[str] = []  # one a save: saves, conflicts, 503s or other

    def edit(name: str, model: str, pk: str, base: str, deadline: float):
        session = AdminSession(base)
        session.log_in(username=name, password=passwords[name])
        path = f"/admin/awards/{model}/{pk}/change/"
        number = 0
        while time.monotonic() < deadline:
            number += 1
            started = time.monotonic()
            try:
                status, _, page = session.request("GET", path)
                if status == 200:
                    form = form_fields(page, form_id=f"{model}_form")
                    form = [(field, value) for field, value in form if field != "description_ru"]
                    form += [("description_ru", f"{name}, правка {number}"), ("_save", "Сохранить")]
                    started = time.monotonic()
                    status, _, page = session.request("POST", path, form)
            except OSError:
                status, page = 0, ""
            outcomes.append(Outcome(started, time.monotonic() - started, status))
            conflict = status == 200 and 'id="record-conflict"' in page
            kinds.append(
                {302: "saves", 503: "503s"}.get(status, "conflicts" if conflict else "other")
            )

    with (
        log_path.open("w") as log,
        gunicorn(environment=environment, workers=workers, log=log) as (base, _),
    ):
        deadline = time.monotonic() + seconds
        threads = [
            threading.Thread(target=edit, args=(name, model, pk, base, deadline))
            for name, (model, pk) in zip(editors, targets, strict=True)
        ]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    counts = {kind: kinds.count(kind) for kind in ("saves", "conflicts", "503s", "other")}
    phase = report("editors saving", len(editors), seconds, outcomes, **counts)
    phase.non_2xx = counts["503s"] + counts["other"]
    return phase


# A worker killed during a background import ---------------------------------------------

JOB_ROWS = 20_000
JOBS_QUEUED_BEHIND = 3
# The stale time of this phase: how long a killed worker's job may still look running.
JOB_STALE_SECONDS = 10
IMPORTER = "soak-importer"
CHECKING, CHECKED, WRITING = "проверяется", "проверен, ждёт подтверждения", "записывается"
FAILED, IMPORTED = "сбой, ничего не изменилось", "импортировано"


def kill_worker_during_import(
    *, environment: dict, database_url: str, folder: Path, log_path: Path
) -> PhaseReport:
    """A registry list of JOB_ROWS rows imported in the background, JOBS_QUEUED_BEHIND
    small lists queued behind it, its worker killed (-9) in the middle of the check and
    again in the middle of the write's transaction, a new worker started each time.
    Noted: seconds from each kill until the job's page shows it failed (the stale time is
    JOB_STALE_SECONDS), conferments the killed write left (goal: 0), whether the job was
    imported after "check again", and jobs lost (goal: 0). The requests counted are the
    editor's loads of the job pages."""
    import psycopg
    from job_pages import counts
    from registry import synthetic_csv

    from tests.support.task_workers import db_worker, wait_until

    environment = {
        **environment,
        "IMPORT_JOB_STALE_SECONDS": str(JOB_STALE_SECONDS),
        "IMPORT_FILES_ROOT": str(folder / "imports"),
    }
    printed = manage(environment, "create_demo_editor", "--chief", "--username", IMPORTER)
    password = printed.rsplit("password:", 1)[1].strip()
    outcomes: list[Outcome] = []
    notes = {}

    def queue(name: str, rows: int, seed: int) -> int:
        path = folder / name
        path.write_bytes(synthetic_csv(rows, seed=seed))
        printed = manage(
            environment, "import_registry", str(path), "--background", "--user", IMPORTER
        )
        return int(printed.split("Queued background import ", 1)[1].split(":", 1)[0])

    def page(job: int) -> tuple[str, dict]:
        started = time.monotonic()
        status, _, body = browser.request("GET", f"/admin/awards/importjob/{job}/change/")
        outcomes.append(Outcome(started, time.monotonic() - started, status))
        shown = body.split('<dd class="import-job-status">', 1)[-1].split("<", 1)[0]
        return shown, counts(body)

    def shown(job: int, status: str, *, seconds: float = 900):
        return wait_until(lambda: page(job)[0] == status, seconds=seconds, what=status)

    def post(job: int, action: str) -> None:
        token = [("csrfmiddlewaretoken", browser.cookies["csrftoken"])]
        status = browser.request("POST", f"/admin/awards/importjob/{job}/{action}/", token)[0]
        assert status == 302, (action, status)

    def write_under_way() -> bool:
        # People inserted, not committed: the write's transaction holds its lock on their table.
        return bool(
            direct.execute(
                "SELECT 1 FROM pg_locks JOIN pg_class ON pg_class.oid = pg_locks.relation "
                "WHERE relname = 'awards_person' AND mode = 'RowExclusiveLock' "
                "AND pid <> pg_backend_pid()"
            ).fetchone()
        )

    def failed_after_kill(worker, job: int) -> float:
        worker.kill()
        worker.wait()
        killed = time.monotonic()
        shown(job, FAILED)
        return round(time.monotonic() - killed, 2)

    started = time.monotonic()
    with (
        psycopg.connect(database_url, autocommit=True) as direct,
        log_path.open("w") as log,
        gunicorn(environment=environment, log=log) as (base, _),
    ):
        browser = AdminSession(base)
        browser.log_in(username=IMPORTER, password=password)
        big = queue("soak-list.csv", JOB_ROWS, seed=7)
        behind = [queue(f"soak-behind-{n}.csv", 50, seed=20 + n) for n in range(JOBS_QUEUED_BEHIND)]

        with db_worker(environment, log=log) as worker:
            wait_until(
                lambda: (job := page(big))[0] == CHECKING and int(job[1]["Строк прочитано"]),
                seconds=900,
                what="the check to be under way",
            )
            notes["rows_read_at_kill"] = int(page(big)[1]["Строк прочитано"])
            notes["failed_after_kill_in_check_s"] = failed_after_kill(worker, big)
        post(big, "check-again")
        with db_worker(environment, log=log) as worker:
            for job in (*behind, big):
                shown(job, CHECKED)
            post(big, "confirm")
            wait_until(write_under_way, seconds=900, what="the write's transaction")
            notes["failed_after_kill_in_write_s"] = failed_after_kill(worker, big)
        notes["conferments_left_by_killed_write"] = direct.execute(
            "SELECT count(*) FROM awards_conferment JOIN awards_person "
            "ON awards_person.id = awards_conferment.person_id "
            "WHERE awards_person.surname_ru LIKE 'Синтетов-%'"
        ).fetchone()[0]
        post(big, "check-again")
        with db_worker(environment, log=log):
            shown(big, CHECKED)
            post(big, "confirm")
            shown(big, IMPORTED)
        notes["imported_after_check_again"] = page(big)[1]["Записей записано"]
        notes["jobs_lost"] = sum(page(job)[0] != CHECKED for job in behind) + (
            page(big)[0] != IMPORTED
        )
    seconds = time.monotonic() - started
    return report("import killed", 1, round(seconds, 1), outcomes, **notes)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--postgres", default="postgres://postgres@127.0.0.1:5432")
    parser.add_argument("--database", default="heroes_soak")
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--seconds", type=float, default=12)
    parser.add_argument("--output", type=Path, default=ROOT / "bench" / "out" / "soak.json")
    options = parser.parse_args()

    prepare_database(f"{options.postgres}/postgres", options.database)
    direct_url = f"{options.postgres}/{options.database}"
    setup = {**os.environ, "DJANGO_DEBUG": "1", "DATABASE_URL": direct_url}
    for command in (["migrate", "--noinput", "-v0"], ["load_records"]):
        subprocess.run([sys.executable, "manage.py", *command], cwd=ROOT, env=setup, check=True)

    host, port = options.postgres.rsplit("@", 1)[1].split(":")
    relay = DatabaseRelay((host, int(port)))
    reports = []
    with tempfile.TemporaryDirectory() as temporary:
        static_root = Path(temporary) / "staticfiles"
        collect_static(static_root=static_root)
        environment = production_environment(
            static_root=static_root,
            database_url=f"{options.postgres.rsplit(':', 1)[0]}:{relay.port}/{options.database}",
        )
        log_path = options.output.with_suffix(".log")
        log_path.parent.mkdir(parents=True, exist_ok=True)
        with (
            log_path.open("w") as log,
            gunicorn(environment=environment, workers=options.workers, log=log) as (base, master),
        ):
            site = int(base.rsplit(":", 1)[1])
            load(port=site, connections=4, seconds=2)  # warm-up: connections, caches

            for connections in (20, 100):
                outcomes = load(port=site, connections=connections, seconds=options.seconds)
                reports.append(report("steady", connections, options.seconds, outcomes))

            killed = {}

            def kill_one_worker():
                time.sleep(options.seconds / 3)
                victim = worker_pids(master.pid)[0]
                killed["at"] = time.monotonic()
                os.kill(victim, signal.SIGKILL)
                while (
                    victim in worker_pids(master.pid)
                    or len(worker_pids(master.pid)) < options.workers
                ):
                    time.sleep(0.05)
                killed["replaced_after_s"] = round(time.monotonic() - killed["at"], 2)

            outcomes = load(
                port=site, connections=20, seconds=options.seconds, during=kill_one_worker
            )
            failed = [o for o in outcomes if not o.status or o.status >= 300]
            reports.append(
                report(
                    "worker killed",
                    20,
                    options.seconds,
                    outcomes,
                    worker_replaced_after_s=killed["replaced_after_s"],
                    last_failure_after_kill_s=round(
                        max((o.started + o.seconds for o in failed), default=killed["at"])
                        - killed["at"],
                        2,
                    ),
                )
            )

            outage = {}

            def lose_the_database():
                time.sleep(options.seconds / 4)
                outage["cut"] = time.monotonic()
                relay.disconnect()
                time.sleep(options.seconds / 2)
                outage["back"] = time.monotonic()
                relay.reconnect()

            outcomes = load(
                port=site,
                connections=20,
                seconds=options.seconds * 1.5,
                during=lose_the_database,
                headers=UNCACHED,
            )
            unavailable = [o for o in outcomes if o.status == 503]
            after_return = [o for o in outcomes if o.started >= outage["back"] and o.status != 200]
            reports.append(
                report(
                    "database lost",
                    20,
                    options.seconds * 1.5,
                    outcomes,
                    answers_503=len(unavailable),
                    first_503_after_cut_s=round(
                        min((o.started + o.seconds for o in unavailable), default=float("nan"))
                        - outage["cut"],
                        2,
                    ),
                    slowest_503_s=round(max((o.seconds for o in unavailable), default=0), 2),
                    recovered_after_return_s=round(
                        max((o.started + o.seconds for o in after_return), default=outage["back"])
                        - outage["back"],
                        2,
                    ),
                )
            )
        saves = concurrent_saves(
            folder=Path(temporary),
            static_root=static_root,
            workers=options.workers,
            seconds=options.seconds,
            log_path=options.output.with_name("soak-saves.log"),
        )
        reports.append(saves)

        reports.append(
            kill_worker_during_import(
                environment=environment,
                database_url=direct_url,
                folder=Path(temporary),
                log_path=options.output.with_name("soak-jobs.log"),
            )
        )

    print(
        f"{'phase':<15}{'conns':>6}{'req/s':>8}{'p50 ms':>9}{'p99 ms':>9}"
        f"{'non-2xx':>9}{'errors':>8}"
    )
    for phase in reports:
        print(
            f"{phase.name:<15}{phase.connections:>6}{phase.requests_per_second:>8}"
            f"{phase.p50_ms:>9}{phase.p99_ms:>9}{phase.non_2xx:>9}{phase.errors:>8}"
            + (f"  {phase.notes}" if phase.notes else "")
        )
    print(f"Figures in {options.output}, the server's log in {log_path}.")
    options.output.write_text(json.dumps([asdict(phase) for phase in reports], indent=2))


if __name__ == "__main__":
    main()
