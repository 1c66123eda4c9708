"""Tests of awards.models: fields, validation of their own fields, QuerySets."""
