"""Any origin may read the API: ``Access-Control-Allow-Origin: *`` on its GET, HEAD and
OPTIONS answers (a preflight answered here), on /api/ alone — never on the site's pages
or the admin, which carry an editor's session."""

from __future__ import annotations

from django.http import HttpResponse

READ_METHODS = ("GET", "HEAD", "OPTIONS")
ALLOWED_HEADERS = "If-None-Match, Accept"
EXPOSED_HEADERS = "ETag, Last-Modified, Retry-After, Content-Language"
PREFLIGHT_MAX_AGE = 24 * 60 * 60


# Where heroes_site.urls mounts the API (path_info leaves out any script prefix).
API_PATH = "/api/"


def _in_api(request) -> bool:
    return request.path_info.startswith(API_PATH)


class ApiCorsMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not _in_api(request) or request.method not in READ_METHODS:
            return self.get_response(request)
        if request.method == "OPTIONS":
            response = HttpResponse(status=204)
            response["Allow"] = ", ".join(READ_METHODS)
            response["Access-Control-Allow-Methods"] = ", ".join(READ_METHODS)
            response["Access-Control-Allow-Headers"] = ALLOWED_HEADERS
            response["Access-Control-Max-Age"] = str(PREFLIGHT_MAX_AGE)
        else:
            response = self.get_response(request)
        response["Access-Control-Allow-Origin"] = "*"
        response["Access-Control-Expose-Headers"] = EXPOSED_HEADERS
        return response
