"""Settings for imroc.

Everything comes from the environment with safe local defaults, so a fresh clone runs on
SQLite with a Celery worker on an embedded broker (see bin/serve). Set
``IMROC_PRODUCTION=true`` to select the production configuration (HTTPS-only cookies, HSTS,
SSL redirect), which requires ``SECRET_KEY`` and ``ALLOWED_HOSTS``.
"""

from datetime import timedelta
from pathlib import Path

import dj_database_url
from celery.schedules import crontab
from csp.constants import NONE, SELF
from django.core.exceptions import ImproperlyConfigured
from kombu import Queue

from . import broker
from .env import env_bool, env_int, env_list, env_str

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(env_str("IMROC_VAR_DIR", str(BASE_DIR / "var")))

PRODUCTION = env_bool("IMROC_PRODUCTION", False)
DEBUG = env_bool("DEBUG", not PRODUCTION)

SECRET_KEY = env_str("SECRET_KEY")
if not SECRET_KEY:
    if PRODUCTION:
        raise ImproperlyConfigured("SECRET_KEY must be set when IMROC_PRODUCTION is on")
    SECRET_KEY = "local-development-key-not-for-production-use-" + "x" * 20

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", [] if PRODUCTION else ["127.0.0.1", "localhost"])
if PRODUCTION and not ALLOWED_HOSTS:
    raise ImproperlyConfigured("ALLOWED_HOSTS must be set when IMROC_PRODUCTION is on")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "imroc",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "rules.apps.AutodiscoverRulesConfig",
    "crispy_forms",
    "design",
    "django_filters",
    "simple_history",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "accounts",
    "sites",
    "challenges",
    "pdsa",
    "learning_sets",
    "peer_support",
    "colleges",
    "teams",
    "support",
    "notifications",
    "reports",
    "benchmarks",
    "dashboard",
    "audit",
    "site_exports",
    "coproduction",
    "rest_framework",
    "drf_spectacular",
    "api",
]

MIDDLEWARE = [
    "imroc.health.HealthCheckMiddleware",  # before the SSL redirect and the host check
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "csp.middleware.CSPMiddleware",
    "imroc.headers.PermissionsPolicyMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "imroc.headers.NoStoreMiddleware",
    "imroc.errors.ErrorPageMiddleware",
    "accounts.middleware.TwoFactorMiddleware",
    "accounts.middleware.SessionActivityMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "audit.middleware.ExportAuditMiddleware",
    # Last, as django-axes asks: turns a locked-out sign-in into the sign-in page's message.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "imroc.urls"

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
                "accounts.context_processors.roles",
                "notifications.context_processors.unread_notifications",
            ],
        },
    },
]

WSGI_APPLICATION = "imroc.wsgi.application"

DATABASE_URL = env_str("DATABASE_URL")
if not DATABASE_URL:
    VAR_DIR.mkdir(parents=True, exist_ok=True)  # the embedded default lives in var/
