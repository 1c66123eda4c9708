"""gunicorn with the production settings, on a free local port, for tests and bench/soak.py."""

import http.client
import os
import socket
import sqlite3
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid
from contextlib import contextmanager
from html.parser import HTMLParser
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
THROWAWAY_SECRET = "throwaway-" + "s" * 50


def production_environment(*, static_root: Path, database_url: str, **extra: str) -> dict:
    environment = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith("DJANGO_") and key != "DATABASE_URL"
    }
    environment.update(
        # Production, whatever a local .env (make setup) says.
        DJANGO_DEBUG="0",
        DJANGO_ENV_FILE="",
        DJANGO_SECRET_KEY=THROWAWAY_SECRET,
        DJANGO_ALLOWED_HOSTS="127.0.0.1",
        DJANGO_STATIC_ROOT=str(static_root),
        DATABASE_URL=database_url,
        **extra,
    )
    return environment


def collect_static(*, static_root: Path) -> None:
    subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"],
        cwd=ROOT,
        env=production_environment(static_root=static_root, database_url="sqlite://:memory:"),
        check=True,
        timeout=300,
    )


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


# A file WhiteNoise serves before any middleware that may reach the database: a worker
# that answers it has loaded the site.
READY_PATH = "/static/css/site.css"


@contextmanager
def gunicorn(*, environment: dict, workers: int = 1, startup_seconds: float = 120, log=None):
    """Serve the site until the block ends; yield (base URL, the master process).

    Ready when a worker answers (not when the port is open: gunicorn's master listens
    before its workers have loaded Django, and on a busy machine that takes seconds the
    tests' own timeouts would count). `log`, an open file, takes gunicorn's and the
    site's log instead of stderr.
    """
    port = free_port()
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "gunicorn",
            "heroes_site.wsgi",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            str(workers),
            "--timeout",
            "30",
            "--log-level",
            "warning",
        ],
        cwd=ROOT,
        env=environment,
        stderr=log,
    )
    deadline = time.monotonic() + startup_seconds
    try:
        while True:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                if server.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError("gunicorn did not start") from None
                time.sleep(0.1)
        base = f"http://127.0.0.1:{port}"
        for _worker in range(workers):
            _wait_until_answered(f"{base}{READY_PATH}", server=server, deadline=deadline)
        yield base, server
    finally:
        server.terminate()
        server.wait(timeout=30)


def _wait_until_answered(url: str, *, server, deadline: float) -> None:
    while True:
        try:
            # As the proxy says (over HTTPS), or the site answers with a redirect to it.
            request = urllib.request.Request(url, headers={"X-Forwarded-Proto": "https"})
            with urllib.request.urlopen(request, timeout=max(1.0, deadline - time.monotonic())):
                return
        except urllib.error.HTTPError:
            return
        except OSError:
            if server.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError("gunicorn's workers did not start") from None
            time.sleep(0.1)


@contextmanager
def silent_database(accepted: list | None = None):
    """A TCP port that accepts connections and never answers: a hung database host.

    Each accepted connection is appended to ``accepted`` when a list is given.
    """
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(64)
    held = accepted if accepted is not None else []
    stop = threading.Event()

    def accept():
        listener.settimeout(0.2)
        while not stop.is_set():
            try:
                held.append(listener.accept()[0])
            except TimeoutError:
                continue
            except OSError:
                return

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    try:
        yield listener.getsockname()[1]
    finally:
        stop.set()
        thread.join()
        for connection in held:
            connection.close()
        listener.close()


def fetch(url: str, *, timeout: float = 10, headers: dict | None = None):
    """(status, headers, body) of a GET, whatever the status; as the proxy says: over HTTPS."""
    request = urllib.request.Request(url, headers={"X-Forwarded-Proto": "https", **(headers or {})})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read()


def manage(environment: dict, *arguments: str) -> str:
    """Run a management command with this environment; its standard output."""
    return subprocess.run(
        [sys.executable, "manage.py", *arguments],
        cwd=ROOT,
        env=environment,
        check=True,
        capture_output=True,
        text=True,
        timeout=300,
    ).stdout


def read_row(database_url: str, sql: str, params: list) -> tuple:
    """One row of a served database, read directly (sqlite3 or psycopg), no Django process
    started: ``sql`` with %s placeholders."""
    if database_url.startswith("sqlite:///"):
        with sqlite3.connect(database_url.removeprefix("sqlite:///")) as connection:
            return connection.execute(sql.replace("%s", "?"), params).fetchone()
    import psycopg

    with psycopg.connect(database_url) as connection:
        return connection.execute(sql, params).fetchone()


