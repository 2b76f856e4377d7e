"""Settings for VA Conference, read from the environment.

Every value has a safe default for a first run on a developer's machine (SQLite, console
e-mail, DEBUG on). Production sets DEBUG=0 and must then provide SECRET_KEY and ALLOWED_HOSTS.
"""

import datetime
import os
from pathlib import Path

from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

from va_conference.environment import (
    caches_from_url,
    database_from_url,
    env_bool,
    env_int,
    env_list,
    env_networks,
    file_storage,
)

BASE_DIR = Path(__file__).resolve().parent.parent

DEBUG = env_bool("DEBUG", True)

SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured("SECRET_KEY must be set when DEBUG is off.")
    SECRET_KEY = "development-only-secret-key-never-use-in-production"

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost", "[::1]"] if DEBUG else [])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])

INSTALLED_APPS = [
    # modeltranslation must come before the admin to patch its forms.
    "modeltranslation",
    "va_conference.apps.AdminConfig",
    "django.contrib.auth",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django_countries",
    "crispy_forms",
    "crispy_bootstrap5",
    "simple_history",
    "django_tasks",
    "va_conference.apps.CoreConfig",
    # After the core, whose `db_worker` (waiting for the database) takes the place of its own.
    "django_tasks_db",
    "sessions.apps.ProgrammeConfig",
    "delegations.apps.DelegationsConfig",
    "registrations.apps.RegistrationsConfig",
    "floor.apps.FloorConfig",
    "letters.apps.LettersConfig",
    "sponsorship.apps.SponsorshipConfig",
    # Above the apps they read from: the organizers' tools, the open-data API, the
    # demonstration data.
    "organizers.apps.OrganizersConfig",
    "rest_framework",
    "django_filters",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "api.apps.ApiConfig",
    "demo.apps.DemoConfig",
]

MIDDLEWARE = [
    # Counts every response by its status, for /metrics (va_conference/metrics.py).
    "va_conference.metrics.ResponsesMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    # Before anything reads the body: refuses, with a page in the visitor's language, a request
    # larger than the site accepts (va_conference/upload_limits.py).
    "va_conference.upload_limits.request_size_limit",
    "django.middleware.common.CommonMiddleware",
    # ETag on every answer, and 304 Not Modified when the client already has it.
    "django.middleware.http.ConditionalGetMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Whether the signed-in staff member also gave a code from their authenticator app.
    "django_otp.middleware.OTPMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # Records which staff member made each change kept in the registrations' history.
    "simple_history.middleware.HistoryRequestMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Counts the changes a request makes: public pages kept in the cache follow them.
    "va_conference.page_cache.ChangesMiddleware",
    # Last, as django-axes asks: turns a sign-in refused for repeated failures into its page.
    "axes.middleware.AxesMiddleware",
]

# django-axes checks first whether the account or the address is locked out.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]

ROOT_URLCONF = "va_conference.urls"
WSGI_APPLICATION = "va_conference.wsgi.application"

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

DATABASES = {
    "default": database_from_url(os.environ.get("DATABASE_URL", "sqlite:///db.sqlite3")),
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# `pages`: public pages kept for visitors (va_conference/page_cache.py); `rate_limits`: the
# counts of the public forms' and the API's rate limits, which must hold across processes and
# servers; `default`: the rest (the search form's lists).
CACHES = caches_from_url(os.environ.get("CACHE_URL", ""))

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Languages of the meetings. English is the default and the fallback of every translated field.
LANGUAGE_CODE = "en"
LANGUAGES = [
    ("en", _("English")),
    ("fr", _("French")),
    ("es", _("Spanish")),
    ("ar", _("Arabic")),
]
LOCALE_PATHS = [BASE_DIR / "locale"]
USE_I18N = True
MODELTRANSLATION_DEFAULT_LANGUAGE = "en"
MODELTRANSLATION_FALLBACK_LANGUAGES = ("en",)

TIME_ZONE = "UTC"
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "staticfiles"))
STATICFILES_DIRS = [
    BASE_DIR / "static",
    # Bootstrap, installed from npm by the set-up (package-lock.json): served by the app itself.
    ("bootstrap", BASE_DIR / "node_modules" / "bootstrap" / "dist"),
]

# Uploaded files are never served from MEDIA_URL: downloads go through views that check the
# published flag. MEDIA_ROOT must be outside any directory a web server lists.
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
# With STORAGE=s3, a published file's download may answer a redirect to a signed URL of the
# bucket, valid this many seconds, rather than pass through the app; drafts never do.
S3_SIGNED_DOWNLOADS = env_bool("S3_SIGNED_DOWNLOADS", False)
S3_SIGNED_URL_SECONDS = env_int("S3_SIGNED_URL_SECONDS", 300)
if S3_SIGNED_DOWNLOADS and os.environ.get("STORAGE") != "s3":
    raise ImproperlyConfigured("S3_SIGNED_DOWNLOADS needs STORAGE=s3.")

