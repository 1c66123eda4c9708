"""Data exchange: records in and out as CSV, XLSX and JSON files.

Layers whose imports run one way, bottom to top (an import-linter contract of
pyproject.toml holds them):

- ``limits``    — what an import file may hold, and its refusals (ImportFileError);
- ``workbook_parts``, ``workbooks`` — XLSX read as a stream within those limits;
- ``files``     — bytes → cells: encodings, delimiters, XLSX/JSON, formula escaping;
  ``writing``   — cells → bytes: CSV, XLSX, JSON in chunks;
- ``widgets``, ``columns`` — how a cell reads and is written; one column type (value,
                  foreign key by slug, many-to-many by slugs) built from a Resource;
- ``resources`` — declarations: which columns each kind of record's file has;
- ``exporter``  — any kind out;
- ``pipeline``  — the one import pipeline: its driver (``run``) and its ``report``;
- ``kinds``     — what each kind does at each stage: records of a Resource, registry lists;
- ``heartbeat``, ``stopped_jobs``, ``jobs`` — large imports as background tasks;
- ``admin``     — the only package that knows django-import-export's admin hooks,
                  its Result and tablib.
"""
