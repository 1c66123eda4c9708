"""The registry's pages at a million conferments, cold, on SQLite and PostgreSQL (`make bench`).

Issue 22, goal 4: every registry page p95 ≤ 15 ms cold at 1,000,000 conferments, on both
databases, first and last pages and every filter.

The registry is filled in bulk, with the values the site itself computes: each person is
built by the registry list import's own ``_new_person`` (slug, transliterated names, match
and sort keys), each act by its ``_new_decree``, each conferment as its validation builds
one (numbered among the person's awards, checked against the title's rules once per case,
sort names and slug as it writes them); the rows are then written with multi-row inserts
(SQLite) or ``COPY`` (PostgreSQL), and the counts per year kept by
``awards.registry.counts.recount`` once at the end, the statistics by ``analyze``. What the
registry pages do not read is left out: the edit history and the search entries.

Then each page (``PAGES``, in Russian and English, a person's page among them) renders
``--repeat`` times through the Django test client under the production settings with a
session cookie, so that the whole-page cache steps aside: p50 and p95 of those cold
renders, the p95 beside the goal, and /robots.txt's median through the same client as a
reference. SQLite in a temporary file; PostgreSQL in ``heroes_bench_registry`` (dropped and
created) at ``BENCH_POSTGRES_URL`` or 127.0.0.1:5432.

``--size 3000 --snapshot DIR`` writes each page's HTML to DIR instead (SQLite only), for
comparing the pages' HTML before and after a change (``diff -r``).
"""

from __future__ import annotations

import argparse
import datetime
import functools
import json
import math
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SIZE = 1_000_000
REPEAT = 30
GOAL_MS = 15
POSTGRES_URL = "postgres://postgres@127.0.0.1:5432/heroes_bench_registry"
SYNTHETIC_SURNAME = "Синтетов"
SYNTHETIC_OCCUPATION = "синтетическая запись"
GIVEN_NAMES = ("Иван", "Пётр", "Мария", "Анна", "Сергей", "Ольга", "Николай", "Татьяна")
PATRONYMICS = ("Иванович", "Петрович", "Сергеевна", "Николаевна", "Алексеевич", "Ильинична")
# (title, first year, last year, share of people): the two titles that count in the
# hundreds of thousands, within their rules.
TITLES = (
    ("hero-of-socialist-labour", 1939, 1990, 0.8),
    ("hero-of-the-soviet-union", 1936, 1990, 0.2),
)
CITATIONS = {"hero-of-socialist-labour": "hsl-p4-s1", "hero-of-the-soviet-union": "hsl-p4-s1"}
PERSON_CITATION = "hsl-p1-s1"
BATCH = 20_000
SURNAMES = 20_000
# Renders of a page stop after this many seconds (the p95 of a few, for a page of seconds).
PAGE_BUDGET_S = 5
# Days on which each title was conferred (the real lists have a few thousand).
DECREE_DAYS = 2000
# People (with their conferments) built as the import builds them too, to check the rows.
VERIFIED = 300
# Every synthetic record written at one moment, so that snapshots of the pages compare.
NOW = datetime.datetime(2026, 1, 1, 12, 0, tzinfo=datetime.UTC)

HSL = "hero-of-socialist-labour"
HSU = "hero-of-the-soviet-union"
LEDGER_PAGE = "/registry/medals/"
LIST_PAGES = [
    "/registry/",
    "/registry/?page=last",
    "/registry/?sort=date",
    "/registry/?sort=date&page=last",
    f"/registry/?title={HSL}",
    f"/registry/?title={HSU}&page=last",
    f"/registry/?title={HSU}&sort=date&page=last",
    "/registry/?year=1975",
    "/registry/?year=1975&page=last",
    "/registry/?year=1975&sort=date",
    "/registry/?year=1975&sort=date&page=last",
    "/registry/?times=1&page=last",
    "/registry/?times=2",
    "/registry/?times=3&sort=date&page=last",
    "/registry/?times=4",
    f"/registry/?title={HSU}&year=1944",
    f"/registry/?title={HSL}&year=1975&times=2&page=last",
    f"/registry/?title={HSU}&year=1975&times=1&sort=date&page=last",
    "/registry/?year=1960&times=3&sort=date",
    "/registry/twice/",
    "/registry/twice/?page=last",
    "/registry/thrice/?page=last",
    "/registry/four-and-more/",
    "/registry/years/",
    f"/registry/years/?title={HSU}",
    "/registry/medals/",
    "/registry/medals/?page=last",
    f"/registry/medals/?title={HSU}&page=last",
]


