"""Builders and shared fixtures: a test sets only what it is about.

The records of fixtures/ are loaded once per run, into the test database itself
(`django_db_setup`): every test's transaction rolls back onto them. A test that reads them
asks for `seeded`; one that needs a database without them asks for `no_records`.
"""

import itertools

import pytest
from django.apps import apps
from django.db import connection, transaction
from django.test.utils import override_settings
from django.utils import translation
from pytest_django.plugin import blocking_manager_key

from awards import models
from awards.core.content_generation import invalidate_public_pages
from awards.core.dates import PartialDate
from awards.records.seed import fixture_paths, load_fixture_records
from tests.support.job_pages import DATABASE_QUEUE
from tests.support.once_per_run import built_once, run_folder
from tests.support.production_server import (
    collect_static,
    drop_template,
    on_postgresql,
    prepare_template,
    production_environment,
    served_database,
)
from tests.support.public_pages import LANGUAGES, SITE_PATHS, public_page_paths
from tests.support.registry_builders import confer, hero

_numbers = itertools.count(1)


def _slug(prefix: str) -> str:
    return f"{prefix}-{next(_numbers)}"


@pytest.fixture(scope="session", autouse=True)
def fast_password_hashing():
    """Hashing with the production hasher costs a fifth of a second per editor made."""
    with override_settings(PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"]):
        yield


@pytest.fixture(scope="session", autouse=True)
def page_cache_of_this_run(tmp_path_factory):
    """A cache of public pages for this run alone, never the one `make run` serves from."""
    location = tmp_path_factory.mktemp("page-cache")
    cache = {
        "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
        "LOCATION": str(location),
    }
    with override_settings(CACHES={"default": cache}):
        yield location


@pytest.fixture(autouse=True)
def site_language():
    """Every test starts in the site's language: a request for an English page leaves
    English active in the thread (LocaleMiddleware activates, nothing deactivates)."""
    translation.deactivate()
    yield
    translation.deactivate()


@pytest.fixture(autouse=True)
def fresh_public_pages(page_cache_of_this_run):
    """No test sees a page cached by another (a flushed database sends no signal)."""
    invalidate_public_pages()


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """The test database, holding the records of fixtures/ as `make setup` loads them."""
    with django_db_blocker.unblock():
        load_fixture_records(paths=fixture_paths())


def _flushes_the_database(item: pytest.Item) -> bool:
    """Whether a test is transactional: pytest-django empties the database after it."""
    marker = item.get_closest_marker("django_db")
    if marker is not None and (marker.kwargs.get("transaction") or marker.args[:1] == (True,)):
        return True
    return bool({"transactional_db", "live_server"} & set(item.fixturenames))


@pytest.hookimpl(wrapper=True)
def pytest_runtest_teardown(item, nextitem):
    """The records of fixtures/ loaded again, committed, as soon as a transactional test has
    emptied the database: otherwise every later test asking for them would load them inside
    its own transaction, rolled back after it (under pytest-xdist the transactional tests
    do not all run last). After the run's last test there is none to load them for, and the
    test database is already gone (the connection points at the real one again)."""
    result = yield
    if nextitem is not None and _flushes_the_database(item):
        with item.config.stash[blocking_manager_key].unblock():
            if not models.Source.objects.exists():
                load_fixture_records(paths=fixture_paths())
    return result


@pytest.fixture
def seeded(db):
    """The records of fixtures/, as `make setup` loads them.

    They are in the database from the start of the run; a transactional test (the
    browser's live server, a test that commits) empties it, and they are loaded again at
    once after it (pytest_runtest_teardown); a test that emptied them itself loads them.
    """
    if not models.Source.objects.exists():
        load_fixture_records(paths=fixture_paths())


@pytest.fixture
def no_records(db):
    """A database without any record, for a test that counts or lists all of them.

    Every table of the app (records, their links and their history) is emptied inside the
    test's transaction, so the fixture records are back for the next test. Plain DELETEs,
    as the ORM would first write a history entry for each record it deletes; the foreign
    keys are checked at the end of the transaction, so the order does not matter.
    """
    with connection.cursor() as cursor:
        for model in apps.get_app_config("awards").get_models(include_auto_created=True):
            if model._meta.managed and not model._meta.proxy:
                cursor.execute(f"DELETE FROM {connection.ops.quote_name(model._meta.db_table)}")


def new_source(**fields) -> models.Source:
    fields.setdefault("slug", _slug("source"))
    fields.setdefault("name_ru", "Источник")
    fields.setdefault("published", True)
    return models.Source.objects.create(**fields)


def new_citation(**fields) -> models.Citation:
    fields.setdefault("slug", _slug("citation"))
    if "source" not in fields:
        fields["source"] = new_source()
    fields.setdefault("paragraph", 1)
    fields.setdefault("sentence", 1)
    fields.setdefault("quote_ru", "Цитата")
    fields.setdefault("published", True)
    return models.Citation.objects.create(**fields)


def _cited_builder(model, prefix, defaults):
    def build(*, citations=None, **fields):
        fields.setdefault("slug", _slug(prefix))
        fields.setdefault("published", True)
        for name, value in defaults.items():
            fields.setdefault(name, value)
        record = model.objects.create(**fields)
        record.citations.set(citations if citations is not None else [new_citation()])
        return record

    return build


new_authority = _cited_builder(models.Authority, "authority", {"name_ru": "Орган"})
new_person = _cited_builder(models.Person, "person", {"name_ru": "Человек"})
new_decree = _cited_builder(
    models.Decree,
    "decree",
    {"name_ru": "Указ", "kind": models.Decree.Kind.DECREE, "date": PartialDate(1940, 5, 22)},
)
_new_title = _cited_builder(models.Title, "title", {"name_ru": "Звание"})


def _dated_where_given(fields: dict, *pairs: tuple[str, ...]) -> dict:
    """A boundary given a date (or an act) is dated, any other unknown, unless the test
    names its basis: as validation settles a boundary nobody stated."""
    for basis, *values in pairs:
        fields.setdefault(basis, "dated" if any(fields.get(v) for v in values) else "unknown")
    return fields


def new_title(**fields) -> models.Title:
    return _new_title(
        **_dated_where_given(
            fields,
            ("established_basis", "established_on", "established_by"),
            ("abolished_basis", "abolished_on", "abolished_by"),
        )
    )


new_medal = _cited_builder(
    models.Medal, "medal", {"name_ru": "Медаль", "kind": models.Medal.Kind.MEDAL}
)
new_event = _cited_builder(models.Event, "event", {"name_ru": "Событие", "date": PartialDate(1921)})


def new_provision(*, citations=None, **fields) -> models.Provision:
    fields.setdefault("slug", _slug("provision"))
    fields.setdefault("published", True)
    if "title" not in fields:
        fields["title"] = new_title()
    fields.setdefault("aspect", models.Provision.Aspect.ORDER_OF_LENIN)
    fields.setdefault("value_ru", "Да")
    fields.setdefault("value_key", "yes")
    _dated_where_given(
        fields,
        ("start_basis", "start", "start_decree", "start_event"),
        ("end_basis", "end", "end_decree", "end_event"),
    )
    provision = models.Provision.objects.create(**fields)
    provision.citations.set(citations if citations is not None else [new_citation()])
    return provision


def _builder_fixture(name, build):
    @pytest.fixture(name=name)
    def builder(db):
        return build

    return builder


make_source = _builder_fixture("make_source", new_source)
make_citation = _builder_fixture("make_citation", new_citation)
make_authority = _builder_fixture("make_authority", new_authority)
make_person = _builder_fixture("make_person", new_person)
make_decree = _builder_fixture("make_decree", new_decree)
make_title = _builder_fixture("make_title", new_title)
make_medal = _builder_fixture("make_medal", new_medal)
make_event = _builder_fixture("make_event", new_event)
make_provision = _builder_fixture("make_provision", new_provision)


@pytest.fixture(scope="class")
def many_records(django_db_setup, django_db_blocker):
    """Fifteen more of everything around the title of Hero of Socialist Labour.

    Added once for the tests of a class, in a transaction that each test's own nests in
    and that is rolled back after the last of them.
    """
    with django_db_blocker.unblock(), transaction.atomic():
        yield _add_many_records(count=15)
        transaction.set_rollback(True)


def _add_many_records(*, count: int) -> dict[str, models.Record]:
    title = models.Title.objects.get(slug="hero-of-socialist-labour")
    authority = models.Authority.objects.get(slug="presidium-supreme-soviet-ussr")
    shared_citation = models.Citation.objects.get(slug="hsl-p5-s1")
    for number in range(count):
        citations = [new_citation(), shared_citation]
        decree = new_decree(date=PartialDate(1950 + number, 1, 1), citations=citations)
        decree.authorities.add(authority, new_authority())
        medal = new_medal(designer=new_person(), established_by=decree, citations=citations)
        medal.titles.add(title)
        event = new_event(date=PartialDate(1950 + number), citations=citations)
        event.titles.add(title)
        event.decrees.add(decree)
        event.medals.add(medal)
        new_provision(
            title=title,
            aspect="privileges",
            value_key=f"rule-{number}",
            start=PartialDate(1950 + number),
            start_decree=decree,
            end_event=event,
            end=PartialDate(1951 + number),
            citations=citations,
        )
        new_title(predecessor=title, established_on=PartialDate(1992 + number))
        title.citations.add(citations[0])
    return {
        "decree": models.Decree.objects.filter(authorities=authority).last(),
        "medal": models.Medal.objects.filter(titles=title).last(),
    }


@pytest.fixture
def background(settings, tmp_path):
    """Files of more than five rows go to the background; their copies under tmp_path; the
    tasks run at once (on commit: with ``django_capture_on_commit_callbacks``)."""
    settings.IMPORT_BACKGROUND_ROWS = 5
    settings.IMPORT_FILES_ROOT = tmp_path
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    return tmp_path


@pytest.fixture
def editor(db):
    from django.contrib.auth import get_user_model

    from awards.records.editors import reset_demo_editor

    username, _ = reset_demo_editor(username="test-editor")
    return get_user_model().objects.get(username=username)


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client


@pytest.fixture
def chief_editor(db):
    from django.contrib.auth import get_user_model

    from awards.records.editors import reset_demo_editor

    username, _ = reset_demo_editor(username="test-chief-editor", chief=True)
    return get_user_model().objects.get(username=username)


@pytest.fixture
def chief_editor_client(client, chief_editor):
    client.force_login(chief_editor)
    return client


@pytest.fixture
def citation(make_citation):
    """The passage c1, which the import files of the tests cite."""
    return make_citation(slug="c1")


@pytest.fixture
def database_queue(background, settings, make_citation):
    """Large files queued on the database, with no worker running them yet."""
    settings.TASKS = DATABASE_QUEUE
    make_citation(slug="c1")


@pytest.fixture(scope="session")
def static_root(tmp_path_factory):
    """The static files as collectstatic gathers them for a deployment: once a run, shared
    by the workers (its manifest beside it, in staticfiles-manifest/)."""
    folder = built_once(
        run_folder(tmp_path_factory),
        "deployment",
        lambda folder: collect_static(static_root=folder / "staticfiles"),
    )
    return folder / "staticfiles"


@pytest.fixture(scope="session")
def sqlite_site_template(tmp_path_factory) -> str:
    """A SQLite file migrated and holding the records of fixtures/, made once a run, for a
    site of its own on a SQLite file to start from a copy of (served_database): its URL."""

    def prepare(folder):
        folder.mkdir()
        prepare_template(folder / "site.sqlite3", sqlite=True)

    folder = built_once(run_folder(tmp_path_factory), "sqlite-site", prepare)
    return f"sqlite:///{folder / 'site.sqlite3'}"


_POSTGRESQL_TEMPLATE = pytest.StashKey[bool]()


@pytest.fixture(scope="session")
def site_template(request, tmp_path_factory) -> str:
    """The same on the tests' engine: on PostgreSQL a database of its own, made once a run
    and dropped at its end (pytest_sessionfinish)."""
    if not on_postgresql():
        return request.getfixturevalue("sqlite_site_template")
    address = built_once(
        run_folder(tmp_path_factory),
        "postgresql-site",
        lambda path: path.write_text(prepare_template(path)),
    )
    request.config.stash[_POSTGRESQL_TEMPLATE] = True
    if hasattr(request.config, "workeroutput"):
        request.config.workeroutput["postgresql_template"] = True
    return address.read_text()


@pytest.hookimpl(optionalhook=True)
def pytest_testnodedown(node, error):
    """A worker of pytest-xdist made the PostgreSQL template: the run drops it at its end."""
    if node.workeroutput.get("postgresql_template"):
        node.config.stash[_POSTGRESQL_TEMPLATE] = True


def pytest_sessionfinish(session):
    if not hasattr(session.config, "workerinput") and session.config.stash.get(
        _POSTGRESQL_TEMPLATE, False
    ):
        drop_template()


@pytest.fixture(scope="module")
def postgresql_site(static_root, site_template, tmp_path_factory):
    """The site's environment on a PostgreSQL database of its own, migrated and loaded."""
    from django.db import connection

    if connection.vendor != "postgresql":
        pytest.skip(
            "PostgreSQL only (run with DATABASE_URL=postgres://…): SQLite is a file, with no "
            "server to fall silent and no statement timeout"
        )
    folder = tmp_path_factory.mktemp("postgresql-site")
    with served_database(folder, copy_of=site_template) as database_url:
        yield production_environment(
            static_root=static_root,
            database_url=database_url,
            DJANGO_CACHE_DIR=str(folder / "cache"),
        )


@pytest.fixture
def every_public_path(seeded):
    """One path of each kind of public page in each language, and the site's own files."""
    return [path for language in LANGUAGES for path in public_page_paths(language=language)] + (
        SITE_PATHS
    )


@pytest.fixture
def heroes(db):
    """Three people of the registry: Ivanov honoured twice, Petrov thrice, Abramov once."""
    ivanov = hero(surname="Иванов", surname_en="Ivanov", given_name_en="Ivan")
    confer(ivanov, "1943-03-19")
    confer(ivanov, "1957-01-11")
    petrov = hero(surname="Петров", surname_en="Petrov", given_name_en="Pyotr")
    for date in ("1949-06-10", "1957-01-11", "1966-05-05"):
        confer(petrov, date)
    abramov = hero(surname="Абрамов", surname_en="Abramov", given_name_en="Abram")
    confer(abramov, "1957-08-01")
    return {"ivanov": ivanov, "petrov": petrov, "abramov": abramov}


def pytest_collection_modifyitems(items):
    """The modules that start processes of their own or walk every page run first: under
    pytest-xdist the longest work then starts while the other workers still have some."""
    slow = {item.module.__name__ for item in items if item.get_closest_marker("slow")}
    items.sort(key=lambda item: item.module.__name__ not in slow)
