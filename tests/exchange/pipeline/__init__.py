"""Tests of awards.exchange.pipeline: the one import pipeline and its report."""
