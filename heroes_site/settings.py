"""Settings for the Heroes of Labour site, read from the environment.

DJANGO_DEBUG, DJANGO_SECRET_KEY (required unless debugging), DJANGO_ALLOWED_HOSTS,
DATABASE_URL (default: SQLite file in the project root), DATABASE_CONN_MAX_AGE,
DATABASE_CONNECT_TIMEOUT, DATABASE_BUSY_TIMEOUT, DATABASE_STATEMENT_TIMEOUT,
DATABASE_COMMAND_TIMEOUT, DJANGO_SERVES_REQUESTS (set by heroes_site.wsgi),
IMPORT_MAX_UPLOAD_BYTES, IMPORT_BACKGROUND_ROWS, IMPORT_FILES_ROOT,
IMPORT_JOB_STALE_SECONDS, REDIS_URL, LOGIN_FAILURE_LIMIT,
LOGIN_COOLOFF_MINUTES, DJANGO_STATIC_ROOT, REDIS_URL, DJANGO_CACHE_DIR, PUBLIC_PAGES_MAX_AGE,
DATA_RELEASES_DIR, DATA_RELEASE_LICENSE, DATA_RELEASE_BASE_URL.
"""

import hashlib
import os
import sys
from datetime import timedelta
from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF
from django.core.exceptions import ImproperlyConfigured
from django.core.files.storage import FileSystemStorage
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent


def read_env_file(path: Path) -> None:
    """Take KEY=VALUE lines of a local environment file as defaults: the environment wins.

    ``make setup`` writes one (``.env``, ignored by git) for local work, so that the
    README's commands run in a checkout as written; a deployment has none, and still
    refuses to start without its secret. DJANGO_ENV_FILE names another file ("" for none).
    """
    if not path.is_file():
        return
    for line in path.read_text(encoding="utf-8").splitlines():
        name, separator, value = line.partition("=")
        name = name.strip()
        if separator and name and not name.startswith("#"):
            os.environ.setdefault(name, value.strip())


_env_file = os.environ.get("DJANGO_ENV_FILE")
if _env_file is None:
    read_env_file(BASE_DIR / ".env")
elif _env_file:
    read_env_file(Path(_env_file))


def env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_seconds(name: str, default: float) -> float:
    value = os.environ.get(name) or str(default)
    try:
        seconds = float(value)
    except ValueError:
        seconds = 0
    if not 0 < seconds < float("inf"):
        raise ImproperlyConfigured(f"{name} must be a number of seconds above 0, not {value!r}.")
    return seconds


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_bool("DJANGO_DEBUG", default=False)

SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured(
            "DJANGO_SECRET_KEY must be set when DJANGO_DEBUG is off "
            "(set DJANGO_DEBUG=1 for local work)."
        )
    SECRET_KEY = "insecure-local-development-key-only-used-with-DJANGO_DEBUG"

ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]" if DEBUG else "")
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    # modeltranslation must come before the admin so that its fields show there.
    "modeltranslation",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.forms",
    "simple_history",
    "import_export",
    "heroes_site.apps.LoginsConfig",  # axes
    # Its docs page from its own static files (with it missing, from a CDN the CSP forbids).
    "ninja",
    # Before django_tasks_db, so that its db_worker command is the project's (which first
    # recovers the background imports a killed worker left).
    "awards",
    "django_tasks",
    "heroes_site.apps.BackgroundTasksConfig",  # django_tasks_db
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Outside ConditionalGetMiddleware, whose 304 keeps none of the CORS headers.
    "awards.api.cors.ApiCorsMiddleware",
    "django.middleware.http.ConditionalGetMiddleware",
    "heroes_site.csp.SiteCSPMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    # Inside LocaleMiddleware (the page's language is known), outside everything a cached
    # page need not run again.
    "awards.site.page_cache.PublicPageCacheMiddleware",
    "django.middleware.common.CommonMiddleware",
    # Inside the page cache and CommonMiddleware: the page is cached and measured typeset.
    "awards.site.typesetting.TypesettingMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "heroes_site.database_faults.DatabaseFaultMiddleware",
    # Axes last, as its documentation asks: it turns a recorded lockout into the lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "heroes_site.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