def synthetic_people(size: int, *, seed: int = 1):
    """People with their awards, ``size`` conferments in all: (surname, given name,
    patronymic, born, title, [dates]) with every person marked synthetic; most honoured
    once, some twice or thrice (the Hero of the Soviet Union up to four times), on a pool
    of decree days per title, as they were conferred."""
    rng = random.Random(seed)
    pools = {}
    for slug, first, last, _share in TITLES:
        pools[slug] = sorted(
            {
                f"{rng.randint(first, last)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
                for _ in range(DECREE_DAYS)
            }
        )
    made = 0
    taken = set()
    while made < size:
        slug = TITLES[0][0] if rng.random() < TITLES[0][3] else TITLES[1][0]
        weights = (90, 7, 2, 1) if slug == HSU else (90, 8, 2, 0)
        awards = min(rng.choices((1, 2, 3, 4), weights=weights)[0], size - made)
        dates = sorted(rng.sample(pools[slug], awards))
        if slug == HSU and awards == 4:
            # A fourth award only after 14 May 1973.
            dates[-1] = max(dates[-1], "1974-05-09")
        born_year = rng.randint(1880, min(1950, int(dates[0][:4]) - 16))
        born = f"{born_year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        # Surnames repeat, as in the real lists; a person is their name and birth.
        name = (
            f"{SYNTHETIC_SURNAME}-{rng.randint(1, SURNAMES):05d}",
            rng.choice(GIVEN_NAMES),
            rng.choice(PATRONYMICS),
            born,
        )
        if name in taken:
            continue
        taken.add(name)
        made += awards
        yield (*name, slug, dates)


NAME_PARTS = ("surname", "given_name", "patronymic")


# Filling -------------------------------------------------------------------------------


def _writer(model):
    """Write rows of every concrete column of ``model`` (keys included): COPY on
    PostgreSQL, executemany on SQLite."""
    from django.db import connection

    fields = list(model._meta.concrete_fields)
    table = connection.ops.quote_name(model._meta.db_table)
    columns = ", ".join(connection.ops.quote_name(field.column) for field in fields)

    def write(rows: list) -> None:
        with connection.cursor() as cursor:
            if connection.vendor == "postgresql":
                with cursor.cursor.copy(f"COPY {table} ({columns}) FROM STDIN") as copy:
                    for row in rows:
                        copy.write_row(row)
            else:
                marks = ", ".join(["%s"] * len(fields))
                cursor.executemany(f"INSERT INTO {table} ({columns}) VALUES ({marks})", rows)

    return write


def _links(field, pairs: list) -> None:
    from django.db import connection

    through = field.remote_field.through
    source, target = f"{field.m2m_field_name()}_id", f"{field.m2m_reverse_field_name()}_id"
    table = connection.ops.quote_name(through._meta.db_table)
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            with cursor.cursor.copy(f"COPY {table} ({source}, {target}) FROM STDIN") as copy:
                for pair in pairs:
                    copy.write_row(pair)
        else:
            cursor.executemany(f"INSERT INTO {table} ({source}, {target}) VALUES (%s, %s)", pairs)


