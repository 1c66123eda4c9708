"""Data exchange: records in and out as CSV, XLSX and JSON files.

Layers whose imports run one way, bottom to top:

- ``limits``    — what an import file may hold, and its refusals (ImportFileError);
- ``workbooks``, ``workbook_parts`` — XLSX read as a stream within those limits;
- ``files``     — bytes ⇄ cells: encodings, delimiters, XLSX/JSON, BOM, formula escaping;
- ``columns``   — one column type (value, foreign key by slug, many-to-many by slugs)
                  built from a Resource: cleaning, rendering, bulk lookups;
- ``widgets``, ``resources`` — declarations: how a cell reads, which columns a file has;
- ``importer``  — read → clean → resolve → validate → write; ``exporter`` — records out;
- ``admin``     — the only module that knows django-import-export's admin hooks,
                  its Result and tablib.

A lower layer never imports a higher one.
"""
