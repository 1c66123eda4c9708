"""Helpers that know no record: partial dates, bulk writes, keyset pages, transliteration,
word diffs, places in a source, SQLite's case-insensitive LIKE, the content generation.
Nothing here imports any other part of the app."""
