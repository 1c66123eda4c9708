"""Matching a registry list against the people already recorded (`make bench` runs it).

The check of a 25,000-row list (a dry run of the registry list import: every row cleaned,
its person matched, its award checked against the rules) against 200,000 recorded people,
in a fresh process on its own temporary SQLite database with the fixtures loaded:

- the time and the number of queries of the check against the 200,000 people, and the
  same check against no recorded people at all, measured in the same run: their ratio says
  what matching against a large registry costs;
- the raw index query the matching rests on (every recorded person whose surname, as
  compared, is one of the list's), timed alone, and the query plan SQLite chooses for it:
  the possible-duplicate search is a search of ``person_match_surname_idx``, not a scan.

A quarter of the list's rows name a recorded person exactly, a quarter name one by the
same surname with another date of birth (possible duplicates: questions of the check), a
quarter give initials of a recorded person, a quarter name nobody recorded. Synthetic
people only (surname "Синтетов-…"), as in bench/registry.py.

``python bench/matching.py --people 20000 --rows 2500`` runs smaller sizes.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.registry import (
    CITATION,
    ROOT,
    SYNTHETIC_OCCUPATION,
    SYNTHETIC_SURNAME,
    TITLE,
    setup_django,
)

PEOPLE = 200_000
ROWS = 25_000
HEADERS = ["surname_ru", "given_name_ru", "patronymic_ru", "born_on", "occupation_ru"]
HEADERS += ["title", "date", "citations"]


def _surname(number: int) -> str:
    return f"{SYNTHETIC_SURNAME}-{number:06d}"


def record_people(count: int) -> None:
    """``count`` recorded people, inserted in bulk as a registry of that size holds them."""
    from awards.core.bulk import create_records
    from awards.core.names import normalized_name, sort_key
    from awards.models import Person

    people = []
    for number in range(1, count + 1):
        surname = _surname(number)
        name = f"{surname} Иван Петрович"
        people.append(
            Person(
                slug=f"synthetic-{number:06d}",
                name=name,
                name_ru=name,
                name_en=f"Sintetov-{number:06d} Ivan Petrovich",
                surname=surname,
                surname_ru=surname,
                given_name_ru="Иван",
                patronymic_ru="Петрович",
                born_on=f"19{number % 50 + 20:02d}-05-{number % 28 + 1:02d}",
                occupation_ru=SYNTHETIC_OCCUPATION,
                match_surname=normalized_name(surname),
                sort_name=sort_key(name),
            )
        )
        if len(people) == 5000:
            create_records(Person, people)
            people = []
    create_records(Person, people)


def list_csv(rows: int, *, people: int) -> bytes:
    """A list of ``rows`` rows, in four kinds by quarter (see the module's docstring)."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(HEADERS)
    for row in range(rows):
        number = row // 4 * 7 % max(people, 1) + 1
        born = f"19{number % 50 + 20:02d}-05-{number % 28 + 1:02d}"
        given, patronymic = "Иван", "Петрович"
        match row % 4:
            case 1:
                born = f"19{number % 50 + 20:02d}-06-{number % 28 + 1:02d}"
            case 2:
                given, patronymic = "И.", "П."
            case 3:
                number = people + row
        date = f"{1950 + row % 30}-03-{row % 28 + 1:02d}"
        person = [_surname(number), given, patronymic, born, SYNTHETIC_OCCUPATION]
        writer.writerow([*person, TITLE, date, CITATION])
    return out.getvalue().encode()


def check(data: bytes) -> dict:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from awards.exchange.kinds.registry_list import RegistryListKind
    from awards.exchange.pipeline.run import import_file

    with CaptureQueriesContext(connection) as queries:
        start = time.perf_counter()
        report = import_file(kind=RegistryListKind(), data=data, file_name="list.csv", dry_run=True)
        seconds = time.perf_counter() - start
    return {
        "check_s": round(seconds, 2),
        "queries": len(queries),
        "new": report.new,
        "questions": len(report.questions),
        "errors": len(report.errors),
    }


def raw_index_query(data: bytes) -> dict:
    from django.db import connection

    from awards.core.names import normalized_name

    surnames = sorted({normalized_name(row["surname_ru"]) for row in csv.DictReader(
        io.StringIO(data.decode()))})  # fmt: skip
    with connection.cursor() as cursor:
        start = time.perf_counter()
        found = 0
        for offset in range(0, len(surnames), 500):
            chunk = surnames[offset : offset + 500]
            marks = ", ".join(["%s"] * len(chunk))
            cursor.execute(f"SELECT * FROM awards_person WHERE match_surname IN ({marks})", chunk)
            found += len(cursor.fetchall())
        seconds = time.perf_counter() - start
        cursor.execute(
            "EXPLAIN QUERY PLAN SELECT * FROM awards_person WHERE match_surname IN (%s, %s)",
            surnames[:2],
        )
        plan = " ".join(str(row[-1]) for row in cursor.fetchall())
    return {"raw_index_query_s": round(seconds, 3), "found": found, "plan": plan}


def child(args) -> None:
    setup_django(f"sqlite:///{args.database}")
    data = list_csv(args.rows, people=args.people)
    result = {"people": args.people, "rows": args.rows}
    result["against_none"] = check(data)
    record_people(args.people)
    from awards.core.bulk import analyze
    from awards.models import Person

    analyze(Person, rows=args.people)
    result["against_recorded"] = check(data)
    result["index"] = raw_index_query(data)
    print(json.dumps(result, ensure_ascii=False))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--people", type=int, default=PEOPLE)
    parser.add_argument("--rows", type=int, default=ROWS)
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--database", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args)
        return
    with tempfile.TemporaryDirectory() as folder:
        command = [sys.executable, __file__, "--child", "--database"]
        command += [str(Path(folder) / "bench.sqlite3")]
        command += ["--people", str(args.people), "--rows", str(args.rows)]
        output = subprocess.run(command, check=True, capture_output=True, text=True).stdout
    result = json.loads(output.strip().splitlines()[-1])
    none, recorded = result["against_none"], result["against_recorded"]
    print(
        f"Check of {result['rows']} rows against {result['people']} recorded people: "
        f"{recorded['check_s']} s, {recorded['queries']} queries, "
        f"{recorded['questions']} questions; against none: {none['check_s']} s, "
        f"{none['queries']} queries; ratio {recorded['check_s'] / none['check_s']:.2f}"
    )
    index = result["index"]
    print(
        f"Raw index query for the list's surnames: {index['raw_index_query_s']} s "
        f"({index['found']} people); plan: {index['plan']}"
    )
    out = ROOT / "bench" / "out"
    out.mkdir(exist_ok=True)
    (out / "matching.json").write_text(json.dumps(result, indent=2, ensure_ascii=False))


if __name__ == "__main__":
    main()