# Widgets render through TEMPLATES so that templates/ can hold their markup.
FORM_RENDERER = "django.forms.renderers.TemplatesSetting"

WSGI_APPLICATION = "heroes_site.wsgi.application"

DATABASES = {
    # An empty DATABASE_URL counts as unset, as in `DATABASE_URL= make test`.
    # Connections are kept between requests and checked before reuse, so that a restarted
    # database costs one failed check, not one failed request.
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL") or f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}

# Time limits of the database, in seconds. A request has gunicorn's 30 s in all: a statement
# waits at most DATABASE_BUSY_TIMEOUT for another write to finish (SQLite's busy timeout,
# PostgreSQL's lock_timeout) and runs at most DATABASE_STATEMENT_TIMEOUT on PostgreSQL, which
# also ends a transaction left idle that long; a server that stops answering is given up
# five seconds after that (heroes_site.postgresql). Past a limit the request gets the 503
# page, which says when the database was busy. Requests are served where heroes_site.wsgi
# (gunicorn) or runserver runs. Everything else — the background worker, the management
# commands, the tests — does long work no browser waits for (imports of 200,000 rows,
# migrations, restores), and may wait for another such job: DATABASE_COMMAND_TIMEOUT bounds
# each of its statements and waits instead.
SERVES_REQUESTS = env_bool("DJANGO_SERVES_REQUESTS") or sys.argv[1:2] == ["runserver"]
_request_limits = (
    env_seconds("DATABASE_BUSY_TIMEOUT", 20),
    env_seconds("DATABASE_STATEMENT_TIMEOUT", 20),
)
_command_limit = env_seconds("DATABASE_COMMAND_TIMEOUT", 600)
DATABASE_BUSY_TIMEOUT, DATABASE_STATEMENT_TIMEOUT = (
    _request_limits if SERVES_REQUESTS else (_command_limit, _command_limit)
)

_options = DATABASES["default"].setdefault("OPTIONS", {})
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    _options.update(
        # A deferred transaction that has read cannot wait for the write lock when another
        # writer holds it: SQLite answers "database is locked" at once. Taken at BEGIN, the
        # lock is waited for (up to the busy timeout), so of two editors saving at once one
        # saves and the other reads the new version and gets the conflict form.
        transaction_mode="IMMEDIATE",
        timeout=DATABASE_BUSY_TIMEOUT,
        # Readers read beside the writer instead of waiting for it (kept in the file).
        init_command="PRAGMA journal_mode=WAL",
    )
elif DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    DATABASES["default"]["ENGINE"] = "heroes_site.postgresql"
    # A host that accepts the connection and never answers fails the request in seconds
    # (a 503 page) instead of holding the worker until gunicorn kills it.
    _options.setdefault("connect_timeout", int(os.environ.get("DATABASE_CONNECT_TIMEOUT", "3")))
    _server_limits = {
        "lock_timeout": DATABASE_BUSY_TIMEOUT,
        "statement_timeout": DATABASE_STATEMENT_TIMEOUT,
        "idle_in_transaction_session_timeout": DATABASE_STATEMENT_TIMEOUT,
    }
    _options["options"] = " ".join(
        [
            _options.get("options", ""),
            *(f"-c {name}={round(seconds * 1000)}" for name, seconds in _server_limits.items()),
            # No JIT: the site's queries take milliseconds, and a plan the planner thinks
            # costly (a search matching most of a large index) spent 0.8 s compiling.
            "-c jit=off",
        ]
    ).strip()
    # The server answers by its statement_timeout (lock waits included) when it is there:
    # waiting five seconds longer means it is not.
    _options["answer_timeout"] = DATABASE_STATEMENT_TIMEOUT + 5
    # A connection kept between requests to a host that has gone away (no packet
    # acknowledged any more) is found dead by the kernel, not by the next request.
    _options.update(
        keepalives=1,
        keepalives_idle=15,
        keepalives_interval=5,
        keepalives_count=3,
        tcp_user_timeout=10_000,
    )

# The cache holds whole public pages (awards.site.page_cache) under a generation that every
# committed write replaces. Without REDIS_URL: files in DJANGO_CACHE_DIR, shared by the
# worker processes of one machine; with it: Redis, shared by several app servers. The key
# prefix names the database, so sites on different databases never share a page.
_database = DATABASES["default"]
CACHE_KEY_PREFIX = hashlib.sha256(
    "|".join(str(_database.get(part) or "") for part in ("ENGINE", "HOST", "PORT", "NAME")).encode()
).hexdigest()[:12]
CACHES = {
    "default": (
        {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": os.environ["REDIS_URL"],
            "KEY_PREFIX": CACHE_KEY_PREFIX,
        }
        if os.environ.get("REDIS_URL")
        else {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": os.environ.get("DJANGO_CACHE_DIR") or str(BASE_DIR / ".cache" / "pages"),
            "KEY_PREFIX": CACHE_KEY_PREFIX,
            "OPTIONS": {"MAX_ENTRIES": 20000},
        }
    )
}
PUBLIC_PAGES_CACHE = "default"
# Seconds a browser or CDN may reuse a public page without asking; 0: it always asks
# (a 304 when nothing changed), so no one sees a page older than the last write.
PUBLIC_PAGES_MAX_AGE = int(os.environ.get("PUBLIC_PAGES_MAX_AGE", "0"))
# How long an unchanged page stays in the cache.
PUBLIC_PAGES_TIMEOUT = 24 * 60 * 60
# Requests to the API per address (awards.api.throttling): "count/period", period one of
# s, m, h, d; empty: no limit.
API_THROTTLE = os.environ.get("API_THROTTLE", "120/m")

# Dated data releases (manage.py release_data DIR; /data/ lists those in this folder).
DATA_RELEASES_DIR = Path(os.environ.get("DATA_RELEASES_DIR") or BASE_DIR / "releases")
# The repository states no licence for the data: this default is a choice to confirm.
DATA_RELEASE_LICENSE = os.environ.get(
    "DATA_RELEASE_LICENSE", "CC BY 4.0 (https://creativecommons.org/licenses/by/4.0/)"
)
# The site's address, for the records' addresses in a release's JSON-LD graph.
DATA_RELEASE_BASE_URL = os.environ.get("DATA_RELEASE_BASE_URL", "http://localhost:8000")

AUTHENTICATION_BACKENDS = [
    # Axes first: it refuses a locked-out login before the password is even checked.
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "ru"
LANGUAGES = [
    ("ru", _("Russian")),
    ("en", _("English")),
]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Moscow"
USE_I18N = True
# Where Django's formats for a language are corrected (heroes_site/formats/ru: «3 декабря»).
FORMAT_MODULE_PATH = ["heroes_site.formats"]
USE_TZ = True

MODELTRANSLATION_DEFAULT_LANGUAGE = "ru"
MODELTRANSLATION_FALLBACK_LANGUAGES = ("ru",)

STATIC_URL = "static/"
STATIC_ROOT = Path(os.environ.get("DJANGO_STATIC_ROOT") or BASE_DIR / "staticfiles")
# The manifest (original name -> hashed name) is for the server, not the public: it is
# written next to STATIC_ROOT, outside what WhiteNoise serves.
STATIC_MANIFEST_ROOT = STATIC_ROOT.with_name(f"{STATIC_ROOT.name}-manifest")
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": (
        {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}
        if DEBUG
        else {
            "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage",
            "OPTIONS": {"manifest_storage": FileSystemStorage(location=STATIC_MANIFEST_ROOT)},
        }
    ),
}

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

