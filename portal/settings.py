"""Settings of the portal, read from the environment.

One module for every environment: without variables the portal runs embedded (SQLite, in-memory
channel layer, database search); DATABASE_URL, REDIS_URL and ELASTICSEARCH_URL switch it to the
production services. DJANGO_ENV=production refuses unsafe settings at import time, so that a
misconfigured server fails to start instead of serving.
"""

from __future__ import annotations

import os
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlparse

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent
DEFAULT_SECRET_KEY = "insecure-development-key-do-not-use-in-production"  # noqa: S105
DEFAULT_DEMO_PASSWORD = "demo1234!"  # noqa: S105 - published in the README on purpose


def env_str(name: str, default: str = "") -> str:
    return os.environ.get(name, default)


def env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    if value.lower() in {"1", "true", "yes", "on"}:
        return True
    if value.lower() in {"0", "false", "no", "off"}:
        return False
    raise ImproperlyConfigured(f"{name} must be a boolean (true/false), not {value!r}")


def env_int(name: str, default: int) -> int:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    try:
        return int(value)
    except ValueError as exc:
        raise ImproperlyConfigured(f"{name} must be a whole number, not {value!r}") from exc


def env_list(name: str, default: list[str] | None = None) -> list[str]:
    value = os.environ.get(name)
    if value is None:
        return list(default or [])
    return [item.strip() for item in value.split(",") if item.strip()]


def email_settings(url: str) -> dict[str, object]:
    """Translate EMAIL_URL (smtp://, smtps://, console://, locmem://) into Django settings."""
    if not url:
        return {"EMAIL_BACKEND": "django.core.mail.backends.console.EmailBackend"}
    parsed = urlparse(url)
    simple = {
        "console": "django.core.mail.backends.console.EmailBackend",
        "locmem": "django.core.mail.backends.locmem.EmailBackend",
        "dummy": "django.core.mail.backends.dummy.EmailBackend",
    }
    if parsed.scheme in simple:
        return {"EMAIL_BACKEND": simple[parsed.scheme]}
    if parsed.scheme not in {"smtp", "smtps", "submission"}:
        raise ImproperlyConfigured(f"EMAIL_URL has an unknown scheme: {parsed.scheme!r}")
    options = parse_qs(parsed.query)
    return {
        "EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
        "EMAIL_HOST": parsed.hostname or "localhost",
        "EMAIL_PORT": parsed.port or {"smtp": 25, "smtps": 465, "submission": 587}[parsed.scheme],
        "EMAIL_HOST_USER": unquote(parsed.username or ""),
        "EMAIL_HOST_PASSWORD": unquote(parsed.password or ""),
        "EMAIL_USE_SSL": parsed.scheme == "smtps",
        "EMAIL_USE_TLS": parsed.scheme == "submission" or "tls" in options,
    }


DJANGO_ENV = env_str("DJANGO_ENV", "development")
PRODUCTION = DJANGO_ENV == "production"

SECRET_KEY = env_str("SECRET_KEY", DEFAULT_SECRET_KEY)
DEBUG = env_bool("DEBUG", default=not PRODUCTION)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", [] if PRODUCTION else ["localhost", "127.0.0.1", "[::1]"])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

if PRODUCTION:
    problems = []
    if DEBUG:
        problems.append("DEBUG is on")
    if SECRET_KEY == DEFAULT_SECRET_KEY or len(SECRET_KEY) < 50:
        problems.append("SECRET_KEY is the default or shorter than 50 characters")
    if not ALLOWED_HOSTS:
        problems.append("ALLOWED_HOSTS is empty")
    if problems:
        raise ImproperlyConfigured("Refusing to start in production: " + "; ".join(problems) + ".")

