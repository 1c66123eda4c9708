"""Tests of awards.search: the full-text index and the queries over it."""