def fill(size: int) -> dict:
    """Fill the registry with ``size`` synthetic conferments (the module's docstring says
    how); returns how many rows of each kind and the seconds it took."""
    from django.db import connection, transaction
    from django.db.models import Max

    from awards.core.bulk import analyze, create_records
    from awards.exchange.kinds.registry_list.resolve import _new_decree
    from awards.models import Citation, Conferment, Decree, Person, Title
    from awards.registry.checks import titles_for_check
    from awards.registry.counts import recount

    started = time.perf_counter()
    titles = {title.slug: title for title in Title.objects.filter(slug__in=CITATIONS)}
    checked_titles = titles_for_check(title.pk for title in titles.values())
    citation_of = {
        slug: Citation.objects.get(slug=slug).pk for slug in {PERSON_CITATION, *CITATIONS.values()}
    }
    people = list(synthetic_people(size))
    # Medal numbers in the order of the dates of each title, as the medals were made.
    numbered = sorted(
        (date, index, position)
        for index, (*_name, _born, _slug, dates) in enumerate(people)
        for position, date in enumerate(dates)
    )
    medal_numbers = {}
    counters = {slug: 0 for slug in titles}
    for _date, index, position in numbered:
        slug = people[index][4]
        counters[slug] += 1
        medal_numbers[index, position] = str(counters[slug])
    del numbered
    days = sorted({date for *_rest, dates in people for date in dates})
    decrees = {
        date: _new_decree(date=date, number=str(number), now=NOW, published=True)
        for number, date in enumerate(days, start=1)
    }
    with transaction.atomic():
        create_records(Decree, list(decrees.values()))
    rows = _Rows(connection, titles=titles, checked_titles=checked_titles)
    person_pk = (Person.objects.aggregate(top=Max("pk"))["top"] or 0) + 1
    conferment_pk = (Conferment.objects.aggregate(top=Max("pk"))["top"] or 0) + 1
    write_people, write_conferments = _writer(Person), _writer(Conferment)
    written = {"people": 0, "conferments": 0, "decrees": len(decrees), "refused": 0}
    tables = [
        Person,
        Conferment,
        *(m._meta.get_field("citations").remote_field.through for m in (Person, Conferment)),
    ]
    indexes = _drop_indexes(connection, tables)
    for start in range(0, len(people), BATCH):
        person_rows, conferment_rows, person_links, conferment_links = [], [], [], []
        for index in range(start, min(start + BATCH, len(people))):
            surname, given, patronymic, born, slug, dates = people[index]
            # The first people are built as the import builds them too, and must agree.
            verify = index < VERIFIED
            person, names = rows.person(
                pk=person_pk,
                surname=surname,
                given=given,
                patronymic=patronymic,
                born=born,
                verify=verify,
            )
            person_rows.append(person)
            person_links.append((person_pk, citation_of[PERSON_CITATION]))
            for ordinal, date in enumerate(dates, start=1):
                conferment = rows.conferment(
                    pk=conferment_pk,
                    person_pk=person_pk,
                    names=names,
                    title=slug,
                    decree=decrees[date],
                    date=date,
                    ordinal=ordinal,
                    times=len(dates),
                    medal_number=medal_numbers[index, ordinal - 1],
                    verify=verify,
                )
                if conferment is None:
                    written["refused"] += 1
                    continue
                conferment_rows.append(conferment)
                conferment_links.append((conferment_pk, citation_of[CITATIONS[slug]]))
                conferment_pk += 1
            person_pk += 1
        with transaction.atomic():
            write_people(person_rows)
            write_conferments(conferment_rows)
            _links(Person._meta.get_field("citations"), person_links)
            _links(Conferment._meta.get_field("citations"), conferment_links)
        written["people"] += len(person_rows)
        written["conferments"] += len(conferment_rows)
        _progress(f"{written['conferments']:,} conferments written", started)
    _progress("rows written; indexes being built", started)
    with connection.cursor() as cursor:
        for sql in indexes:
            cursor.execute(sql)
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            for model in (Person, Conferment):
                table = model._meta.db_table
                cursor.execute(
                    f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                    f"(SELECT MAX(id) FROM {table}))"
                )
    recount()
    analyze(*tables, rows=written["conferments"])
    _progress("counted and analysed", started)
    written["fill_s"] = round(time.perf_counter() - started, 1)
    return written


def _drop_indexes(connection, models) -> list[str]:
    """Drop the tables' indexes that back no constraint, returning the statements that
    build them again: an index built once over a million rows takes a fraction of the
    time of one kept up to date row by row, in random order."""
    statements = []
    with connection.cursor() as cursor:
        for model in models:
            table = model._meta.db_table
            if connection.vendor == "postgresql":
                cursor.execute(
                    "SELECT indexname, indexdef FROM pg_indexes WHERE tablename = %s AND "
                    "indexname NOT IN (SELECT conname FROM pg_constraint)",
                    [table],
                )
            else:
                cursor.execute(
                    "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = %s "
                    "AND sql IS NOT NULL",
                    [table],
                )
            for name, sql in cursor.fetchall():
                cursor.execute(f"DROP INDEX {connection.ops.quote_name(name)}")
                statements.append(sql)
    return statements


def _progress(what: str, started: float) -> None:
    print(f"  … {what} ({time.perf_counter() - started:.0f} s)", file=sys.stderr, flush=True)


