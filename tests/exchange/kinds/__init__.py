"""Tests of awards.exchange.kinds: the kinds of import and export."""
