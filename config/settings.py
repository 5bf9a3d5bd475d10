"""Recon settings, read from the environment.

Development needs nothing set: SQLite in var/, a development secret key and DEBUG on only when
asked. Production sets SECRET_KEY, ALLOWED_HOSTS, DATABASE_URL and RECON_PRODUCTION=1, which
turns on the HTTPS and cookie settings that `manage.py check --deploy` looks for.
"""

import os
import tempfile
from decimal import Decimal
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent


def envbool(name: str, default: str = "0") -> bool:
    return os.environ.get(name, default).strip().lower() in {"1", "true", "yes", "on"}


def envint(name: str, default: int) -> int:
    return int(os.environ.get(name, default))


def envfloat(name: str, default: float) -> float:
    return float(os.environ.get(name, default))


def envlist(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


PRODUCTION = envbool("RECON_PRODUCTION")
DEBUG = envbool("DEBUG")

# The fallback only exists so a fresh checkout runs; `check --deploy` flags it (it is short and
# prefixed "django-insecure-"), and production refuses to start without a real key.
SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    if PRODUCTION:
        raise ImproperlyConfigured("SECRET_KEY must be set when RECON_PRODUCTION=1")
    SECRET_KEY = "django-insecure-recon-development-only"
if PRODUCTION:
    # What `check --deploy` only warns about, production refuses outright: a warning scrolls
    # past in a log, a server that does not start is noticed.
    if DEBUG:
        raise ImproperlyConfigured(
            "DEBUG must be off when RECON_PRODUCTION=1: it shows settings and source code to "
            "anyone who triggers an error."
        )
    if (
        len(SECRET_KEY) < 50
        or len(set(SECRET_KEY)) < 5
        or SECRET_KEY.startswith("django-insecure-")
        or SECRET_KEY.lower() in {"changeme", "secret", "change-me", "development"}
    ):
        raise ImproperlyConfigured(
            "SECRET_KEY is too weak for RECON_PRODUCTION=1: use 50 or more random characters, "
            'for example python -c "import secrets; print(secrets.token_urlsafe(64))".'
        )

ALLOWED_HOSTS = envlist("ALLOWED_HOSTS", "" if PRODUCTION else "localhost,127.0.0.1,[::1]")
CSRF_TRUSTED_ORIGINS = envlist("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django_htmx",
    "sessions_app",
    "processing",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Before anything reads the body: an upload over the limit is answered without reading it.
    "sessions_app.uploads.refuse_oversized_uploads",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

VAR_DIR = Path(os.environ.get("RECON_VAR_DIR", BASE_DIR / "var"))

DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL", f"sqlite:///{VAR_DIR / 'recon.sqlite3'}"),
        conn_max_age=envint("DB_CONN_MAX_AGE", 0),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # A database server that accepts connections but does not answer (a half-dead host, a
    # network partition) must not hold a worker or a request for the minutes TCP would wait:
    # the connection fails after this, and the worker tries again later. A DATABASE_URL that
    # sets connect_timeout itself keeps its own.
    DATABASES["default"].setdefault("OPTIONS", {}).setdefault(
        "connect_timeout", envint("DB_CONNECT_TIMEOUT", 10)
    )
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    Path(DATABASES["default"]["NAME"]).parent.mkdir(parents=True, exist_ok=True)
    # The web server and the workers are separate processes sharing one file: WAL lets readers
    # and the writer overlap, IMMEDIATE takes the write lock up front (no upgrade deadlocks),
    # and the busy timeout waits for the lock instead of failing with "database is locked".
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
    }
    # Tests run workers in subprocesses, which cannot see an in-memory database; the file is
    # per test run so that two runs on one machine do not share it.
    DATABASES["default"]["TEST"] = {
        "NAME": str(Path(tempfile.gettempdir()) / f"recon-test-{os.getpid()}.sqlite3")
    }

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en-us"
TIME_ZONE = os.environ.get("TIME_ZONE", "UTC")
USE_I18N = True
USE_TZ = True

LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "session_list"
LOGOUT_REDIRECT_URL = "login"

# Static files: hashed and compressed by whitenoise, served by the app itself.
STATIC_URL = "static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "staticfiles"))
STATICFILES_DIRS = [BASE_DIR / "static"]

# Uploaded statements and receipts are private: there is deliberately no MEDIA_URL route, and
# every read goes through the storage API (so S3-style storage can replace this) and a view
# that checks ownership.
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", VAR_DIR / "media"))
STORAGES = {
    "default": {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": MEDIA_ROOT, "base_url": None},
    },
    "staticfiles": {
        "BACKEND": (
            "whitenoise.storage.CompressedManifestStaticFilesStorage"
            if not DEBUG
            else "django.contrib.staticfiles.storage.StaticFilesStorage"
        ),
    },
}
FILE_UPLOAD_PERMISSIONS = 0o600
FILE_UPLOAD_DIRECTORY_PERMISSIONS = 0o700

# Upload limits, checked by the upload phase with a message naming the file.
RECON_MAX_FILES_PER_SESSION = envint("RECON_MAX_FILES_PER_SESSION", 50)
RECON_MAX_FILE_BYTES = envint("RECON_MAX_FILE_BYTES", 50 * 1024 * 1024)
RECON_MAX_PAGES_PER_FILE = envint("RECON_MAX_PAGES_PER_FILE", 5000)
# Processes that read a PDF's pages for a worker (processing.pages), each taking every n-th page.
RECON_READER_PROCESSES = envint("RECON_READER_PROCESSES", 2)
# A page that takes longer than this to read fails its file (a hostile PDF can make MuPDF spin);
# it must stay well under PROGRESS_STALE_AFTER_SECONDS, or a live worker would look stalled.
RECON_PAGE_TIMEOUT_SECONDS = envint("RECON_PAGE_TIMEOUT_SECONDS", 120)
# The time one extraction pattern may take on one line before it fails the session (patterns
# are an administrator's last resort, and a slow one must not hang a worker).
RECON_PATTERN_TIMEOUT_SECONDS = envfloat("RECON_PATTERN_TIMEOUT_SECONDS", 0.2)
RECON_MAX_UPLOAD_BYTES = envint("RECON_MAX_UPLOAD_BYTES", 250 * 1024 * 1024)
# What a reader process may use on one file: memory on top of what it inherits from the worker
# (RLIMIT_AS), processor time for the whole file, shared among its readers (RLIMIT_CPU), and
# characters of text and drawing instructions on one page. A PDF built to overload readers (a
# page of 100 million characters, pages sharing one gigabyte stream) fails naming the file and
# page. The upload check opens every PDF in a child process under the same limits.
RECON_READER_MEMORY_MB = envint("RECON_READER_MEMORY_MB", 1024)
RECON_READER_CPU_SECONDS = envint("RECON_READER_CPU_SECONDS", 300)
RECON_MAX_PAGE_CHARACTERS = envint("RECON_MAX_PAGE_CHARACTERS", 2_000_000)
# A session whose worker died this many times (a file that gets it killed) fails, naming where.
RECON_MAX_ATTEMPTS = envint("RECON_MAX_ATTEMPTS", 3)
# The worker's database waits are bounded (PostgreSQL; the web is not affected): a lock is
# waited for at most RECON_DB_LOCK_TIMEOUT_SECONDS, a statement runs at most
# RECON_DB_STATEMENT_TIMEOUT_SECONDS, and a worker's transaction left idle (a frozen worker)
# is ended by the server after RECON_DB_IDLE_TIMEOUT_SECONDS, releasing its locks. All three
# must stay below PROGRESS_STALE_AFTER_SECONDS, so a frozen worker's locks are gone before its
# session is taken over.
RECON_DB_LOCK_TIMEOUT_SECONDS = envfloat("RECON_DB_LOCK_TIMEOUT_SECONDS", 10)
RECON_DB_STATEMENT_TIMEOUT_SECONDS = envfloat("RECON_DB_STATEMENT_TIMEOUT_SECONDS", 120)
RECON_DB_IDLE_TIMEOUT_SECONDS = envfloat("RECON_DB_IDLE_TIMEOUT_SECONDS", 60)
# A run that meets this many transient database errors in a row (lost connection, deadlock)
# goes back to the queue instead of retrying again.
RECON_DB_RETRIES = envint("RECON_DB_RETRIES", 5)
# Workers say they are alive this often; one silent for RECON_WORKER_ALIVE_SECONDS is gone.
RECON_HEARTBEAT_SECONDS = envfloat("RECON_HEARTBEAT_SECONDS", 5)
RECON_WORKER_ALIVE_SECONDS = envint("RECON_WORKER_ALIVE_SECONDS", 30)
# A pause after each page, so a demonstration's progress can be followed (0 in production).
RECON_WORKER_PAGE_DELAY_SECONDS = envfloat("RECON_WORKER_PAGE_DELAY_SECONDS", 0.0)
# The demo login's password (manage.py seed_demo, scripts/run).
RECON_DEMO_PASSWORD = os.environ.get("RECON_DEMO_PASSWORD", "recon-demo-2026")
# Django's own count would answer a bare "400 Bad Request"; the upload handler counts files
# instead and refuses one too many with a message (sessions_app/uploads.py).
DATA_UPLOAD_MAX_NUMBER_FILES = None
FILE_UPLOAD_HANDLERS = [
    "sessions_app.uploads.LimitedUploadHandler",
    "django.core.files.uploadhandler.MemoryFileUploadHandler",
    "django.core.files.uploadhandler.TemporaryFileUploadHandler",
]
FILE_UPLOAD_MAX_MEMORY_SIZE = 2_621_440

# Progress (data-model.md): phase weights for the overall percentage, how often the tracker
# may write, and when an active session whose last update is older counts as stalled.
PROGRESS_PHASE_WEIGHTS = {
    "upload": Decimal(os.environ.get("PROGRESS_WEIGHT_UPLOAD", "0.1")),
    "processing": Decimal(os.environ.get("PROGRESS_WEIGHT_PROCESSING", "0.6")),
    "matching": Decimal(os.environ.get("PROGRESS_WEIGHT_MATCHING", "0.2")),
    "report_generation": Decimal(os.environ.get("PROGRESS_WEIGHT_REPORT_GENERATION", "0.1")),
}
PROGRESS_WRITE_INTERVAL_SECONDS = envfloat("PROGRESS_WRITE_INTERVAL_SECONDS", 2.5)
PROGRESS_STALE_AFTER_SECONDS = envint("PROGRESS_STALE_AFTER_SECONDS", 300)

# Data retention (data-model.md): sessions are deleted, with their files, after 90 days.
RECON_RETENTION_DAYS = envint("RECON_RETENTION_DAYS", 90)

# Django's database sessions and model backend, reading their rows with precompiled queries
# (every progress poll reads both; config/login_state.py).
SESSION_ENGINE = "config.login_state"
AUTHENTICATION_BACKENDS = ["config.login_state.UserBackend"]

# Security: secure defaults everywhere, HTTPS-only settings in production.
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = False  # htmx reads the token from the page, not the cookie
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
if PRODUCTION:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_SSL_REDIRECT = envbool("SECURE_SSL_REDIRECT", "1")
    if not SECURE_SSL_REDIRECT:
        # Set to 0 only where the proxy itself redirects HTTP to HTTPS (docs/production.md):
        # that is the operator's statement, so `check --deploy` need not warn about it.
        SILENCED_SYSTEM_CHECKS = ["security.W008"]
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_HSTS_SECONDS = envint("SECURE_HSTS_SECONDS", 31_536_000)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = envbool("SECURE_HSTS_PRELOAD", "1")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s: %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {"django.db.backends": {"level": "WARNING"}},
}
