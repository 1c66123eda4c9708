"""Tests of heroes_site: settings, security headers, error pages, database faults."""