INSTALLED_APPS = [
    "daphne",
    "portal",
    "network",
    "directory",
    "events",
    "search",
    "needs",
    "referrals",
    "chat",
    "crisis",
    "knowledge",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.simple_translation",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.locales",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "rest_framework",
    "drf_spectacular",
    "channels",
    "django_tasks",
    "django_tasks_db",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
]
# The demo network, accounts and `manage.py load_demo` (demo/): on the embedded default and in
# tests; a production install leaves them out unless DEMO=true (a demonstration server).
DEMO = env_bool("DEMO", default=not PRODUCTION)
if DEMO:
    INSTALLED_APPS.append("demo")

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # ETag on every answer without no-store, 304 to If-None-Match: pages, API lists, iCal feeds.
    "django.middleware.http.ConditionalGetMiddleware",
    "portal.security.SecurityHeadersMiddleware",
    "portal.api_errors.ApiErrorsMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Answers anonymous visitors from the shared page cache before sessions, authentication and
    # the database are touched (portal/pagecache.py).
    "portal.pagecache.PageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "portal.middleware.LanguageChoiceMiddleware",
    # Wagtail's site for the request, kept per process until a site or page changes; after the
    # language is chosen, so that a database outage here still answers in the visitor's language.
    "portal.site_cache.SiteMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "network.middleware.TwoFactorRequirementMiddleware",
    "portal.security_log.SecurityLogMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "portal.transactions.BusyMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "portal.urls"
WSGI_APPLICATION = "portal.wsgi.application"
ASGI_APPLICATION = "portal.asgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
                "portal.context_processors.navigation",
                "portal.security.csp_nonce",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.parse(
        env_str("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
        conn_max_age=env_int("DATABASE_CONN_MAX_AGE", 0),
    )
}
# A connection kept across requests is checked before use, so the portal recovers by itself
# when the database comes back after an outage.
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
# PostgreSQL: DATABASE_POOL=true keeps a pool of open connections per process (Django's psycopg
# pool) instead of connecting for every request; under ASGI each request runs in a thread of its
# own, so persistent connections (DATABASE_CONN_MAX_AGE) would stay open per thread, while the
# pool holds at most DATABASE_POOL_MAX_SIZE per process. The pool wants CONN_MAX_AGE 0.
# docs/benchmarks.md measures the two.
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql" and env_bool("DATABASE_POOL"):
    DATABASES["default"]["CONN_MAX_AGE"] = 0
    DATABASES["default"]["OPTIONS"] = {
        **DATABASES["default"].get("OPTIONS", {}),
        "pool": {
            "min_size": env_int("DATABASE_POOL_MIN_SIZE", 2),
            "max_size": env_int("DATABASE_POOL_MAX_SIZE", 10),
            # Seconds a request waits for a free connection before it fails (a 503).
            "timeout": env_int("DATABASE_POOL_TIMEOUT", 10),
        },
    }
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # The embedded default takes concurrent writers (daphne's request threads and the outbox
    # worker, docs/transactions.md): readers never wait for the writer (WAL), a write
    # transaction takes the lock at BEGIN, so it waits its turn (busy timeout, seconds) instead
    # of failing when it wants to write after reading, and a commit in WAL mode syncs at
    # checkpoints only (NORMAL, still crash-safe).
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "timeout": env_int("SQLITE_BUSY_TIMEOUT", 20),
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL",
        **DATABASES["default"].get("OPTIONS", {}),
    }
# Write transactions that lose a lock or a serialisation conflict run again this many times in
# all before the visitor gets a 503 with Retry-After (portal/transactions.py).
WRITE_ATTEMPTS = env_int("WRITE_ATTEMPTS", 5)
WRITE_RETRY_AFTER = env_int("WRITE_RETRY_AFTER", 5)
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

