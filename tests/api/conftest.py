import pytest


@pytest.fixture(autouse=True)
def no_throttle(settings):
    """No limit per address, but in the tests of the limit (test_throttling.py): the tests
    of a run all come from one address."""
    settings.API_THROTTLE = ""
