"""Import and export in the editors' admin, over the same pipeline as the commands.

django-import-export gives the screens (choose a file, preview, confirm, export). This is
the only package that knows its admin hooks, its ``Result`` and tablib: the ``formats``
hand the uploaded bytes to awards.exchange.files (which detects the encoding and
delimiter), the import goes through awards.exchange.pipeline and its report is shown as a
Result (``preview``), the export streams from awards.exchange.exporter (``records``), and
``jobs`` shows the background imports.

A file of more rows than settings.IMPORT_BACKGROUND_ROWS is not previewed here: it goes
to a background job (awards.exchange.jobs) whose page (ImportJobAdmin) shows its progress
and asks for the confirmation. A small file is previewed, and its confirmation carries the
versions of the records the preview read: rows whose records changed since are listed as
conflicts, nothing written. A refused file stays stored, and can be checked again.
"""
