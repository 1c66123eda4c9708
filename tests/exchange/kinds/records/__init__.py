"""Tests of awards.exchange.kinds.records: a kind of record matched by slug."""