class _Rows:
    """The database rows of synthetic people and conferments, each a row of defaults
    with the columns that differ put in, computed by the functions the import computes
    them with; the first ``VERIFIED`` people and their conferments are also built as the
    import builds them (``_new_person``, ``build`` and ``fill_keys``, the rules check)
    and must give the same row."""

    def __init__(self, connection, *, titles, checked_titles):
        from awards.core.bulk import build, column_values
        from awards.models import Conferment, Person

        self.connection = connection
        self.titles, self.checked_titles = titles, checked_titles
        self.person_fields = list(Person._meta.concrete_fields)
        self.conferment_fields = list(Conferment._meta.concrete_fields)
        self.person_values = column_values(self.person_fields, connection, model=Person)
        self.conferment_values = column_values(self.conferment_fields, connection, model=Conferment)
        self.person_template = self.person_values(
            build(
                Person,
                {
                    "published": True,
                    "occupation": SYNTHETIC_OCCUPATION,
                    "occupation_ru": SYNTHETIC_OCCUPATION,
                    "citizenship": "ussr",
                    "created_at": NOW,
                    "updated_at": NOW,
                    **{
                        f"{place}{language}": ""
                        for place in ("birth_place", "death_place")
                        for language in ("", "_ru", "_en")
                    },
                },
            )
        )
        self.conferment_template = self.conferment_values(
            build(Conferment, {"published": True, "created_at": NOW, "updated_at": NOW})
        )
        self.checks = {}

    def _put(self, template: list, fields: list, values: dict) -> list:
        row = list(template)
        for position, field in enumerate(fields):
            if field.attname in values:
                row[position] = values[field.attname]
        return row

    def person(self, *, pk, surname, given, patronymic, born, verify):
        from awards.core.dates import PartialDate
        from awards.core.names import normalized_name, sort_key
        from awards.core.slugs import keyed_slug

        parts_ru = (surname, given, patronymic)
        parts_en = tuple(_transliterate(part) for part in parts_ru)
        name_ru, name_en = " ".join(parts_ru), " ".join(parts_en)
        born_on = PartialDate.parse(born)
        key = "|".join((*(normalized_name(part) for part in parts_ru), "", born_on.isoformat()))
        values = {
            "id": pk,
            "slug": keyed_slug(name_en, key=key),
            "name": name_ru,
            "name_ru": name_ru,
            "name_en": name_en,
            "match_surname": normalized_name(surname)[:100],
            "sort_name": sort_key(name_ru),
            "born_on": self._date(born_on),
        }
        for part, ru, en in zip(NAME_PARTS, parts_ru, parts_en, strict=True):
            values |= {part: ru, f"{part}_ru": ru, f"{part}_en": en}
        row = self._put(self.person_template, self.person_fields, values)
        names = (sort_key(name_ru), sort_key(name_en), values["slug"])
        if verify:
            built = self._imported_person(parts_ru, born_on)
            built.pk = pk
            assert self.person_values(built) == row, (self.person_values(built), row)
            names = (*names, built)
        return row, names

    def _imported_person(self, parts_ru, born_on):
        from awards.exchange.kinds.registry_list.people import _new_person
        from awards.registry.matching import NameParts

        surname, given, patronymic = parts_ru
        values = {
            "published": True,
            "born_on": born_on,
            "occupation_ru": SYNTHETIC_OCCUPATION,
            "citizenship": "ussr",
        }
        parts = NameParts(surname=surname, given_name=given, patronymic=patronymic, born_on=born_on)
        person = _new_person(values, parts, now=NOW)
        person.occupation = SYNTHETIC_OCCUPATION
        return person

    def _date(self, value):
        from awards.models import Person

        return Person._meta.get_field("born_on").get_db_prep_save(value, self.connection)

    def conferment(
        self, *, pk, person_pk, names, title, decree, date, ordinal, times, medal_number, verify
    ):
        from awards.core.dates import PartialDate
        from awards.core.medal_numbers import medal_order_of
        from awards.core.slugs import keyed_slug
        from awards.registry.checks import check_with

        title = self.titles[title]
        sort_name_ru, sort_name_en, person_slug = names[:3]
        parsed = PartialDate.parse(date)
        case = (title.pk, date, ordinal)
        if case not in self.checks:
            probe = _Probe(date=parsed)
            self.checks[case] = check_with(
                probe, title=self.checked_titles[title.pk], ordinal=ordinal
            )
        check = self.checks[case]
        if check.refusals:
            return None
        parts = (person_slug, title.slug, parsed.isoformat())
        values = {
            "id": pk,
            "slug": keyed_slug("-".join(parts), key="|".join(parts)),
            "person_id": person_pk,
            "title_id": title.pk,
            "decree_id": decree.pk,
            "date": self._date(parsed),
            "medal_number": medal_number,
            "medal_order": medal_order_of(medal_number),
            "year": parsed.year,
            "ordinal": ordinal,
            "times": times,
            "public_ordinal": ordinal,
            "public_times": times,
            "sort_name_ru": sort_name_ru,
            "sort_name_en": sort_name_en,
            "rules_uncertain": bool(check.warnings),
            "uncertain_rules": " ".join(check.uncertain_rules),
        }
        row = self._put(self.conferment_template, self.conferment_fields, values)
        if verify:
            self._verify_conferment(
                row,
                names[3],
                title,
                decree,
                parsed,
                medal_number,
                check,
                pk=pk,
                ordinal=ordinal,
                times=times,
            )
        return row

    def _verify_conferment(
        self, row, person, title, decree, parsed, medal_number, check, *, pk, ordinal, times
    ):
        from awards.core.bulk import build
        from awards.exchange.kinds.registry_list.validate import _conferment_slug
        from awards.models import Conferment

        person.pk = row[self.conferment_fields.index(Conferment._meta.get_field("person"))]
        conferment = build(
            Conferment,
            {
                "date": parsed,
                "medal_number": medal_number,
                "published": True,
                "created_at": NOW,
                "updated_at": NOW,
            },
        )
        conferment.person, conferment.title, conferment.decree = person, title, decree
        conferment.fill_keys()
        conferment.pk = pk
        conferment.ordinal = conferment.public_ordinal = ordinal
        conferment.times = conferment.public_times = times
        conferment.rules_uncertain = bool(check.warnings)
        conferment.uncertain_rules = " ".join(check.uncertain_rules)
        conferment.slug = _conferment_slug(person, conferment)
        assert self.conferment_values(conferment) == row, (self.conferment_values(conferment), row)


