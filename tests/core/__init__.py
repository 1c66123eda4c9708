"""Tests of awards.core: the helpers that know no record."""
