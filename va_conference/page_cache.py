"""The page cache: whole public pages cached for visitors, per language, until anything changes.

A page is cached under the cache version, the number of changes made so far (a sequence on
PostgreSQL, a row of ContentVersion elsewhere: in the database, so every process and
server reads the same number, each at most once a second). Any change counts, once its
transaction is committed: a row of the project's own models saved or deleted (from a request, a
command or the background worker), and any request of a signed-in user that changes things (POST
and the like answered without error), which covers changes written without saving rows one by
one (an admin action's queryset.update()). An anonymous request changes the pages only through
the rows it saves: a visitor cannot empty every cached page by sending forms. A page rendered
before a change was counted is kept under the old number, which nobody reads again: no visitor
is served a page older than the last change, or by a second at most when another process or
server counted it.

A page is kept under its path and the query parameters it reads, each with a value it knows
(`query`): a visitor cannot make the server write by sending other parameters, or values the page
ignores. Such a request is served the page kept without them, or rendered for itself and not
kept.

Only visitors are served from the page cache: a request carrying a session (a signed-in
organizer, a delegate who just registered) or a message to show is rendered for itself, as is a
page that set a cookie or used a CSRF token. PAGE_CACHE_SECONDS bounds how long a page is kept;
0 keeps none. Pages are kept in the `pages` cache: a table of the database, or Redis with
CACHE_URL; either way a page rendered by one process or server serves the visitors of all. Each
process keeps a copy in memory of the pages it served (`page_copies`).

Drafts count apart. Once a conference's programme is released, the public reads its last
release (sessions/releases.py), and the sessions and rooms organizers edit are the draft of the
next one (`DRAFTS`). A page that shows the programme only as released says so (`released`): it
is kept under the count of changes alone, and keeps being served while organizers edit, until
the next release, itself a change. Every other page, which may show sessions and rooms as they
are (the room display), is kept under both counts, the cache version and the draft version.
"""

import contextvars
import datetime
import functools
import math
import time
from urllib.parse import urlencode

from django.apps import apps as global_apps
from django.conf import settings
from django.core.cache import caches
from django.db import IntegrityError, connection, transaction
from django.db.models import F
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.utils import timezone, translation
from django.utils.cache import patch_vary_headers, set_response_etag

from .metrics import PAGE_CACHE

# The apps whose rows the public pages show.
APPS = {"va_conference", "programme", "delegations", "registrations", "floor"}
SAFE_METHODS = {"GET", "HEAD", "OPTIONS", "TRACE"}
# Whether the request being answered has counted a change already (None outside a request).
request_counted_a_change = contextvars.ContextVar("request_counted_a_change", default=None)
# The two counts: changes, and changes to drafts. Each is a sequence on PostgreSQL (migrations
# va_conference 0007 and 0013) and a row of ContentVersion elsewhere, under the same number.
CHANGES = 1
DRAFT_CHANGES = 2
SEQUENCES = {
    CHANGES: "va_conference_content_version",
    DRAFT_CHANGES: "va_conference_draft_version",
}
# The rows some pages show only once organizers release them, each model with the function of a
# row that says whether it is such a draft (filled by the app that releases them,
# sessions/apps.py). A row changed as a draft counts in the draft version only.
DRAFTS = {}
# How long a process trusts the cache version it last read rather than ask the database for
# each page: a change counted by another process or server reaches this one's visitors within
# this time, and one counted by this process at once.
CACHE_VERSION_SECONDS = 1.0
# (when it was read, (the cache version, the draft version)) as this process knows them.
last_read_cache_version = (0.0, None)


def content_version():
    """(The cache version, the draft version), as this process last read them (see
    CACHE_VERSION_SECONDS)."""
    global last_read_cache_version
    read_at, numbers = last_read_cache_version
    now = time.monotonic()
    if numbers is None or now - read_at >= CACHE_VERSION_SECONDS:
        numbers = read_content_version()
        last_read_cache_version = (now, numbers)
    return numbers


