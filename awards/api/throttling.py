"""Requests per address: ``settings.API_THROTTLE`` ("120/m"; empty for no limit), counted in
the default cache by django-ninja's ``AnonRateThrottle``; over it, ``429`` with
``Retry-After`` in seconds.

Counted before anything else, a ``304`` included: every answer costs the server something.
The address is ``REMOTE_ADDR``, or the client's in ``X-Forwarded-For`` as far as
``NINJA_NUM_PROXIES`` trusted proxies wrote it (django-ninja's rule).
"""

from __future__ import annotations

import functools
import math

from django.conf import settings
from django.http import JsonResponse
from ninja.throttling import AnonRateThrottle


class AddressThrottle(AnonRateThrottle):
    """The rate read from the settings at each request, so that it can be changed
    without a restart of the code that built the API (and in tests)."""

    def __init__(self, rate: str):
        self.rate = rate
        self.num_requests, self.duration = self.parse_rate(rate)


def throttled(run):
    @functools.wraps(run)
    def wrapper(request, *args, **kwargs):
        rate = settings.API_THROTTLE
        if rate:
            # One per request: a throttle keeps the request's history on itself.
            throttle = AddressThrottle(rate)
            if not throttle.allow_request(request):
                wait = throttle.wait()
                response = JsonResponse({"detail": "Too many requests."}, status=429)
                response["Retry-After"] = str(math.ceil(wait if wait is not None else 1))
                return response
        return run(request, *args, **kwargs)

    return wrapper
