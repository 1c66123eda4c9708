"""Playwright tests: a real Chromium against the live server (marked ``browser``)."""
