"""Tests of awards.admin: the editors' workplace."""