def prepare_site_database(environment: dict) -> None:
    """Migrate the environment's database and load the records of fixtures/, as `make setup`."""
    manage(environment, "migrate", "--noinput", "-v0")
    manage(environment, "load_records")


def create_editor(environment: dict, *, username: str, chief: bool = False) -> str:
    """An editor's account in the environment's database (a chief editor's with ``chief``:
    whose saves of a published record are written at once, not held for review); its
    password."""
    printed = manage(
        environment, "create_demo_editor", "--username", username, *(["--chief"] if chief else [])
    )
    return printed.rsplit("password:", 1)[1].strip()


class _FormFields(HTMLParser):
    """The fields a browser sends with the form ``form_id``, in document order."""

    def __init__(self, form_id: str):
        super().__init__(convert_charrefs=True)
        self.form_id = form_id
        self.inside = False
        self.fields: list[tuple[str, str]] = []
        # The open <select>: its name, whether it is multiple, its options and the chosen.
        self.select: tuple[str, bool, list[str], list[str]] | None = None
        self.textarea: tuple[str, list[str]] | None = None

    def handle_starttag(self, tag, attributes):
        attributes = dict(attributes)
        if tag == "form":
            self.inside = attributes.get("id") == self.form_id
        if not self.inside:
            return
        if tag == "option" and self.select is not None:
            value = attributes.get("value", "")
            self.select[2].append(value)
            if "selected" in attributes:
                self.select[3].append(value)
            return
        name = attributes.get("name")
        if not name or "disabled" in attributes:
            return
        if tag == "input":
            kind = (attributes.get("type") or "text").lower()
            if kind in {"submit", "button", "image", "reset", "file"}:
                return
            if kind in {"checkbox", "radio"} and "checked" not in attributes:
                return
            default = "on" if kind in {"checkbox", "radio"} else ""
            self.fields.append((name, attributes.get("value") or default))
        elif tag == "select":
            self.select = (name, "multiple" in attributes, [], [])
        elif tag == "textarea":
            self.textarea = (name, [])

    def handle_data(self, data):
        if self.textarea is not None:
            self.textarea[1].append(data)

    def handle_endtag(self, tag):
        if tag == "form":
            self.inside = False
        elif tag == "textarea" and self.textarea is not None:
            name, parts = self.textarea
            # A browser drops the newline that follows <textarea>.
            self.fields.append((name, "".join(parts).removeprefix("\n")))
            self.textarea = None
        elif tag == "select" and self.select is not None:
            name, multiple, options, chosen = self.select
            self.fields += [(name, value) for value in chosen or ([] if multiple else options[:1])]
            self.select = None


def form_fields(page: str, *, form_id: str) -> list[tuple[str, str]]:
    """What a browser would post from the form ``form_id`` of ``page``, untouched."""
    reader = _FormFields(form_id)
    reader.feed(page)
    return reader.fields


class AdminSession:
    """An editor's browser, reduced to what the admin needs: cookies, CSRF, forms.

    Requests say they came over HTTPS (X-Forwarded-Proto), as the production settings
    expect behind a proxy, so the secure cookies are kept and sent back as a browser would.
    """

    def __init__(self, base: str, *, timeout: float = 40):
        self.base = base
        self.origin = "https://" + base.split("://", 1)[1]
        self.timeout = timeout
        self.cookies: dict[str, str] = {}

    def request(self, method: str, path: str, fields=None) -> tuple[int, dict, str]:
        """(status, headers, body) of one request; redirects are not followed."""
        host, port = self.base.split("://", 1)[1].split(":")
        connection = http.client.HTTPConnection(host, int(port), timeout=self.timeout)
        headers = {
            "X-Forwarded-Proto": "https",
            "Cookie": "; ".join(f"{name}={value}" for name, value in self.cookies.items()),
            "Accept-Language": "ru",
        }
        body = None
        if fields is not None:
            body = urllib.parse.urlencode(fields)
            headers |= {
                "Content-Type": "application/x-www-form-urlencoded",
                "Origin": self.origin,
                "Referer": self.origin + path,
            }
        try:
            connection.request(method, path, body=body, headers=headers)
            response = connection.getresponse()
            for header, value in response.getheaders():
                if header.lower() == "set-cookie":
                    name, _, rest = value.partition("=")
                    self.cookies[name] = rest.split(";", 1)[0]
            return response.status, dict(response.getheaders()), response.read().decode()
        finally:
            connection.close()

    def log_in(self, *, username: str, password: str) -> None:
        status, _, page = self.request("GET", "/admin/login/")
        assert status == 200, page[:500]
        fields = form_fields(page, form_id="login-form")
        fields += [("username", username), ("password", password)]
        status, _, page = self.request("POST", "/admin/login/", fields)
        assert status == 302, page[:1000]

    def change_form(self, path: str, *, form_id: str) -> list[tuple[str, str]]:
        """The fields of a record's change form, as a browser would post them unchanged."""
        status, _, page = self.request("GET", path)
        assert status == 200, page[:500]
        return form_fields(page, form_id=form_id)


