"""The formats and the stored file of the admin's import screens: django-import-export's
formats reading the raw bytes through awards.exchange.files (which detects the encoding
and delimiter), and the uploaded file kept for a retry."""

import os

import tablib
from django import forms
from django.utils.translation import gettext as _
from import_export.formats import base_formats
from import_export.tmp_storages import TempFolderStorage

from awards.exchange import files


class TableDataset(tablib.Dataset):
    """The tablib Dataset the admin's screens expect, carrying the Table read from the
    file: it keeps what a Dataset cannot (cells beyond the header, row numbers)."""

    def __init__(self, table: files.Table):
        width = len(table.headers)
        super().__init__(
            *[tuple((list(row) + [None] * width)[:width]) for row in table.rows],
            headers=table.headers,
        )
        self.table = table


class ExchangeFormatMixin:
    """A format read from raw bytes by awards.exchange.files, so nothing is decoded before
    the encoding is detected."""

    exchange_format = "csv"
    delimiter = ","

    def is_binary(self):
        return True

    def get_read_mode(self):
        return "rb"

    def create_dataset(self, in_stream, **kwargs):
        return TableDataset(files.read_table(in_stream, file_format=self.exchange_format))


class CSVFormat(ExchangeFormatMixin, base_formats.CSV):
    exchange_format = "csv"


class SemicolonCSVFormat(CSVFormat):
    """CSV that Excel in a Russian locale opens in columns with a double click."""

    delimiter = ";"

    def get_title(self):
        return _("CSV with semicolons (Excel)")


class XLSXFormat(ExchangeFormatMixin, base_formats.XLSX):
    exchange_format = "xlsx"


class JSONFormat(ExchangeFormatMixin, base_formats.JSON):
    exchange_format = "json"


class KeptTempFolderStorage(TempFolderStorage):
    """The uploaded file, kept after a confirmation that failed, so that it can be checked
    again; removed once its import is written (``discard``)."""

    def remove(self):
        pass

    def discard(self):
        if self.name and os.path.exists(self.get_full_path()):
            os.remove(self.get_full_path())


def within_size_limit(upload):
    """The upload, or the form's error when it is over the size limit."""
    try:
        files.check_size(upload.size)
    except files.ImportFileError as error:
        raise forms.ValidationError(error.message) from error
    return upload