DATABASES = {
    "default": dj_database_url.parse(
        DATABASE_URL or f"sqlite:///{VAR_DIR / 'imroc.sqlite3'}",
        conn_max_age=env_int("CONN_MAX_AGE", 60),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # The web process and the worker write to one file: readers do not wait for a writer
    # (WAL), and a writer waits its turn instead of failing with "database is locked".
    DATABASES["default"]["OPTIONS"] = {
        "timeout": 30,
        "transaction_mode": "IMMEDIATE",
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL",
    }
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # The app's queries are short: PostgreSQL's JIT compiles a plan costed over its threshold
    # (a sort over every site's counts) for ~280 ms to save a few, so it is off for the app.
    DATABASES["default"].setdefault("OPTIONS", {})["options"] = "-c jit=off"
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTHENTICATION_BACKENDS = [
    # First: refuses a locked-out sign-in before any password is checked.
    "axes.backends.AxesStandaloneBackend",
    "rules.permissions.ObjectPermissionBackend",
    "accounts.backends.AccountBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
# Sign-in throttling (django-axes): failures count per username *and* address together, so
# one attacker cannot lock everybody out and a trust behind one NAT address is not locked
# by a colleague's typos. A successful sign-in clears the count; an administrator can too.
AXES_FAILURE_LIMIT = env_int("IMROC_SIGN_IN_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = timedelta(minutes=env_int("IMROC_SIGN_IN_LOCKOUT_MINUTES", 15))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_DISABLE_ACCESS_LOG = True  # sign-ins and failures are in the audit log (audit app)
AXES_LOCKOUT_CALLABLE = "accounts.throttling.locked_out"
AXES_CLIENT_IP_CALLABLE = "imroc.addresses.client_ip"
AXES_USERNAME_CALLABLE = "accounts.throttling.client_username"
# How many proxies in front of the app append to X-Forwarded-For (the TLS proxy in
# production); the client's address is the one the outermost of them saw.
IMROC_TRUSTED_PROXIES = env_int("IMROC_TRUSTED_PROXIES", 1 if PRODUCTION else 0)

# Sign in with the organisation's account (OpenID Connect; accounts/oidc): off unless
# IMROC_OIDC_PROVIDERS names providers, e.g. "nhsmail,trust", each configured by
# IMROC_OIDC_<KEY>_NAME (the organisation, on the button), _DISCOVERY_URL, _CLIENT_ID,
# _CLIENT_SECRET and _EMAIL_DOMAINS (e.g. "nhs.net"; empty: any domain).
OIDC_PROVIDERS = {}
for _key in env_list("IMROC_OIDC_PROVIDERS", []):
    _prefix = f"IMROC_OIDC_{_key.upper().replace('-', '_')}_"
    OIDC_PROVIDERS[_key] = {
        "name": env_str(_prefix + "NAME", _key),
        "discovery_url": env_str(_prefix + "DISCOVERY_URL"),
        "client_id": env_str(_prefix + "CLIENT_ID"),
        "client_secret": env_str(_prefix + "CLIENT_SECRET"),
        "email_domains": env_list(_prefix + "EMAIL_DOMAINS", []),
    }
    _missing = [k for k, v in OIDC_PROVIDERS[_key].items() if v in ("", None)]
    if _missing:
        raise ImproperlyConfigured(f"{_prefix}: set {', '.join(_missing).upper()}")

# Two-factor authentication (django-otp): the name authenticator apps show.
OTP_TOTP_ISSUER = env_str("IMROC_TWO_FACTOR_ISSUER", "ImROC programme")

# Sessions end after this long without a request (accounts.middleware.SessionActivityMiddleware),
# and the cookie itself when the browser closes; changing the password ends the others.
SESSION_COOKIE_AGE = env_int("IMROC_SESSION_IDLE_HOURS", 8) * 3600
SESSION_EXPIRE_AT_BROWSER_CLOSE = env_bool("IMROC_SESSION_EXPIRE_AT_BROWSER_CLOSE", True)

# Headers: a strict Content-Security-Policy (django-csp; no inline script or style, nothing
# from another origin: templates keep scripts and styles in static files), the
# Permissions-Policy (imroc.headers) and Cross-Origin-Opener-Policy.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],  # the stylesheets' small inline SVG icons
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "frame-ancestors": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
    }
}
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

CSRF_FAILURE_VIEW = "imroc.errors.csrf_failure"  # an NHS.UK page saying what to do

LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "login"

# The read-only API (api/): tokens only, throttled per token, figures as the pages show them.
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": ["api.authentication.TokenAuthentication"],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "DEFAULT_THROTTLE_RATES": {"api_token": env_str("IMROC_API_RATE", "1200/hour")},
    "COERCE_DECIMAL_TO_STRING": False,
}
SPECTACULAR_SETTINGS = {
    "TITLE": "ImROC read-only API",
    "DESCRIPTION": "The programme's figures for Power BI, Excel and R: read-only, by token.",
    "VERSION": "1",
    "SERVE_INCLUDE_SCHEMA": False,
    "SCHEMA_PATH_PREFIX": "/api/v1",
}

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "Europe/London"
USE_I18N = True
# The project's en-gb date formats (imroc/formats/en_GB/formats.py) over Django's own.
FORMAT_MODULE_PATH = ["imroc.formats"]
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = Path(env_str("STATIC_ROOT", str(BASE_DIR / "staticfiles")))
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "imroc.storage.StaticFilesStorage"
            if PRODUCTION
            else "django.contrib.staticfiles.storage.StaticFilesStorage"
        )
    },
}
MEDIA_ROOT = Path(env_str("MEDIA_ROOT", str(VAR_DIR / "media")))
MEDIA_URL = "media/"