REDIS_URL = env_str("REDIS_URL")
if REDIS_URL:
    # The chat fans out once per process either way (chat/fanout.py). "core", the list-based
    # layer, notices a lost Redis in every socket's receive (close code 4503, then resume);
    # "pubsub" publishes instead, only a sender notices (docs/benchmarks.md, chat).
    if env_str("CHANNEL_LAYER", "core") == "core":
        CHANNEL_LAYERS = {
            "default": {
                "BACKEND": "channels_redis.core.RedisChannelLayer",
                # Frames queued per consumer before channels-redis drops them; 100 (its default)
                # dropped frames for the 200-member channel under load (docs/benchmarks.md).
                "CONFIG": {
                    "hosts": [REDIS_URL],
                    "capacity": env_int("CHANNEL_LAYER_CAPACITY", 1000),
                },
            }
        }
    else:
        CHANNEL_LAYERS = {
            "default": {
                "BACKEND": "channels_redis.pubsub.RedisPubSubChannelLayer",
                "CONFIG": {"hosts": [REDIS_URL]},
            }
        }
    # Redis failures read as cache misses (portal.cache): pages keep working through an outage,
    # rate limits fail open meanwhile. Short timeouts bound the first failed call.
    CACHES = {
        "default": {
            "BACKEND": "portal.cache.TolerantRedisCache",
            "LOCATION": REDIS_URL,
            "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5},
        }
    }
else:
    CHANNEL_LAYERS = {"default": {"BACKEND": "channels.layers.InMemoryChannelLayer"}}
    # Room for the page cache's entries beside counters and word lists (300 by default).
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "OPTIONS": {"MAX_ENTRIES": env_int("LOCAL_CACHE_ENTRIES", 5000)},
        }
    }

# The shared page cache for anonymous visitors (portal/pagecache.py): on unless PAGE_CACHE=false;
# an entry lives at most PAGE_CACHE_SECONDS (changes end it at once, the clock at its boundary),
# browsers keep a page PAGE_CACHE_BROWSER_SECONDS before asking again (0: they always revalidate,
# so signing in shows at once; the ETag makes the question cheap).
PAGE_CACHE = env_bool("PAGE_CACHE", default=True)
PAGE_CACHE_SECONDS = env_int("PAGE_CACHE_SECONDS", 600)
PAGE_CACHE_BROWSER_SECONDS = env_int("PAGE_CACHE_BROWSER_SECONDS", 0)
# A reverse proxy or CDN keeps a page at most this long (s-maxage): a change reaches visitors
# behind it that much later (compose.yaml's proxy notes).
PAGE_CACHE_PROXY_SECONDS = env_int("PAGE_CACHE_PROXY_SECONDS", 60)

# Search: one backend chosen by dotted path (search/backends/). ELASTICSEARCH_URL alone switches the
# default to Elasticsearch; the database index is kept in step as its fallback.
ELASTICSEARCH_URL = env_str("ELASTICSEARCH_URL")
ELASTICSEARCH_INDEX = env_str("ELASTICSEARCH_INDEX", "mia-search")
SEARCH_BACKEND = env_str("SEARCH_BACKEND", "search.backends.database.DatabaseSearchBackend")
# Who rebuilds the "did you mean" vocabulary after the index changes (search/spelling.py), never
# a request: the worker where the cache is shared (Redis), else a thread of the web process.
SEARCH_VOCABULARY_REFRESH = env_str(
    "SEARCH_VOCABULARY_REFRESH", "worker" if REDIS_URL else "thread"
)

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "de"
# Interface languages: German is the default (no URL prefix); Arabic and Persian are right-to-left.
LANGUAGES = [
    ("de", "Deutsch"),
    ("en", "English"),
    ("ar", "العربية"),
    ("uk", "Українська"),
    ("ru", "Русский"),
    ("fa", "فارسی"),
    ("tr", "Türkçe"),
]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Berlin"
USE_I18N = True
# Genitive months in Ukrainian and Russian, day-month order in English (portal/formats/).
FORMAT_MODULE_PATH = ["portal.formats"]
# Machine-translation drafts (portal/machine_translation.py): a LibreTranslate-compatible service;
# without it the editors' "draft translation" button is absent.
TRANSLATION_API_URL = env_str("TRANSLATION_API_URL")
TRANSLATION_API_KEY = env_str("TRANSLATION_API_KEY")
USE_TZ = True

WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
# Every page gets a copy in every locale (an alias of the German page until someone translates
# it), so that each language has the whole site; portal.localisation does the same for pages
# created outside the admin.
WAGTAILSIMPLETRANSLATION_SYNC_PAGE_TREE = True
WAGTAIL_SITE_NAME = _("Integrationsnetzwerk Burgenlandkreis")
WAGTAILADMIN_BASE_URL = env_str("BASE_URL", "http://127.0.0.1:8000")
# One index of pages: Wagtail's search (the admin's page search and chooser) reads pages from our
# index (search/) and keeps its own database index for images, documents, users and snippets.
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "search.wagtail_backend"}}
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "pptx", "rtf", "txt", "xlsx", "zip"]
# Documents keep their files in the private storage and are sent only by Wagtail's document
# view, which asks the knowledge base's permissions first (knowledge/wagtail_hooks.py).
WAGTAILDOCS_DOCUMENT_MODEL = "knowledge.KnowledgeDocument"
WAGTAILDOCS_SERVE_METHOD = "serve_view"

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "static"
STATICFILES_DIRS = [BASE_DIR / "portal" / "assets"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env_str("MEDIA_ROOT", str(BASE_DIR / "media")))
# Files nobody may download by URL (import uploads, images awaiting review): outside MEDIA_ROOT,
# which /media/ serves, and served by no URL at all (portal/private_storage.py).
PRIVATE_MEDIA_ROOT = Path(env_str("PRIVATE_MEDIA_ROOT", str(BASE_DIR / "private")))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "private": {"BACKEND": "portal.private_storage.PrivateStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if PRODUCTION
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}
WHITENOISE_USE_FINDERS = not PRODUCTION

# The directory's maps (directory/map/): raster tiles from this address template ({z}/{x}/{y},
# optionally {s} for a subdomain), credited with MAP_ATTRIBUTION (HTML: OpenStreetMap asks for its
# copyright link). The Content-Security-Policy allows images from this host only (portal.security).
# OpenStreetMap's own servers are for light use; a busy site points this at a tile provider.
MAP_TILE_URL = env_str("MAP_TILE_URL", "https://tile.openstreetmap.org/{z}/{x}/{y}.png")
MAP_ATTRIBUTION = env_str(
    "MAP_ATTRIBUTION",
    '&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a> contributors',
)

REST_FRAMEWORK = {
    "DEFAULT_RENDERER_CLASSES": ["portal.renderers.MarkupSafeJSONRenderer"],
    # JSON nested too deeply for the decoder answers 400 (portal/parsers.py), not 500.
    "DEFAULT_PARSER_CLASSES": [
        "portal.parsers.JSONParser",
        "rest_framework.parsers.FormParser",
        "rest_framework.parsers.MultiPartParser",
    ],
    "DEFAULT_AUTHENTICATION_CLASSES": ["rest_framework.authentication.SessionAuthentication"],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.AllowAny"],
    "DEFAULT_PAGINATION_CLASS": "directory.api.pagination.Pagination",
    "PAGE_SIZE": 20,
    "UNAUTHENTICATED_USER": "django.contrib.auth.models.AnonymousUser",
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    # Throttles count per client address (anonymous) and per account, as portal.ratelimit does.
    "DEFAULT_THROTTLE_CLASSES": [
        "portal.ratelimit.AnonymousRateThrottle",
        "portal.ratelimit.AccountRateThrottle",
    ],
    "DEFAULT_THROTTLE_RATES": {
        "anon": env_str("RATE_LIMIT_API_ANON", "120/m"),
        "user": env_str("RATE_LIMIT_API_USER", "600/m"),
    },
    "NUM_PROXIES": env_int("TRUSTED_PROXY_COUNT", 0),
    "EXCEPTION_HANDLER": "portal.ratelimit.api_exception_handler",
}