class _Probe:
    """What the rules check reads of a conferment: its date and its person's citizenship
    (every synthetic person is a citizen of the USSR)."""

    def __init__(self, *, date):
        self.date = date
        self.person = _ProbePerson()


class _ProbePerson:
    citizenship = "ussr"


@functools.cache
def _transliterate(text: str) -> str:
    from awards.core.transliteration import transliterate

    return transliterate(text)


# Measuring -----------------------------------------------------------------------------


def setup(database_url: str, static_root: Path) -> None:
    """The production settings over the database, with the fixtures (bench/cold_pages.py's)."""
    sys.path.insert(0, str(ROOT / "bench"))
    from cold_pages import setup as production_setup

    production_setup(database_url, static_root, fixtures=True)


def pages() -> list[str]:
    """Every page measured: the list pages in both languages, and a person's page."""
    from awards.models import Conferment

    person = (
        Conferment.objects.filter(times=3, person__surname_ru__startswith=SYNTHETIC_SURNAME)
        .select_related("person")
        .order_by("pk")
        .first()
        .person
    )
    return [
        *LIST_PAGES,
        f"/people/{person.slug}/",
        *(f"/en{path}" for path in LIST_PAGES),
        f"/en/people/{person.slug}/",
    ]


def _visitor():
    from django.test import Client

    visitor = Client(secure=True, HTTP_X_FORWARDED_PROTO="https")
    # A session cookie: the whole-page cache steps aside and every request renders.
    visitor.cookies.load({"sessionid": "bench"})
    return visitor


def _renders_ms(client, path: str, repeat: int) -> list[float]:
    """``repeat`` renders of a page after a first (or as many as ``PAGE_BUDGET_S`` allows,
    at least three, for a page of seconds)."""
    response = client.get(path)
    assert response.status_code == 200, (path, response.status_code)
    times = []
    for _ in range(repeat):
        if len(times) >= 3 and sum(times) > PAGE_BUDGET_S * 1000:
            break
        started = time.perf_counter()
        client.get(path)
        times.append((time.perf_counter() - started) * 1000)
    return sorted(times)


def p95(times: list[float]) -> float:
    return times[math.ceil(len(times) * 0.95) - 1]


def measure(repeat: int, *, skip: list[str]) -> dict:
    visitor = _visitor()
    trivial = statistics.median(_renders_ms(visitor, "/robots.txt", repeat * 2))
    figures = {"robots_txt_p50_ms": round(trivial, 3), "pages": {}}
    for path in pages():
        if any(part in path for part in skip):
            continue
        times = _renders_ms(visitor, path, repeat)
        figures["pages"][path] = {
            "p50_ms": round(statistics.median(times), 2),
            "p95_ms": round(p95(times), 2),
        }
    # The ledger of medal numbers is read once per content generation: the first render
    # after a write reads it all.
    from awards.core.content_generation import invalidate_public_pages

    invalidate_public_pages()
    started = time.perf_counter()
    visitor.get(LEDGER_PAGE)
    figures["ledger_after_write_ms"] = round((time.perf_counter() - started) * 1000, 1)
    return figures


