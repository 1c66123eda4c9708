"""XLSX workbooks read as a stream, under limits that hold while reading.

openpyxl's read-only mode loads every shared string and builds whole rows before it
yields one, so a small workbook that unpacks to gigabytes exhausts the memory before any
limit is checked. This reader opens only the parts a table needs (the workbook, its
relationships, its first worksheet, the shared strings and the styles for the date
formats). A part is refused before it is unpacked when it declares more bytes than the
limit, and while it is unpacked once it outgrows the limit or inflates more than the
inflate ratio allows (as Apache POI's ZipSecureFile does). Its XML goes to expat in
chunks, with no DTD allowed (so no entity, internal or external); only cell texts are
kept (awards.exchange.workbook_parts), each no longer than a cell may be; the first cell
past the last column, the first row past the last row and the first cell past the limit
of cells refuse the file at once. The values are those openpyxl gives.
"""

import io
import posixpath
import re
import zipfile
from collections.abc import Iterator
from xml.parsers import expat

from openpyxl.utils.datetime import CALENDAR_MAC_1904, WINDOWS_EPOCH

from awards.exchange import limits as refusals
from awards.exchange.limits import Limits
from awards.exchange.workbook_parts import (
    Relationships,
    SharedStrings,
    Sheet,
    Styles,
    UnreadableWorkbook,
    WorkbookPart,
)

CHUNK_BYTES = 64 * 1024
# zipfile reads as many compressed bytes as it is asked for unpacked ones: asked for few at
# a time, it has read few when a bomb's ratio shows.
READ_BYTES = 4 * 1024
# POI's grace: a small part may compress as well as it likes.
INFLATE_GRACE_BYTES = 100 * 1024
ROW_TAG = re.compile(rb"<(?:\w+:)?row[\s>/]")


def read_rows(data: bytes, *, limits: Limits) -> list[list]:
    """The rows of the workbook's first worksheet, numbered as the sheet numbers them
    (rows[0] is row 1), each as long as its last filled cell."""
    # A sheet of more row elements than rows allowed is refused by their count, quick on
    # its bytes, before a shared string is read (the rows below count the filled ones).
    if count_rows(data, up_to=limits.rows + 1, limits=limits) > limits.rows + 1:
        raise refusals.too_many_rows(limits)
    workbook = Workbook(data, limits=limits)
    sheet, strings_part, styles_part = workbook.parts()
    strings = workbook.parse(strings_part, SharedStrings(limits)).strings if strings_part else []
    styles = workbook.parse(styles_part, Styles()) if styles_part else Styles()
    return workbook.parse(
        sheet,
        Sheet(
            limits,
            strings=strings,
            date_styles=styles.date_styles(),
            timedelta_styles=styles.timedelta_styles(),
            epoch=CALENDAR_MAC_1904 if workbook.date1904 else WINDOWS_EPOCH,
        ),
    ).rows


def count_rows(data: bytes, *, up_to: int, limits: Limits) -> int:
    """The row elements of the first worksheet, counted no further than ``up_to + 1``
    from its bytes: no cell, and no shared string, is read.

    A row element may be empty (formatted only), so this is an upper bound of the rows.
    """
    workbook = Workbook(data, limits=limits)
    sheet, _, _ = workbook.parts()
    count, tail = 0, b""
    for chunk in workbook.chunks(sheet):
        text = tail + chunk
        # A tag that starts in the last bytes, maybe cut by the chunk's end, is counted
        # with the next chunk.
        cut = max(len(text) - 64, 0)
        count += sum(1 for tag in ROW_TAG.finditer(text) if tag.start() < cut)
        tail = text[cut:]
        if count > up_to:
            return up_to + 1
    return min(count + len(ROW_TAG.findall(tail)), up_to + 1)


class CountedReads:
    """The uploaded bytes as a file that counts the bytes read: the compressed bytes a
    part has taken so far, to which its unpacked bytes are compared."""

    def __init__(self, data: bytes):
        self.file = io.BytesIO(data)
        self.count = 0

    def read(self, size: int = -1) -> bytes:
        chunk = self.file.read(size)
        self.count += len(chunk)
        return chunk

    def seek(self, offset: int, whence: int = 0) -> int:
        return self.file.seek(offset, whence)

    def tell(self) -> int:
        return self.file.tell()

    def seekable(self) -> bool:
        return True