# Forms render through the project's own NHS.UK pack (design/templates/nhsuk/).
CRISPY_ALLOWED_TEMPLATE_PACKS = ("nhsuk",)
CRISPY_TEMPLATE_PACK = "nhsuk"

# Email: console in development, SMTP when EMAIL_HOST is set.
EMAIL_HOST = env_str("EMAIL_HOST")
EMAIL_PORT = env_int("EMAIL_PORT", 587)
EMAIL_HOST_USER = env_str("EMAIL_HOST_USER")
EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", True)
EMAIL_BACKEND = env_str(
    "EMAIL_BACKEND",
    "django.core.mail.backends.smtp.EmailBackend"
    if EMAIL_HOST
    else "django.core.mail.backends.console.EmailBackend",
)
EMAIL_FILE_PATH = env_str("EMAIL_FILE_PATH", str(VAR_DIR / "mail"))  # filebased backend only
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "ImROC programme <imroc@localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
SITE_URL = env_str("SITE_URL", "http://127.0.0.1:8000")

# Celery: on Redis when REDIS_URL is set; otherwise on an embedded broker, kombu's SQLAlchemy
# transport on SQLite files in var/ (apart from the app's database), so the default install
# runs a real worker and scheduler (bin/serve) with no outside service.
REDIS_URL = env_str("REDIS_URL")
# Seconds a request waits to reach Redis (broker, result backend, cache) before giving up.
BROKER_TIMEOUT = env_int("CELERY_BROKER_TIMEOUT", 2)
if REDIS_URL:
    CELERY_BROKER_URL = CELERY_RESULT_BACKEND = REDIS_URL
else:
    VAR_DIR.mkdir(parents=True, exist_ok=True)
    CELERY_BROKER_URL = f"sqla+sqlite:///{VAR_DIR / 'celery-broker.sqlite3'}"
    CELERY_RESULT_BACKEND = f"db+sqlite:///{VAR_DIR / 'celery-results.sqlite3'}"
CELERY_TASK_ALWAYS_EAGER = env_bool("CELERY_TASK_ALWAYS_EAGER", False)