def read_content_version():
    """(The cache version, the draft version), from the database, in one query."""
    if connection.vendor == "postgresql":
        # A new sequence holds its first value before giving it: count that as none.
        counts = ", ".join(
            f"(SELECT last_value + is_called::int FROM {SEQUENCES[count]})"
            for count in (CHANGES, DRAFT_CHANGES)
        )
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT {counts}")
            return tuple(cursor.fetchone())
    from .models import ContentVersion

    numbers = dict(ContentVersion.objects.values_list("pk", "number"))
    return numbers.get(CHANGES, 0), numbers.get(DRAFT_CHANGES, 0)


def count_change():
    add_to_count(CHANGES)
    counted()


def count_draft_change():
    add_to_count(DRAFT_CHANGES)
    counted()


def counted():
    forget_content_version()
    if request_counted_a_change.get() is not None:
        request_counted_a_change.set(True)


def add_to_count(count=CHANGES):
    """One more change (or change to drafts): the next cache (or draft) version, in the
    database."""
    if connection.vendor == "postgresql":
        # A sequence moves without a transaction of its own to commit to disk, and never back.
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT nextval('{SEQUENCES[count]}')")
        return
    from .models import ContentVersion

    changes = ContentVersion.objects.filter(pk=count)
    if not changes.update(number=F("number") + 1):
        # The changes' row is made by a migration, the drafts' by their first change; a flushed
        # test database has lost both.
        try:
            with transaction.atomic():
                ContentVersion.objects.create(pk=count, number=1)
        except IntegrityError:
            changes.update(number=F("number") + 1)


def forget_content_version():
    global last_read_cache_version
    last_read_cache_version = (0.0, None)


def content_changed(count=count_change):
    """Count a change (with `count_draft_change`, a change to drafts) once the current
    transaction is committed (at once outside one)."""
    # Django keeps the callbacks waiting for the commit in connection.run_on_commit, a private
    # list of (savepoints, callback, robust): reading it is the only way to count once per
    # transaction however many rows it saves, and to forget a rolled-back savepoint's count
    # with it. tests/va_conference/test_django_internals.py fails the day its shape changes.
    pending = connection.run_on_commit if connection.in_atomic_block else ()
    if not any(callback is count for _savepoints, callback, _robust in pending):
        transaction.on_commit(count)


def on_row_change(sender, **kwargs):
    # A migration's rows belong to the models as they were then, out of the running site.
    if sender._meta.apps is not global_apps or sender._meta.app_label not in APPS:
        return
    # m2m_changed tells before and after; post_save and post_delete tell after.
    if not kwargs.get("action", "post_").startswith("post_"):
        return
    from .models import ContentVersion

    if sender is ContentVersion:  # the counts themselves
        return
    # A relation's rows (m2m_changed's sender) change what both sides show: never a draft.
    is_draft = DRAFTS.get(sender)
    if is_draft is not None and is_draft(kwargs["instance"]):
        content_changed(count_draft_change)
    else:
        content_changed()


post_save.connect(on_row_change, dispatch_uid="page_cache_save")
post_delete.connect(on_row_change, dispatch_uid="page_cache_delete")
m2m_changed.connect(on_row_change, dispatch_uid="page_cache_m2m")


