"""Tests of awards.records: roles, revisions, writes, backups, the fixtures, editors."""