# Statement files: the largest accepted upload, and the most a DOCX or ODT may expand to when
# unzipped (a "zip bomb" is refused).
STATEMENT_MAX_UPLOAD_SIZE = env_int("STATEMENT_MAX_UPLOAD_MB", 20) * 1024 * 1024
STATEMENT_MAX_UNZIPPED_SIZE = env_int("STATEMENT_MAX_UNZIPPED_MB", 200) * 1024 * 1024

# What one request may carry (va_conference/upload_limits.py). The largest is the statement upload
# page: 40 files (sessions/forms.py MAX_ROWS) at the statement limit, with the form's fields. A
# request declaring more is refused before it is read; the reverse proxy must let it through.
STATEMENT_FILES_PER_UPLOAD = 40
UPLOAD_MAX_REQUEST_SIZE = STATEMENT_FILES_PER_UPLOAD * STATEMENT_MAX_UPLOAD_SIZE + 5 * 1024 * 1024
# The fields of a form, files apart (2.5 MB, Django's default): far more than the longest text
# typed in the admin.
DATA_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
# No form sends more files at once than the upload page. A session's admin page sends about ten
# fields per statement (a file field left empty among them): room for a general debate of a few
# hundred statements with their translations.
DATA_UPLOAD_MAX_NUMBER_FILES = STATEMENT_FILES_PER_UPLOAD
DATA_UPLOAD_MAX_NUMBER_FIELDS = 5000
# A request up to this size (2.5 MB, Django's default) is read in memory; in a larger one, each
# file goes to a temporary file holding no more of it than the statement limit.
FILE_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
FILE_UPLOAD_HANDLERS = [
    "django.core.files.uploadhandler.MemoryFileUploadHandler",
    "va_conference.upload_limits.LimitedFileUploadHandler",
]

STORAGES = {
    "default": file_storage(os.environ.get("STORAGE", "local")),
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        ),
    },
}

EMAIL_BACKEND = os.environ.get(
    "EMAIL_BACKEND",
    "django.core.mail.backends.console.EmailBackend"
    if DEBUG
    else "django.core.mail.backends.smtp.EmailBackend",
)
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("EMAIL_PORT", 25)
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
# Seconds a worker waits on the mail server before it counts the e-mail as a failed attempt: a
# server that takes the connection and never answers would otherwise hold the worker for ever.
EMAIL_TIMEOUT = env_int("EMAIL_TIMEOUT", 30)
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "VA Conference <noreply@localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# The public address of the site, for links in e-mails (a delegate's private link).
SITE_URL = os.environ.get(
    "SITE_URL",
    "http://127.0.0.1:8000" if DEBUG else f"https://{ALLOWED_HOSTS[0]}" if ALLOWED_HOSTS else "",
).rstrip("/")

# Submissions of the public forms (register, change, "lost your link?") allowed per client
# address and hour; beyond it, the client is answered 429. 0 turns the limit off.
PUBLIC_FORM_RATE_LIMIT = env_int("PUBLIC_FORM_RATE_LIMIT", 30)

# The networks of the reverse proxies in front of the app, which append the address they
# received each request from to X-Forwarded-For (va_conference/proxies.py). The header is read
# only from a request that comes from one of them; none (the default): REMOTE_ADDR is the client.
TRUSTED_PROXIES = env_networks("TRUSTED_PROXIES")

# /healthz checks the caches and the file storage, which writes, only for a load balancer that
# sends this token (Authorization: Bearer ...) or probes from these networks; anyone else gets
# the database's answer alone, which writes nothing.
HEALTH_CHECK_TOKEN = os.environ.get("HEALTH_CHECK_TOKEN", "")
HEALTH_CHECK_NETWORKS = env_networks("HEALTH_CHECK_NETWORKS", ["127.0.0.0/8", "::1"])

# /metrics (Prometheus' text format) answers only a scrape that sends this token
# (Authorization: Bearer ...); without one set, /metrics is not served.
METRICS_TOKEN = os.environ.get("METRICS_TOKEN", "")

