"""The helpers settings.py reads the environment with: booleans, numbers, lists, and the
database and the caches a URL names. A value they cannot read stops the app from starting, with
a message naming its variable.
"""

import ipaddress
import os
from pathlib import Path
from urllib.parse import parse_qsl, unquote, urlsplit

from django.core.exceptions import ImproperlyConfigured

# Where a relative SQLite path is read from: the project's folder, settings.BASE_DIR.
PROJECT_DIR = Path(__file__).resolve().parent.parent


def env_bool(name, default):
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    if value.lower() in ("1", "true", "yes", "on"):
        return True
    if value.lower() in ("0", "false", "no", "off"):
        return False
    raise ImproperlyConfigured(f"{name} must be a boolean (1/0, true/false), not {value!r}")


def env_int(name, default):
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    try:
        return int(value)
    except ValueError:
        raise ImproperlyConfigured(f"{name} must be a whole number, not {value!r}") from None


def env_list(name, default):
    value = os.environ.get(name)
    if value is None:
        return default
    return [item.strip() for item in value.split(",") if item.strip()]


def env_networks(name, default=()):
    """Networks (e.g. `10.0.0.0/8,127.0.0.1,fd00::/8`), as ipaddress networks; an address alone
    is a network of one."""
    networks = []
    for item in env_list(name, list(default)):
        try:
            networks.append(ipaddress.ip_network(item, strict=False))
        except ValueError:
            raise ImproperlyConfigured(
                f"{name} lists networks such as 10.0.0.0/8 or 127.0.0.1, comma-separated; "
                f"{item!r} is none"
            ) from None
    return tuple(networks)


def database_from_url(url):
    """Turn `sqlite:///path` or `postgres://user:password@host:port/name` into a DATABASES entry."""
    parts = urlsplit(url)
    options = dict(parse_qsl(parts.query))
    if parts.scheme == "sqlite":
        # sqlite:///relative.sqlite3 and sqlite:////absolute/path.sqlite3
        path = unquote(parts.path[1:]) if parts.path.startswith("/") else unquote(parts.path)
        return {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": path if os.path.isabs(path) or path == ":memory:" else PROJECT_DIR / path,
            # SQLite allows one writer: wait for the lock instead of failing at once.
            "OPTIONS": {"timeout": 20, "transaction_mode": "IMMEDIATE"},
        }
    if parts.scheme in ("postgres", "postgresql", "pgsql"):
        return {
            "ENGINE": "django.db.backends.postgresql",
            "NAME": unquote(parts.path.lstrip("/")),
            "USER": unquote(parts.username or ""),
            "PASSWORD": unquote(parts.password or ""),
            "HOST": parts.hostname or "",
            "PORT": str(parts.port or ""),
            "CONN_MAX_AGE": env_int("CONN_MAX_AGE", 60),
            "CONN_HEALTH_CHECKS": True,
            "OPTIONS": options,
        }
    raise ImproperlyConfigured(f"DATABASE_URL: unsupported scheme {parts.scheme!r}")


# The database tables of Django's database cache, one per cache, without CACHE_URL (migrations
# va_conference 0008 and 0010).
CACHE_TABLES = {
    "default": "default_cache",
    "pages": "pages_cache",
    "rate_limits": "rate_limits_cache",
}
RATE_LIMITS_TABLE = CACHE_TABLES["rate_limits"]
CACHE_ALIASES = tuple(CACHE_TABLES)
# Each process's own copies of the pages it served from the shared `pages` cache
# (va_conference/page_cache.py): the same everywhere, in memory.
PAGE_COPIES = {
    "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
    "LOCATION": "page_copies",
    # About 100 KB a page: at most some 50 MB for each process.
    "OPTIONS": {"MAX_ENTRIES": 500},
}
# Where the rate limits count while Redis does not answer (va_conference/caching.py): each
# process's own memory.
LOCAL_COUNTS = {
    "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
    "LOCATION": "local_counts",
    "OPTIONS": {"MAX_ENTRIES": 10_000},
}


def caches_from_url(url):
    """The caches: with `url` (`redis://host:port/db`), each alias in Redis, shared by every
    process and server; without, each in a table of the database (Django's database cache),
    which the gunicorn workers of a machine, and servers sharing its database, share too."""
    if not url:
        shared = {
            alias: {
                "BACKEND": "django.core.cache.backends.db.DatabaseCache",
                "LOCATION": table,
                # Beyond this many entries Django deletes the expired ones, then a third of the
                # rest: far more than the pages of a conference in four languages, or the
                # clients of an hour (Django's default is 300).
                "OPTIONS": {"MAX_ENTRIES": 10_000},
            }
            for alias, table in CACHE_TABLES.items()
        }
        return {**shared, "page_copies": PAGE_COPIES, "local_counts": LOCAL_COUNTS}
    if urlsplit(url).scheme not in ("redis", "rediss", "unix"):
        raise ImproperlyConfigured(f"CACHE_URL must be a redis:// URL, not {url!r}")
    # Django's Redis cache, which a Redis down or slow never fails (va_conference/caching.py).
    shared = {
        alias: {
            "BACKEND": "va_conference.caching.ResilientRedisCache",
            "LOCATION": url,
            "KEY_PREFIX": alias,
        }
        for alias in CACHE_ALIASES
    }
    return {**shared, "page_copies": PAGE_COPIES, "local_counts": LOCAL_COUNTS}


FILE_SYSTEM_STORAGE = {"BACKEND": "django.core.files.storage.FileSystemStorage"}


def file_storage(name):
    """The storage of uploaded files STORAGE names: `local` (the default), on the disk under
    MEDIA_ROOT, or `s3`, in a private bucket of S3-compatible object storage, for servers that
    keep no lasting disk. Either way files are read only through the download views, which check
    publication: the bucket grants nothing to anyone without its keys, and the storage makes no
    public URL."""
    if name in ("", "local"):
        return FILE_SYSTEM_STORAGE
    if name != "s3":
        raise ImproperlyConfigured(f"STORAGE must be local or s3, not {name!r}")
    bucket = os.environ.get("S3_BUCKET", "")
    if not bucket:
        raise ImproperlyConfigured("S3_BUCKET must be set when STORAGE is s3.")
    return {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": bucket,
            "endpoint_url": os.environ.get("S3_ENDPOINT_URL") or None,
            "region_name": os.environ.get("S3_REGION") or None,
            "access_key": os.environ.get("S3_ACCESS_KEY_ID") or None,
            "secret_key": os.environ.get("S3_SECRET_ACCESS_KEY") or None,
            # Objects are private: no ACL is sent, so the bucket's own (private) applies, and
            # every URL the storage makes is signed and expires.
            "default_acl": None,
            "querystring_auth": True,
            # Signature version 4, which every region and S3-compatible service accepts.
            "signature_version": "s3v4",
            # A file with the same name is never overwritten: names are random, and a clash
            # must not replace someone's statement.
            "file_overwrite": False,
            # A file read from the bucket is kept in memory up to this size, then in a
            # temporary file (django-storages' default keeps all of it in memory).
            "max_memory_size": 2_621_440,
        },
    }
