"""Tests of awards.registry: the rules of conferments, their checks, numbers, counts."""