# Failed sign-ins to the admin are counted (django-axes, in the database so that every server
# counts them) per account and address together, per address with a higher limit, and per
# account from anywhere, with that higher limit, only for accounts without two-factor sign-in
# (va_conference/sign_in_lockout.py): an outsider cannot lock a two-factor staff member out.
# Past a limit, that account, address or both may not sign in until the lock-out ends, counted
# from its last attempt. An administrator lifts a lock sooner in the admin (Access attempts) or
# with `manage.py axes_reset_username` / `axes_reset_ip`.
AXES_FAILURE_LIMIT = env_int("ADMIN_LOGIN_FAILURE_LIMIT", 5)
ADMIN_LOGIN_ADDRESS_FAILURE_LIMIT = env_int("ADMIN_LOGIN_ADDRESS_FAILURE_LIMIT", 20)
ADMIN_LOGIN_ACCOUNT_FAILURE_LIMIT = env_int("ADMIN_LOGIN_ACCOUNT_FAILURE_LIMIT", 20)
AXES_COOLOFF_TIME = datetime.timedelta(minutes=env_int("ADMIN_LOCKOUT_MINUTES", 15))
AXES_HANDLER = "va_conference.sign_in_lockout.SignInFailures"
AXES_LOCKOUT_PARAMETERS = "va_conference.sign_in_lockout.lockout_parameters"
AXES_CLIENT_IP_CALLABLE = "va_conference.proxies.client_key"
AXES_LOCKOUT_CALLABLE = "va_conference.sign_in.locked_out"

# Two-factor sign-in for staff (va_conference/two_factor.py): a code from an authenticator app.
# ADMIN_REQUIRE_TWO_FACTOR_FOR_SUPERUSERS=1 makes superusers turn it on before anything else.
ADMIN_REQUIRE_TWO_FACTOR_FOR_SUPERUSERS = env_bool("ADMIN_REQUIRE_TWO_FACTOR_FOR_SUPERUSERS", False)
OTP_TOTP_ISSUER = "VA Conference"
# The admin's list of devices never shows their secret keys.
OTP_ADMIN_HIDE_SENSITIVE_DATA = True

# Public pages (the conference list, a programme, a session, documents...) are kept in the cache
# for visitors this many seconds at most, and only until anything changes
# (va_conference/page_cache.py). 0 keeps none.
PAGE_CACHE_SECONDS = env_int("PAGE_CACHE_SECONDS", 300)

# Personal data of registrations is kept this many months after a conference ends (the privacy
# notice says so).
PERSONAL_DATA_RETENTION_MONTHS = env_int("PERSONAL_DATA_RETENTION_MONTHS", 12)

# Work done in the background (every e-mail to delegates), queued in the database and run by
# `manage.py db_worker`.
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}
# Seconds to wait before trying again an e-mail the mail server refused or could not take, one
# delay per new try: after the last, the e-mail is marked failed for an organizer to send again.
EMAIL_RETRY_DELAYS = [60, 5 * 60, 30 * 60, 2 * 3600, 6 * 3600, 12 * 3600]

# The open-data API (/api/v1/): read-only, public, paginated, throttled for anonymous clients.
REST_FRAMEWORK = {
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": ["rest_framework.parsers.JSONParser"],
    "DEFAULT_AUTHENTICATION_CLASSES": [],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.AllowAny"],
    "DEFAULT_PAGINATION_CLASS": "api.pagination.Pages",
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "DEFAULT_THROTTLE_CLASSES": ["api.throttling.AnonymousClientThrottle"],
    "DEFAULT_THROTTLE_RATES": {"anon": os.environ.get("API_ANONYMOUS_RATE", "120/minute")},
    "UNAUTHENTICATED_USER": None,
}
SPECTACULAR_SETTINGS = {
    "TITLE": "VA Conference open data",
    "DESCRIPTION": (
        "Conferences on assistance to victims of landmines, cluster munitions and other "
        "explosive remnants of war: their sessions, published statements, official documents "
        "and the organizations taking part. Read-only; no personal data."
    ),
    "VERSION": "1",
    "SERVE_INCLUDE_SCHEMA": False,
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    # The three treaty statuses share one list of values.
    "ENUM_NAME_OVERRIDES": {"TreatyStatusEnum": "va_conference.models.TreatyStatus"},
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "api.views.add_error_responses",
    ],
}

CRISPY_ALLOWED_TEMPLATE_PACKS = "bootstrap5"
CRISPY_TEMPLATE_PACK = "bootstrap5"

# Behind a proxy that terminates TLS, set SECURE_PROXY_SSL_HEADER=1 so Django trusts
# X-Forwarded-Proto.
if env_bool("SECURE_PROXY_SSL_HEADER", False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", not DEBUG)
# Load balancers probe over plain HTTP.
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
SESSION_COOKIE_SECURE = env_bool("SESSION_COOKIE_SECURE", not DEBUG)
CSRF_COOKIE_SECURE = env_bool("CSRF_COOKIE_SECURE", not DEBUG)
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 0 if DEBUG else 31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", not DEBUG)
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", not DEBUG)
SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "DENY"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    # The PDF renderer reports each step of its work at INFO: only its problems are news.
    "loggers": {name: {"level": "WARNING"} for name in ("weasyprint", "fontTools")},
}