class ChangesMiddleware:
    """Counts a change after each request of a signed-in user that may have made one, unless it
    counted one."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method in SAFE_METHODS:
            return self.get_response(request)
        token = request_counted_a_change.set(False)
        try:
            response = self.get_response(request)
            counted = request_counted_a_change.get()
            if response.status_code < 400 and signed_in(request) and not counted:
                count_change()
        finally:
            request_counted_a_change.reset(token)
        return response


def signed_in(request):
    # The user as the request leaves it: signed in by it, or still signed in. The open data's
    # views set None for anyone.
    user = getattr(request, "user", None)
    return user is not None and user.is_authenticated


def is_visitor(request):
    """Whether the request carries nothing of its own: no session, no message to show."""
    cookies = request.COOKIES
    return request.method in ("GET", "HEAD") and not (
        settings.SESSION_COOKIE_NAME in cookies or "messages" in cookies
    )


def cached_for_visitors(view=None, *, until=None, query=None, released=False):
    """Serve `view`'s page to visitors from the cache, kept until anything changes.

    A page that also changes with the clock names, with `until`, a function of the view's
    arguments that gives the next moment it does (or None): the page is kept until then at most.
    It runs only when the page is rendered. A page that reads query parameters names them, with
    `query`, each with the values it knows ({name: {value, ...}}); the page must treat any other
    value as if it were not sent. A page that shows no draft, only what is released, says so
    with `released`: changes to drafts leave it kept.
    """
    if view is None:
        return functools.partial(
            cached_for_visitors, until=until, query=query or {}, released=released
        )

    @functools.wraps(view)
    def cached_view(request, *args, **kwargs):
        if not settings.PAGE_CACHE_SECONDS or not is_visitor(request):
            return view(request, *args, **kwargs)
        parameters, only_known = known_parameters(request, query or {})
        return kept_or_rendered(
            request,
            parameters,
            lambda: view(request, *args, **kwargs),
            until=until and (lambda: until(*args, **kwargs)),
            keep=only_known,
            released=released,
        )

    return cached_view


def kept_or_rendered(request, parameters, render, *, until=None, keep=True, released=False):
    """The page kept for the request's path, language and `parameters` (a query string), else
    the response of `render()`, then kept unless `keep` (or `keep(response)`, a function) is
    false. `until()` gives the moment the page changes with the clock (or None); `released` as
    cached_for_visitors says."""
    changes, draft_changes = content_version()
    version = changes if released else f"{changes}.{draft_changes}"
    key = f"page:{version}:{translation.get_language()}:{request.path}?{parameters}"
    valid_until, response = kept_page(key)
    PAGE_CACHE.labels(result="miss" if response is None else "hit").inc()
    if response is None:
        response = render()
        valid_until = until() if until else None
        seconds = min(settings.PAGE_CACHE_SECONDS, seconds_until(valid_until))
        if callable(keep):
            keep = keep(response)
        if seconds > 0 and keep and keepable(request, response):
            # Computed once, rather than by ConditionalGetMiddleware for each visitor.
            set_response_etag(response)
            keep_page(key, (valid_until, response), seconds)
    # As a page rendered for a signed-in organizer says: it differs with the session.
    patch_vary_headers(response, ["Cookie"])
    return response


def known_parameters(request, query):
    """(the query string of the parameters `query` knows, with the values it knows, in order;
    whether the request sent nothing else). An empty value is known: a form sends its empty
    fields."""
    known, only_known = [], True
    for name, values in sorted(request.GET.lists()):
        value = values[-1]
        if name in query and len(values) == 1 and (value == "" or value in query[name]):
            known.append((name, value))
        else:
            only_known = False
    return urlencode(known), only_known


def kept_page(key):
    """(valid until, response) of the page kept under `key`, or (None, None).

    The page is read from this process's copy, else from the shared `pages` cache (the
    database's or Redis), then copied here. A key names the cache version, so what it holds
    never changes: a copy is as fresh as the shared page, and saves reading and unpickling it
    for every visitor. Django's caches have no such two-level backend.
    """
    copies = caches["page_copies"]
    kept = copies.get(key)
    if kept is None:
        kept = caches["pages"].get(key)
        if kept is not None:
            seconds = min(settings.PAGE_CACHE_SECONDS, seconds_until(kept[0]))
            if seconds > 0:
                copies.set(key, kept, seconds)
    if kept is None or (kept[0] is not None and kept[0] <= timezone.now()):
        return None, None
    return kept


def keep_page(key, page, seconds):
    caches["pages"].set(key, page, seconds)
    caches["page_copies"].set(key, page, seconds)


def seconds_until(moment):
    """Whole seconds from now until `moment` (a datetime, or None for never), rounded up."""
    if moment is None:
        return settings.PAGE_CACHE_SECONDS
    return math.ceil((moment - timezone.now()).total_seconds())


def end_of_today():
    """The next midnight, in the site's time zone."""
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    return datetime.datetime.combine(
        tomorrow, datetime.time(), tzinfo=timezone.get_current_timezone()
    )


def keepable(request, response):
    return (
        response.status_code == 200
        and not response.streaming
        and not response.cookies
        and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
        and "private" not in response.get("Cache-Control", "")
    )