LOGIN_URL = "admin:login"
CSRF_FAILURE_VIEW = "heroes_site.errors.csrf_failure"

# Login throttling (django-axes): a user name is locked out from one address after
# LOGIN_FAILURE_LIMIT wrong passwords, for LOGIN_COOLOFF_MINUTES; `manage.py
# axes_reset_username NAME` lifts it earlier. Behind a proxy the address is the proxy's.
AXES_FAILURE_LIMIT = int(os.environ.get("LOGIN_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = timedelta(minutes=int(os.environ.get("LOGIN_COOLOFF_MINUTES", "15")))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_ENABLE_ACCESS_FAILURE_LOG = True
AXES_LOCKOUT_CALLABLE = "heroes_site.errors.login_locked_out"
AXES_VERBOSE = False

# Content-Security-Policy: only this site's own files, no inline script or style anywhere
# (structured data is a JSON block, which browsers do not run). heroes_site.csp adds what
# the admin's third-party templates need under /admin/.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "object-src": [NONE],
        "base-uri": [NONE],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    },
}

IMPORT_EXPORT_SKIP_ADMIN_LOG = False
IMPORT_MAX_UPLOAD_BYTES = int(os.environ.get("IMPORT_MAX_UPLOAD_BYTES", str(10 * 1024 * 1024)))
IMPORT_MAX_ROWS = int(os.environ.get("IMPORT_MAX_ROWS", "200000"))
# What an imported file may hold, checked while it is read (awards.exchange.limits): its
# cells (empty ones before a row's last cell included), a cell's characters, and for a
# workbook the bytes its parts unpack to and how many times their compressed size.
IMPORT_MAX_CELLS = int(os.environ.get("IMPORT_MAX_CELLS", "5000000"))
IMPORT_MAX_CELL_CHARS = int(os.environ.get("IMPORT_MAX_CELL_CHARS", "1000000"))
IMPORT_MAX_UNPACKED_BYTES = int(os.environ.get("IMPORT_MAX_UNPACKED_BYTES", str(256 * 1024 * 1024)))
IMPORT_MAX_INFLATE_RATIO = int(os.environ.get("IMPORT_MAX_INFLATE_RATIO", "100"))
# An admin import of more rows than this runs as a background task with a progress page.
IMPORT_BACKGROUND_ROWS = int(os.environ.get("IMPORT_BACKGROUND_ROWS", "2000"))
# Uploaded files of background imports: private, never served (not under any static or
# media URL); a job's file is kept for a retry until the import is written.
IMPORT_FILES_ROOT = Path(os.environ.get("IMPORT_FILES_ROOT") or BASE_DIR / "private" / "imports")
# A background import whose worker gave no sign of life (a heartbeat in the cache, renewed
# every few seconds) for this long is dead: marked failed when read, to be checked again.
IMPORT_JOB_STALE_SECONDS = int(os.environ.get("IMPORT_JOB_STALE_SECONDS", "60"))

# Background tasks (Django's Tasks API, backported by django-tasks): a queue in the
# database, run by `manage.py db_worker` (which `make run` starts beside the server); with
# REDIS_URL, the same tasks go to RQ on Redis, run by `manage.py rqworker --job-class
# django_tasks_rq.Job` (as many workers as wanted).
REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    INSTALLED_APPS += ["django_rq"]
    RQ_QUEUES = {"default": {"URL": REDIS_URL, "DEFAULT_TIMEOUT": 60 * 60}}
    TASKS = {"default": {"BACKEND": "django_tasks_rq.RQBackend", "QUEUES": ["default"]}}
else:
    TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}

if not DEBUG:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_SSL_REDIRECT = env_bool("DJANGO_SECURE_SSL_REDIRECT", default=True)
    SECURE_HSTS_SECONDS = int(os.environ.get("DJANGO_SECURE_HSTS_SECONDS", str(60 * 60 * 24 * 365)))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_CONTENT_TYPE_NOSNIFF = True
    SECURE_REFERRER_POLICY = "same-origin"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("DJANGO_LOG_LEVEL", "WARNING")},
}
