"""Tests of awards.site.timeline: the drawings of the time line."""