# The shared cache (computed chart results, sessions): Redis when REDIS_URL is set, else
# files under var/ that every process on the machine shares (never a per-process memory).
CACHES = {
    "default": (
        {
            # Redis down is a miss, logged, not a 500 (sessions fall back on the database).
            "BACKEND": "imroc.cache.ResilientRedisCache",
            "LOCATION": REDIS_URL,
            "OPTIONS": {"socket_connect_timeout": BROKER_TIMEOUT, "socket_timeout": BROKER_TIMEOUT},
        }
        if REDIS_URL
        else {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": str(VAR_DIR / "cache"),
            "OPTIONS": {"MAX_ENTRIES": 50_000},
        }
    )
}
CACHES["default"]["KEY_PREFIX"] = "imroc"
# Sessions read from the shared cache (written through to the database): no query per page.
SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
CELERY_TASK_DEFAULT_QUEUE = env_str("CELERY_TASK_DEFAULT_QUEUE", "celery")
# Reminders and emails have a queue of their own, so a run of reports or site archives never
# delays them: bin/serve and docker-compose.yml start a worker for each queue (a worker
# started without -Q consumes both).
IMROC_NOTICES_QUEUE = env_str("IMROC_NOTICES_QUEUE", "notices")
CELERY_TASK_QUEUES = [
    Queue(name, routing_key=name) for name in (CELERY_TASK_DEFAULT_QUEUE, IMROC_NOTICES_QUEUE)
]
CELERY_TASK_ROUTES = {"notifications.*": {"queue": IMROC_NOTICES_QUEUE}}
# With Redis down, queueing gives up within a few seconds: connecting times out after
# BROKER_TIMEOUT seconds and is retried once, the request goes on, and the report says it
# could not start (see imroc/queueing.py). The app queues without asking for a result, so
# a page never waits on the result backend; its own connections are bounded the same way.
CELERY_BROKER_CONNECTION_TIMEOUT = BROKER_TIMEOUT
CELERY_BROKER_TRANSPORT_OPTIONS = broker.transport_options(
    CELERY_BROKER_URL, timeout=BROKER_TIMEOUT
)
CELERY_TASK_PUBLISH_RETRY_POLICY = broker.QUICK_RETRY
CELERY_REDIS_SOCKET_CONNECT_TIMEOUT = BROKER_TIMEOUT
CELERY_RESULT_BACKEND_TRANSPORT_OPTIONS = {"retry_policy": broker.QUICK_RETRY}
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_TASK_ACKS_LATE = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TIMEZONE = TIME_ZONE
CELERY_BEAT_SCHEDULE = {
    "Reminder scan": {"task": "notifications.scan", "schedule": crontab(hour=7, minute=0)},
    "Weekly reminder digests": {
        "task": "notifications.send_digests",
        "schedule": crontab(hour=7, minute=30, day_of_week=1),
    },
    "Monthly programme report": {
        "task": "reports.monthly_programme",
        "schedule": crontab(hour=6, minute=0, day_of_month=1),
    },
    "Expired reports clean-up": {"task": "reports.cleanup", "schedule": crontab(hour=3, minute=15)},
    # A report or reminder whose worker died is started again or marked failed; a report or
    # archive that stopped beating is noticed within minutes (imroc/jobs.py, SILENT_FOR).
    "Lost reports recovery": {"task": "reports.recover", "schedule": crontab(minute="*")},
    "Lost reminders recovery": {"task": "notifications.recover", "schedule": crontab(minute="*/5")},
    "Lost site archives recovery": {
        "task": "site_exports.recover",
        "schedule": crontab(minute="*"),
    },
    "Expired site archives clean-up": {
        "task": "site_exports.cleanup",
        "schedule": crontab(hour=3, minute=20),
    },
    "Progress scores": {"task": "pdsa.record_progress", "schedule": crontab(hour=2, minute=30)},
    # The dashboard's default view computed soon after a write, before anyone opens it.
    "Dashboard figures": {"task": "dashboard.warm", "schedule": crontab(minute="*")},
    # Site shares released today: the waiting lists take the unclaimed places.
    "Released workshop places": {
        "task": "learning_sets.fill_released_places",
        "schedule": crontab(hour=6, minute=30),
    },
    "Delegates' needs erased after the workshop": {
        "task": "learning_sets.erase_needs",
        "schedule": crontab(hour=2, minute=45),
    },
}
# Days after a workshop that its delegates' access and dietary needs are kept.
IMROC_NEEDS_RETENTION_DAYS = env_int("IMROC_NEEDS_RETENTION_DAYS", 90)
# Days a prepared report, and a site's data archive (a copy of everything it holds), are kept.
IMROC_REPORT_KEEP_DAYS = 30
IMROC_ARCHIVE_KEEP_DAYS = 7
# Where people write about the service (accessibility, privacy): the programme office.
IMROC_CONTACT_EMAIL = env_str("IMROC_CONTACT_EMAIL", "imroc@localhost")
# The most a site archive's JSON may unpack to, and the most rows it may hold, for
# manage.py import_site (a demo site's archive is under 2 MB and 5,000 rows).
IMROC_IMPORT_MAX_BYTES = env_int("IMROC_IMPORT_MAX_MB", 200) * 1_000_000
IMROC_IMPORT_MAX_ROWS = env_int("IMROC_IMPORT_MAX_ROWS", 500_000)
# Reports and site archives one person may have queued or being prepared at once, and how
# often a running one tells the database it is alive (imroc/jobs.py).
IMROC_JOBS_IN_FLIGHT = env_int("IMROC_JOBS_IN_FLIGHT", 3)
IMROC_JOB_BEAT_SECONDS = env_int("IMROC_JOB_BEAT_SECONDS", 30)
# A site's registration link (learning_sets/floods.py): registrations an hour through one
# link and from one address, and the people a site may have on a workshop's waiting list.
IMROC_LINK_JOINS_PER_HOUR = env_int("IMROC_LINK_JOINS_PER_HOUR", 30)
IMROC_ADDRESS_JOINS_PER_HOUR = env_int("IMROC_ADDRESS_JOINS_PER_HOUR", 10)
IMROC_WAITING_LIST_PER_SITE = env_int("IMROC_WAITING_LIST_PER_SITE", 10)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
    # WeasyPrint narrates every step of every PDF at INFO.
    "loggers": {name: {"level": "WARNING"} for name in ("weasyprint", "fontTools")},
}

if PRODUCTION:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
    # Load balancers probe over plain HTTP (the middleware answers it first in any case).
    SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
    SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 31536000)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
