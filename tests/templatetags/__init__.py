"""Tests of awards.templatetags: the presentation helpers."""
