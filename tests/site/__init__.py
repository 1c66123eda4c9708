"""Tests of awards.site: the public pages."""