def on_postgresql() -> bool:
    """Whether the tests run on PostgreSQL (DATABASE_URL), rather than on SQLite."""
    return (os.environ.get("DATABASE_URL") or "").startswith(("postgres://", "postgresql://"))


def _server_address():
    address = urllib.parse.urlsplit(os.environ["DATABASE_URL"])
    return address, address._replace(path="/postgres").geturl()


def template_database_name() -> str:
    """The PostgreSQL database that served databases are copied from (prepared_site)."""
    address, _ = _server_address()
    return f"test_{address.path.lstrip('/')}_site_template"


def prepare_template(path: Path, *, sqlite: bool = False) -> str:
    """A database migrated and holding the records of fixtures/, to copy served databases
    from: the SQLite file ``path`` or, on PostgreSQL (unless ``sqlite``), a database of
    its own. Its DATABASE_URL."""
    if sqlite or not on_postgresql():
        url = f"sqlite:///{path}"
    else:
        import psycopg

        address, maintenance = _server_address()
        name = template_database_name()
        with psycopg.connect(maintenance, autocommit=True) as server:
            server.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            server.execute(f'CREATE DATABASE "{name}"')
        url = address._replace(path=f"/{name}").geturl()
    prepare_site_database(
        production_environment(static_root=path.parent / "no-static", database_url=url)
    )
    return url


def drop_template() -> None:
    """Drop the PostgreSQL template of served databases, if there is one."""
    import psycopg

    _, maintenance = _server_address()
    with psycopg.connect(maintenance, autocommit=True) as server:
        server.execute(f'DROP DATABASE IF EXISTS "{template_database_name()}" WITH (FORCE)')


@contextmanager
def served_database(folder: Path, *, copy_of: str | None = None, sqlite: bool = False):
    """A database for a server of its own, on the tests' engine: yield its DATABASE_URL.

    A SQLite file in ``folder`` or, when the tests run on PostgreSQL (DATABASE_URL) and not
    ``sqlite``, a throwaway database beside theirs, dropped afterwards, named for this
    xdist worker and this use so that no two collide. Empty (prepare_site_database()), or
    a copy of ``copy_of``, a database prepare_template() made on the same engine.
    """
    if sqlite or not on_postgresql():
        path = folder / "site.sqlite3"
        if copy_of is not None:
            # SQLite's backup copies a database whole, whatever its journal holds.
            with (
                sqlite3.connect(copy_of.removeprefix("sqlite:///")) as source,
                sqlite3.connect(path) as copy,
            ):
                source.backup(copy)
        yield f"sqlite:///{path}"
        return
    import psycopg

    address, maintenance = _server_address()
    worker = os.environ.get("PYTEST_XDIST_WORKER", "main")
    name = f"test_{address.path.lstrip('/')}_served_{worker}_{uuid.uuid4().hex[:8]}"
    template = f' TEMPLATE "{urllib.parse.urlsplit(copy_of).path.lstrip("/")}"' if copy_of else ""
    with psycopg.connect(maintenance, autocommit=True) as server:
        server.execute(f'CREATE DATABASE "{name}"{template}')
    try:
        yield address._replace(path=f"/{name}").geturl()
    finally:
        with psycopg.connect(maintenance, autocommit=True) as server:
            server.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


class SilenceableRelay:
    """A TCP relay to a database server that can fall silent: after ``fall_silent()`` it
    forwards nothing more, either way, while every connection stays open and its packets
    acknowledged (what a hung host or a stalled proxy does); new connections are accepted
    and never answered."""

    def __init__(self, target: tuple[str, int]):
        self.target = target
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.port = self.listener.getsockname()[1]
        self.silent = threading.Event()
        self.sockets: list[socket.socket] = []
        threading.Thread(target=self._accept, daemon=True).start()

    def fall_silent(self) -> None:
        self.silent.set()

    def close(self) -> None:
        self.listener.close()
        for end in self.sockets:
            end.close()

    def _accept(self):
        while True:
            try:
                client, _ = self.listener.accept()
            except OSError:
                return
            self.sockets.append(client)
            if self.silent.is_set():
                continue
            upstream = socket.create_connection(self.target)
            self.sockets.append(upstream)
            for source, sink in ((client, upstream), (upstream, client)):
                threading.Thread(target=self._pump, args=(source, sink), daemon=True).start()

    def _pump(self, source, sink):
        try:
            while data := source.recv(65536):
                if not self.silent.is_set():
                    sink.sendall(data)
        except OSError:
            pass
