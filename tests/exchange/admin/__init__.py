"""Tests of awards.exchange.admin: import and export in the editors' admin."""
