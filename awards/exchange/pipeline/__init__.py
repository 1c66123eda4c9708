"""The one import pipeline: every kind of import — a kind of record matched by slug, or a
registry list — runs the same stages, each a method of its kind (awards.exchange.kinds):

1. read     — the file into a Table of cells (awards.exchange.files), within its limits;
2. clean    — each cell into a value, through its column (widget and field checks);
3. resolve  — records matched and every name the rows give found, in bulk;
4. validate — each record's own rules and those that span records;
5. write    — only a file without a single error, in one transaction, in bulk, with one
              history entry per record that changed, and the import log's entry.

``run`` drives the stages and handles what every import shares (the report, the
progress, the refusal, the log, writes refused by a change made meanwhile); ``report``
holds what an import tells.
"""