# Rate limits (portal/ratelimit.py): events per period, "5/10m" = five per ten minutes, per client
# address unless the view counts per account. Generous for people, tight for scripts.
RATE_LIMITS = {
    "referral": env_str("RATE_LIMIT_REFERRAL", "5/10m"),
    "referral-status": env_str("RATE_LIMIT_REFERRAL_STATUS", "10/10m"),
    "need-help": env_str("RATE_LIMIT_NEED_HELP", "5/h"),
    "outdated-report": env_str("RATE_LIMIT_OUTDATED_REPORT", "5/h"),
    "search": env_str("RATE_LIMIT_SEARCH", "60/m"),
    "suggest": env_str("RATE_LIMIT_SUGGEST", "120/m"),
    "password-reset": env_str("RATE_LIMIT_PASSWORD_RESET", "5/h"),
    "password-reset-account": env_str("RATE_LIMIT_PASSWORD_RESET_ACCOUNT", "3/h"),
}
# Chat messages per account, shared by the socket and the HTTP API (chat/conf.py reads these).
CHAT_RATE_LIMIT = env_int("CHAT_RATE_LIMIT", 30)
CHAT_RATE_WINDOW = env_int("CHAT_RATE_WINDOW", 60)
# How many reverse proxies of ours stand in front and append to X-Forwarded-For; 0 trusts none
# of it and counts REMOTE_ADDR.
TRUSTED_PROXY_COUNT = env_int("TRUSTED_PROXY_COUNT", 0)

SPECTACULAR_SETTINGS = {
    "TITLE": "Integrationsnetzwerk Burgenlandkreis API",
    "DESCRIPTION": "Public directory, needs board and event calendar of the network.",
    "VERSION": "1",
    "SERVE_INCLUDE_SCHEMA": False,
    "PREPROCESSING_HOOKS": ["portal.openapi.only_our_apis"],
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "portal.openapi.document_errors",
    ],
    "COMPONENT_SPLIT_REQUEST": True,
    "ENUM_NAME_OVERRIDES": {"ActorKindEnum": "network.models.ActorKind"},
}

for _key, _value in email_settings(env_str("EMAIL_URL")).items():
    globals()[_key] = _value
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "Integrationsnetzwerk <netzwerk@localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "my:dashboard"
LOGOUT_REDIRECT_URL = "/"
WAGTAILADMIN_LOGIN_URL = "accounts:login"
# The admin's account page asks for the password before the address changes, and changes the
# password on /accounts/password-change/ (both limited): network/account_settings.py.
WAGTAIL_EMAIL_MANAGEMENT_ENABLED = False
WAGTAIL_PASSWORD_MANAGEMENT_ENABLED = False
SESSION_COOKIE_AGE = env_int("SESSION_COOKIE_AGE", 8 * 60 * 60)
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
PASSWORD_RESET_TIMEOUT = 24 * 60 * 60
INVITATION_VALID_DAYS = env_int("INVITATION_VALID_DAYS", 14)
# Failed sign-ins free of delay: per username at one address, and per address for all names.
LOGIN_FAILURE_LIMIT_PER_ACCOUNT = env_int("LOGIN_FAILURE_LIMIT_PER_ACCOUNT", 5)
LOGIN_FAILURE_LIMIT_PER_ADDRESS = env_int("LOGIN_FAILURE_LIMIT_PER_ADDRESS", 20)
LOGIN_FAILURE_WINDOW = env_int("LOGIN_FAILURE_WINDOW", 15 * 60)
# After those free failures an address waits this long before its next try, doubling with each
# further failure up to LOGIN_FAILURE_WINDOW (network/throttling.py); nobody else waits.
LOGIN_BACKOFF_FIRST_SECONDS = env_int("LOGIN_BACKOFF_FIRST_SECONDS", 30)
# The wayfinder's statistics count a visitor's view of a step once within this many seconds.
WAYFINDER_COUNT_WINDOW = env_int("WAYFINDER_COUNT_WINDOW", 30 * 60)
# Two-factor sign-in (TOTP): anyone can turn it on; with this set, agency staff and administrators
# must, and are sent to set it up before anything else. Off by default so the demo accounts sign
# in with a password alone; production sets REQUIRE_STAFF_TWO_FACTOR=true.
REQUIRE_STAFF_TWO_FACTOR = env_bool("REQUIRE_STAFF_TWO_FACTOR", default=False)
# How long the second step waits for its code after the password was accepted.
TWO_FACTOR_PENDING_SECONDS = 5 * 60