def snapshot(folder: Path) -> None:
    """Each page's HTML in ``folder``, one file per page, for ``diff -r``."""
    visitor = _visitor()
    folder.mkdir(parents=True, exist_ok=True)
    for path in pages():
        response = visitor.get(path)
        assert response.status_code == 200, path
        name = path.strip("/").replace("/", "_").replace("?", "@").replace("&", "+") or "root"
        (folder / f"{name}.html").write_bytes(response.content)
        # The next and previous pages too, by the cursors the page links to.
        for rel in ("next", "prev"):
            marker = f'rel="{rel}"'
            html = response.content.decode()
            at = html.find(marker)
            if at < 0:
                continue
            href = html[
                html.rfind('href="', 0, at) + 6 : html.find('"', html.rfind('href="', 0, at) + 6)
            ]
            base = path.split("?")[0]
            linked = visitor.get(base + href.replace("&amp;", "&"))
            assert linked.status_code == 200, (path, href)
            (folder / f"{name}.{rel}.html").write_bytes(linked.content)


def child(args) -> None:
    with tempfile.TemporaryDirectory() as folder:
        database_url = args.database_url or f"sqlite:///{Path(folder) / 'bench.sqlite3'}"
        setup(database_url, Path(folder) / "static")
        result = fill(args.size)
        if args.snapshot:
            snapshot(Path(args.snapshot))
        else:
            result |= measure(args.repeat, skip=args.skip)
    print(json.dumps(result, ensure_ascii=False))


def _recreate_postgres(url: str) -> None:
    import psycopg

    base, name = url.rsplit("/", 1)
    with psycopg.connect(f"{base}/postgres", autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}"')
        connection.execute(f'CREATE DATABASE "{name}"')


def report(figures: dict, *, label: str) -> None:
    print(
        f"Registry pages, {label}, {figures['conferments']:,} conferments "
        f"(filled in {figures['fill_s']} s): /robots.txt {figures['robots_txt_p50_ms']:.2f} ms",
        flush=True,
    )
    for path, figure in figures["pages"].items():
        mark = "holds" if figure["p95_ms"] <= GOAL_MS else "MISSED"
        ratio = figure["p95_ms"] / figures["robots_txt_p50_ms"]
        print(
            f"  {path}: p50 {figure['p50_ms']:.1f} ms, p95 {figure['p95_ms']:.1f} ms "
            f"({ratio:.0f}× /robots.txt; goal ≤ {GOAL_MS} ms: {mark})",
            flush=True,
        )
    print(
        f"  {LEDGER_PAGE}, the first render after a write (the whole ledger read): "
        f"{figures['ledger_after_write_ms']:.0f} ms",
        flush=True,
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=SIZE)
    parser.add_argument("--repeat", type=int, default=REPEAT)
    parser.add_argument(
        "--databases", nargs="+", choices=("sqlite", "postgresql"), default=["sqlite", "postgresql"]
    )
    parser.add_argument("--snapshot", metavar="DIR", help="Write each page's HTML to DIR.")
    parser.add_argument(
        "--skip",
        nargs="+",
        default=[],
        metavar="PART",
        help="Leave out pages whose address has PART.",
    )
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--database-url", default="", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args)
        return
    results = {}
    for database in args.databases:
        command = [sys.executable, __file__, "--child", "--size", str(args.size)]
        command += ["--repeat", str(args.repeat)]
        if args.skip:
            command += ["--skip", *args.skip]
        if args.snapshot:
            command += ["--snapshot", str(Path(args.snapshot) / database)]
        if database == "postgresql":
            url = os.environ.get("BENCH_POSTGRES_URL", POSTGRES_URL)
            _recreate_postgres(url)
            command += ["--database-url", url]
        output = subprocess.run(command, check=True, stdout=subprocess.PIPE, text=True).stdout
        results[database] = json.loads(output.strip().splitlines()[-1])
        if args.snapshot:
            print(f"{database}: pages written to {Path(args.snapshot) / database}")
        else:
            report(results[database], label="SQLite" if database == "sqlite" else "PostgreSQL")
    if not args.snapshot:
        out = ROOT / "bench" / "out"
        out.mkdir(exist_ok=True)
        (out / "registry_pages.json").write_text(json.dumps(results, indent=2, ensure_ascii=False))


if __name__ == "__main__":
    main()
