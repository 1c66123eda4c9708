"""Tests of awards.exchange: records in and out as CSV, XLSX and JSON files."""
