"""Hostile workbooks refused, measured (part of `make bench`).

The workbooks an attacker with an editor's account sent (issue 17), each made here at its
real size, tiny on disk, in a second (one compressed block repeated):

- ``whitespace``: a sheet that unpacks to 1 GiB of whitespace after its header (~1 MB);
- ``long string``: one shared string of 200 million characters (~200 KB);
- ``wide row``: a million cells in one row (~15 KB);
- ``shared strings``: 3 million shared strings (~50 KB);
- ``lying sizes``: the 3 million shared strings again, their entry claiming to be packed
  only 50 times, so that only the inflate ratio measured while unpacking refuses them.

Each goes through the record importer (``import_file``, as the admin's preview and
``import_records`` read a file) and the registry importer (``import_registry``, as the
registry list's background job does), each time in a fresh process on its own copy of
an empty SQLite database, so that the peak resident size (VmHWM, as bench/background.py
reads it) is that import's. The baseline is the same import of a small valid workbook,
measured in the same run; the table gives each refusal's time and peak beside it, and
as ratios. Goal: every refusal within a second, no peak over 300 MB.
"""

import argparse
import json
import os
import shutil
import struct
import subprocess
import sys
import tempfile
import time
import zlib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GOAL_SECONDS = 1.0
GOAL_PEAK_MB = 300.0

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
RELATIONSHIPS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PACKAGE = "http://schemas.openxmlformats.org/package/2006/relationships"
CONTENT_TYPES = "http://schemas.openxmlformats.org/package/2006/content-types"
SHEET_START = (
    f'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="{MAIN}"><sheetData>'
    '<row r="1"><c r="A1" t="inlineStr"><is><t>slug</t></is></c>'
    '<c r="B1" t="inlineStr"><is><t>name_ru</t></is></c></row>'
    '<row r="2"><c r="A2" t="inlineStr"><is><t>ivanov</t></is></c>'
    '<c r="B2" t="inlineStr"><is><t>Иванов</t></is></c></row>'
).encode()
SHEET_END = b"</sheetData></worksheet>"


# Building workbooks -------------------------------------------------------------------


