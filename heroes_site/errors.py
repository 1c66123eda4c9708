"""Error pages Django and django-axes build themselves, in the visitor's or editor's language."""

from django.contrib import admin
from django.shortcuts import render
from django.urls import reverse


def in_admin(request) -> bool:
    return request.path_info.startswith(reverse("admin:index"))


def csrf_failure(request, reason=""):
    """A form sent without a valid CSRF token: most often an expired page or blocked cookies."""
    if in_admin(request):
        return render(request, "admin/403_csrf.html", admin.site.each_context(request), status=403)
    return render(request, "403_csrf.html", status=403)


def login_locked_out(request, original_response=None, credentials=None):
    """django-axes' lockout: the admin's page, saying how long to wait and who can unlock."""
    from axes.helpers import get_cool_off, get_failure_limit

    context = admin.site.each_context(request) | {
        "failure_limit": get_failure_limit(request, credentials),
        "cooloff_minutes": int(get_cool_off(request).total_seconds() // 60),
    }
    return render(request, "admin/lockout.html", context, status=429)
