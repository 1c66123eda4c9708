"""Support code for the tests (servers, workers, builders, page readers), imported
as ``tests.support.<module>``; the fixtures are in tests/conftest.py."""