# Password of the demo accounts; load_demo in production (DEMO=true) refuses the published default.
DEMO_PASSWORD = env_str("DEMO_PASSWORD", DEFAULT_DEMO_PASSWORD)

# Agency staff's admin rights come from their unit membership (network.permissions).
AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "network.permissions.AgencyStaffBackend",
]

# Background work (django-tasks). Wagtail's own tasks run at once; mail that must not be lost
# (referral confirmations and unit notifications) goes through a durable outbox in the database,
# worked off by `manage.py db_worker --backend outbox`.
TASKS = {
    "default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"},
    "outbox": {"BACKEND": "django_tasks_db.DatabaseBackend"},
}

# The jobs the worker (`manage.py worker`, started by `make run` and compose.yaml) runs by itself,
# no cron needed: management command → seconds between runs (portal/schedule.py).
SCHEDULED_JOBS = {
    "requeue_outbox": 10 * 60,
    "expire_needs": 24 * 60 * 60,
    "purge_referrals": 24 * 60 * 60,
    "purge_need_replies": 24 * 60 * 60,
    "remind_stale_profiles": 24 * 60 * 60,
    "remind_stale_articles": 24 * 60 * 60,
    "purge_import_uploads": 60 * 60,
}

# Personal data of a referral is deleted this many days after it was closed (DSGVO Art. 5 (1) e).
REFERRAL_RETENTION_DAYS = env_int("REFERRAL_RETENTION_DAYS", 180)
# Helpers' replies to a need (name, email, phone) are deleted this many days after it closed.
NEED_REPLY_RETENTION_DAYS = env_int("NEED_REPLY_RETENTION_DAYS", 90)
# A referral waiting longer than this for its first step is marked overdue in the inbox.
REFERRAL_OVERDUE_DAYS = env_int("REFERRAL_OVERDUE_DAYS", 5)
REFERRAL_URGENT_OVERDUE_DAYS = env_int("REFERRAL_URGENT_OVERDUE_DAYS", 1)
# Failed outbox mail is retried after this delay, doubling up to the maximum, until delivered.
REFERRAL_MAIL_RETRY_SECONDS = env_int("REFERRAL_MAIL_RETRY_SECONDS", 60)
REFERRAL_MAIL_RETRY_MAX_SECONDS = env_int("REFERRAL_MAIL_RETRY_MAX_SECONDS", 21600)

SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
# The admin's browser talks to no one but us: no avatars from Gravatar, no update check at
# wagtail.io (pip-audit in CI watches the dependencies); the CSP would refuse both anyway.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAIL_ENABLE_UPDATE_CHECK = False

if PRODUCTION:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", default=True)
    SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 31536000)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True

# Everything goes to stderr, one line per record. The security log ("mia.security": sign-ins,
# denials, looks at referrals) is key=value without personal data (portal/security_log.py) and
# always at INFO, whatever LOG_LEVEL says about the rest.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "line": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"},
        "security": {
            "format": "time=%(asctime)s level=%(levelname)s logger=%(name)s %(message)s",
            "datefmt": "%Y-%m-%dT%H:%M:%S%z",
        },
    },
    "handlers": {
        "console": {"class": "logging.StreamHandler", "formatter": "line"},
        "security": {"class": "logging.StreamHandler", "formatter": "security"},
    },
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
    "loggers": {
        "django.request": {"level": "ERROR"},
        "mia.security": {"handlers": ["security"], "level": "INFO", "propagate": False},
    },
}
