"""
ASGI config for heroes_site project.

It exposes the ASGI callable as a module-level variable named ``application``.

For more information on this file, see
https://docs.djangoproject.com/en/5.2/howto/deployment/asgi/
"""

import os

from django.core.asgi import get_asgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "heroes_site.settings")
# Before the settings load: this process serves requests, under their database time limits.
os.environ.setdefault("DJANGO_SERVES_REQUESTS", "1")

application = get_asgi_application()