class Workbook:
    """The archive, the parts read from it and the bytes they have unpacked to."""

    def __init__(self, data: bytes, *, limits: Limits):
        self.limits = limits
        self.source = CountedReads(data)
        self.archive = zipfile.ZipFile(self.source)
        self.unpacked = 0
        self.date1904 = False

    def parts(self) -> tuple[str, str | None, str | None]:
        """The first worksheet, the shared strings and the styles, as the workbook's
        relationships name them (the usual names when it names none)."""
        main = None
        if "_rels/.rels" in self.archive.NameToInfo:
            package = self.parse("_rels/.rels", Relationships())
            main = package.target_of("/officeDocument", base="")
        main = main or "xl/workbook.xml"
        workbook = self.parse(main, WorkbookPart())
        self.date1904 = workbook.date1904
        folder, name = posixpath.split(main)
        relations = self.parse(posixpath.join(folder, "_rels", f"{name}.rels"), Relationships())
        sheet = next(
            (
                target
                for target in (relations.worksheet(rid, base=folder) for rid in workbook.sheets)
                if target in self.archive.NameToInfo
            ),
            None,
        )
        if sheet is None:
            raise UnreadableWorkbook("no worksheet")
        strings = relations.target_of("/sharedStrings", base=folder)
        styles = relations.target_of("/styles", base=folder)
        return (
            sheet,
            self.existing(strings, "xl/sharedStrings.xml"),
            self.existing(styles, "xl/styles.xml"),
        )

    def existing(self, *names: str | None) -> str | None:
        return next((name for name in names if name in self.archive.NameToInfo), None)

    def chunks(self, part: str) -> Iterator[bytes]:
        """A part's bytes as they unpack, refused once they go over the limits."""
        info = self.archive.getinfo(part)
        limits = self.limits
        # The sizes a part declares bound what zipfile unpacks: a bomb says so at once.
        if self.unpacked + info.file_size > limits.unpacked_bytes:
            raise refusals.unpacks_too_large(limits)
        if info.file_size > max(INFLATE_GRACE_BYTES, limits.inflate_ratio * info.compress_size):
            raise refusals.inflates_too_much(limits)
        produced, start = 0, self.source.count
        with self.archive.open(info) as stream:
            while chunk := stream.read(READ_BYTES):
                produced += len(chunk)
                self.unpacked += len(chunk)
                if self.unpacked > limits.unpacked_bytes:
                    raise refusals.unpacks_too_large(limits)
                # The declared compressed size may lie; the bytes read from the upload do not
                # (zipfile reads ahead of what it unpacks by at most READ_BYTES + 4 KiB).
                if produced > INFLATE_GRACE_BYTES and produced > limits.inflate_ratio * (
                    self.source.count - start
                ):
                    raise refusals.inflates_too_much(limits)
                yield chunk

    def parse(self, part: str, handler):
        """Feed a part to ``handler`` through expat; the handler, once it has read it."""
        parser = expat.ParserCreate(namespace_separator=" ")
        parser.buffer_text = True
        parser.buffer_size = CHUNK_BYTES
        parser.StartElementHandler = handler.start
        parser.EndElementHandler = handler.end
        parser.CharacterDataHandler = handler.text
        parser.StartDoctypeDeclHandler = refuse_doctype
        parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)
        # expat keeps a whole tag (or comment) in memory until it ends, and reports text
        # in pieces: no run of a part without a ">" may be longer than a cell's text.
        longest_run = 4 * self.limits.cell_chars + CHUNK_BYTES
        run = 0
        for chunk in self.chunks(part):
            end = chunk.rfind(b">")
            run = run + len(chunk) if end < 0 else len(chunk) - end - 1
            if run > longest_run:
                raise refusals.cell_too_long(self.limits)
            parser.Parse(chunk, False)
        parser.Parse(b"", True)
        return handler


def refuse_doctype(*args) -> None:
    raise UnreadableWorkbook("a workbook's XML has no DTD")