class Repeated:
    """A part's bytes, ``prefix + unit * count + suffix``, deflated from one compressed
    block of units repeated: each block is compressed alone and ends in a full flush, so
    the blocks follow one another as one valid stream."""

    BLOCK_BYTES = 1024 * 1024

    def __init__(self, prefix: bytes, unit: bytes, count: int, suffix: bytes):
        per_block = max(1, self.BLOCK_BYTES // max(len(unit), 1))
        blocks, rest = divmod(count, per_block)
        block = unit * per_block
        tail = unit * rest + suffix
        self.compressed = (
            _deflated(prefix) + _deflated(block) * blocks + _deflated(tail, final=True)
        )
        crc = zlib.crc32(prefix)
        for _ in range(blocks):
            crc = zlib.crc32(block, crc)
        self.crc = zlib.crc32(tail, crc)
        self.size = len(prefix) + len(unit) * count + len(suffix)


def _deflated(data: bytes, *, final: bool = False) -> bytes:
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    return compressor.compress(data) + compressor.flush(
        zlib.Z_FINISH if final else zlib.Z_FULL_FLUSH
    )


def archive(parts: dict, *, declared: dict | None = None) -> bytes:
    """A zip of the parts (bytes, or Repeated), written as a spreadsheet program writes
    one; ``declared`` gives parts the (compressed size, size) their entries claim."""
    output, directory = bytearray(), bytearray()
    for name, content in parts.items():
        if isinstance(content, bytes):
            content = Repeated(content, b"", 0, b"")
        encoded = name.encode()
        offset = len(output)
        compressed_size, size = (declared or {}).get(name, (len(content.compressed), content.size))
        output += struct.pack(
            "<IHHHHHIIIHH", 0x04034B50, 20, 0, 8, 0, 0x21, content.crc,
            compressed_size, size, len(encoded), 0,
        )  # fmt: skip
        output += encoded + content.compressed
        directory += struct.pack(
            "<IHHHHHHIIIHHHHHII", 0x02014B50, 20, 20, 0, 8, 0, 0x21, content.crc,
            compressed_size, size, len(encoded), 0, 0, 0, 0, 0, offset,
        )  # fmt: skip
        directory += encoded
    start = len(output)
    output += directory
    output += struct.pack(
        "<IHHHHIIH", 0x06054B50, 0, 0, len(parts), len(parts), len(directory), start, 0
    )
    return bytes(output)


def workbook(
    *, sheet, strings=None, styles=None, date1904: bool = False, declared: dict | None = None
) -> bytes:
    """A workbook of one sheet, with shared strings and styles when given (bytes, or
    Repeated), on the 1904 calendar if asked."""
    overrides = [("/xl/workbook.xml", "sheet.main"), ("/xl/worksheets/sheet1.xml", "worksheet")]
    relations = [("rId1", "worksheet", "worksheets/sheet1.xml")]
    optional = {"sharedStrings": strings, "styles": styles}
    for number, (kind, content) in enumerate(optional.items(), 2):
        if content is not None:
            overrides.append((f"/xl/{kind}.xml", kind))
            relations.append((f"rId{number}", kind, f"{kind}.xml"))
    properties = '<workbookPr date1904="1"/>' if date1904 else ""
    parts = {
        "[Content_Types].xml": (
            f'<?xml version="1.0" encoding="UTF-8"?><Types xmlns="{CONTENT_TYPES}">'
            '<Default Extension="rels" '
            'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>'
            + "".join(
                f'<Override PartName="{name}" ContentType="application/'
                f'vnd.openxmlformats-officedocument.spreadsheetml.{kind}+xml"/>'
                for name, kind in overrides
            )
            + "</Types>"
        ).encode(),
        "_rels/.rels": (
            f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="{PACKAGE}">'
            f'<Relationship Id="rId1" Type="{RELATIONSHIPS}/officeDocument" '
            'Target="xl/workbook.xml"/></Relationships>'
        ).encode(),
        "xl/workbook.xml": (
            f'<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="{MAIN}" '
            f'xmlns:r="{RELATIONSHIPS}">{properties}<sheets><sheet name="person" sheetId="1" '
            'r:id="rId1"/></sheets></workbook>'
        ).encode(),
        "xl/_rels/workbook.xml.rels": (
            f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="{PACKAGE}">'
            + "".join(
                f'<Relationship Id="{rid}" Type="{RELATIONSHIPS}/{kind}" Target="{target}"/>'
                for rid, kind, target in relations
            )
            + "</Relationships>"
        ).encode(),
        "xl/worksheets/sheet1.xml": sheet,
    }
    for kind, content in optional.items():
        if content is not None:
            parts[f"xl/{kind}.xml"] = content
    return archive(parts, declared=declared)


# The hostile workbooks ------------------------------------------------------------------


def whitespace_bomb(*, unpacked: int = 1024**3) -> bytes:
    """A sheet of a header and a row, then ``unpacked`` bytes of spaces."""
    return workbook(sheet=Repeated(SHEET_START, b" ", unpacked, SHEET_END))


def long_shared_string(*, chars: int = 200_000_000) -> bytes:
    """One shared string of ``chars`` characters, in the first cell of a third row."""
    strings = Repeated(
        f'<?xml version="1.0" encoding="UTF-8"?><sst xmlns="{MAIN}"><si><t>'.encode(),
        b"a",
        chars,
        b"</t></si></sst>",
    )
    sheet = SHEET_START + b'<row r="3"><c r="A3" t="s"><v>0</v></c></row>' + SHEET_END
    return workbook(sheet=sheet, strings=strings)


def wide_row(*, cells: int = 1_000_000) -> bytes:
    """A data row of ``cells`` cells without their references, a number each."""
    sheet = Repeated(SHEET_START + b"<row>", b"<c><v>1</v></c>", cells, b"</row>" + SHEET_END)
    return workbook(sheet=sheet)


def many_shared_strings(*, count: int = 3_000_000, lying: bool = False) -> bytes:
    """``count`` shared strings, of which the sheet uses one. A lying entry claims its
    real size packed only 50 times: zipfile unpacks what the entry claims, but only the
    bytes read from the file tell the real ratio."""
    strings = Repeated(
        f'<?xml version="1.0" encoding="UTF-8"?><sst xmlns="{MAIN}">'.encode(),
        b"<si><t>a</t></si>",
        count,
        b"</sst>",
    )
    sheet = SHEET_START + b'<row r="3"><c r="A3" t="s"><v>0</v></c></row>' + SHEET_END
    declared = {"xl/sharedStrings.xml": (strings.size // 50, strings.size)} if lying else None
    return workbook(sheet=sheet, strings=strings, declared=declared)


def valid_workbook(importer: str) -> bytes:
    """The baseline: a valid workbook of a few rows for the importer, checked (dry run)."""
    if importer == "records":
        header, row = ("slug", "name_ru", "citations"), ("bench-{n}", "Иванов {n}", "hsl-p4-s1")
    else:
        header = ("surname_ru", "given_name_ru", "title", "date", "citations")
        row = ("Синтетов-{n}", "Иван", "hero-of-socialist-labour", "1960-05-0{n}", "hsl-p4-s1")

    def cells(number: int, texts) -> str:
        return "".join(
            f'<c t="inlineStr"><is><t>{text.format(n=number)}</t></is></c>' for text in texts
        )

    rows = [f"<row>{cells(0, header)}</row>"]
    rows += [f"<row>{cells(number, row)}</row>" for number in range(1, 6)]
    sheet = f'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="{MAIN}"><sheetData>'
    return workbook(sheet=(sheet + "".join(rows) + "</sheetData></worksheet>").encode())


CASES = {
    "baseline": None,
    "whitespace": whitespace_bomb,
    "long string": long_shared_string,
    "wide row": wide_row,
    "shared strings": many_shared_strings,
    "lying sizes": lambda: many_shared_strings(lying=True),
}
IMPORTERS = ("records", "registry")


# The measurement ------------------------------------------------------------------------


def setup_django(database: Path) -> None:
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_DEBUG", "1")
    os.environ["DJANGO_SETTINGS_MODULE"] = "heroes_site.settings"
    os.environ["DATABASE_URL"] = f"sqlite:///{database}"
    import django

    django.setup()


def measure_one(case: str, importer: str, database: Path) -> dict:
    """In this process: the import of one workbook, its time and the process's peak."""
    setup_django(database)
    sys.path.insert(0, str(ROOT / "bench"))
    from background import peak_rss_mb, reset_peak_rss

    from awards.exchange.kinds.records import RecordKind
    from awards.exchange.kinds.registry_list import RegistryListKind
    from awards.exchange.pipeline.run import import_file
    from awards.exchange.resources import PersonResource

    data = CASES[case]() if CASES[case] else valid_workbook(importer)
    if importer == "records":
        run = lambda: import_file(  # noqa: E731
            kind=RecordKind(PersonResource()), data=data, file_name="x.xlsx", dry_run=True
        )
    else:
        run = lambda: import_file(  # noqa: E731
            kind=RegistryListKind(), data=data, file_name="x.xlsx", dry_run=True
        )
    reset_peak_rss()
    start = time.perf_counter()
    report = run()
    seconds = time.perf_counter() - start
    assert report.ok == (case == "baseline"), report.errors[:3]
    return {
        "seconds": seconds,
        "peak_mb": peak_rss_mb(),
        "size": len(data),
        "message": report.errors[0].message if report.errors else "",
    }


def measure(case: str, importer: str, template: Path, folder: Path) -> dict:
    database = folder / f"{case.replace(' ', '-')}-{importer}.sqlite3"
    shutil.copy(template, database)
    result = subprocess.run(
        [sys.executable, __file__, "--one", case, importer, str(database)],
        capture_output=True,
        text=True,
    )
    if result.returncode:
        sys.exit(f"{case} through the {importer} importer failed:\n{result.stderr}")
    return json.loads(result.stdout.splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--one", nargs=3, metavar=("CASE", "IMPORTER", "DATABASE"))
    options = parser.parse_args()
    if options.one:
        case, importer, database = options.one
        print(json.dumps(measure_one(case, importer, Path(database))))
        return
    with tempfile.TemporaryDirectory() as directory:
        folder = Path(directory)
        template = folder / "template.sqlite3"
        setup_django(template)
        from django.core.management import call_command

        call_command("migrate", verbosity=0)
        from awards.records.seed import fixture_paths, load_fixture_records

        # The baselines' lists name the fixtures' title and passages.
        load_fixture_records(paths=fixture_paths())
        from django.db import connection

        # The last connection to close writes SQLite's write-ahead log into the file copied.
        connection.close()
        results = {
            (case, importer): measure(case, importer, template, folder)
            for importer in IMPORTERS
            for case in CASES
        }
    print("Hostile workbooks (issue 17), each refused in a fresh process; baseline: the same")
    print("import (a dry run) of a valid workbook of five rows. Goal: within 1 s, peak < 300 MB.\n")
    print(
        f"{'workbook':<15} {'size':>9}  {'importer':<9} {'time':>8} {'× base':>7} "
        f"{'peak':>9} {'× base':>7}  refusal"
    )
    messages, failures = [], []
    for (case, importer), result in results.items():
        base = results[("baseline", importer)]
        if result["message"] and result["message"] not in messages:
            messages.append(result["message"])
        refusal = f"[{messages.index(result['message']) + 1}]" if result["message"] else "none"
        print(
            f"{case:<15} {result['size'] / 1024:>7.0f} K  {importer:<9} "
            f"{result['seconds']:>6.3f} s {result['seconds'] / base['seconds']:>6.1f}× "
            f"{result['peak_mb']:>6.1f} MB {result['peak_mb'] / base['peak_mb']:>6.2f}×  {refusal}"
        )
        if case != "baseline" and (
            result["seconds"] > GOAL_SECONDS or result["peak_mb"] > GOAL_PEAK_MB
        ):
            failures.append((case, importer))
    print()
    for number, message in enumerate(messages, 1):
        print(f"[{number}] {message}")
    if failures:
        sys.exit(f"\nOver the goal: {failures}")


if __name__ == "__main__":
    main()
