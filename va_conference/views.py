"""Public pages of the conferences themselves, and the health check."""

import itertools
import logging
import threading
import time
import uuid

from django import db
from django.conf import settings
from django.core.cache import caches
from django.core.files.base import ContentFile
from django.core.files.storage import storages
from django.db import DatabaseError, connection
from django.http import HttpResponse, HttpResponsePermanentRedirect
from django.shortcuts import get_object_or_404, render
from django.templatetags.static import static
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from . import proxies
from .caching import is_available
from .metrics import carries_token
from .models import Conference, Update
from .page_cache import cached_for_visitors, end_of_today

logger = logging.getLogger(__name__)


# The longest the cache and storage checks of /healthz may take together: a load balancer's
# probe must get an answer, even from a Redis or an object storage that accepts the connection
# and never replies.
HEALTH_CHECK_SECONDS = 2
HEALTH_CHECK_CACHES = ("rate_limits", "pages")


def database_answers():
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()


def caches_answer():
    probe = f"healthz-{uuid.uuid4().hex}"
    for alias in HEALTH_CHECK_CACHES:
        cache = caches[alias]
        if not is_available(cache):
            raise RuntimeError(f"the {alias} cache does not answer")
        cache.set(probe, "ok", timeout=HEALTH_CHECK_SECONDS * 5)
        if cache.get(probe) != "ok":
            raise RuntimeError(f"the {alias} cache did not keep a value")
        cache.delete(probe)


def storage_answers():
    storage = storages["default"]
    name = storage.save(f"healthz/{uuid.uuid4().hex}.txt", ContentFile(b"ok"))
    try:
        with storage.open(name) as probe:
            if probe.read() != b"ok":
                raise RuntimeError("the storage did not keep a file")
    finally:
        storage.delete(name)


def within_time_limit(checks):
    """The names of `checks` that failed or did not finish within HEALTH_CHECK_SECONDS, all
    run at once. A check is run in a thread of its own rather than a pool: one that hangs is
    left behind (a daemon thread, ended by its socket's own time-out) and never holds up the
    next probe."""
    failures = {}

    def run(name, check):
        try:
            check()
        except Exception:
            logger.exception("Health check: %s failed.", name)
        else:
            failures.pop(name, None)
        finally:
            db.connections.close_all()  # this thread's own, e.g. the database cache's

    threads = []
    for name, check in checks.items():
        failures[name] = True
        thread = threading.Thread(target=run, args=(name, check), daemon=True)
        thread.start()
        threads.append((name, thread))
    deadline = time.monotonic() + HEALTH_CHECK_SECONDS
    for name, thread in threads:
        thread.join(max(0, deadline - time.monotonic()))
        if thread.is_alive():
            logger.error("Health check: %s did not answer in %s s.", name, HEALTH_CHECK_SECONDS)
    return [name for name in checks if failures.get(name)]


def may_check_deeply(request):
    """Whether the request comes from the load balancer: it sends HEALTH_CHECK_TOKEN, or comes
    from HEALTH_CHECK_NETWORKS."""
    if carries_token(request, settings.HEALTH_CHECK_TOKEN):
        return True
    address = proxies.parse(request.META.get("REMOTE_ADDR", ""))
    return proxies.is_in(address, settings.HEALTH_CHECK_NETWORKS)


def caches_read():
    """Each cache answers a read: nothing is written."""
    for alias in HEALTH_CHECK_CACHES:
        cache = caches[alias]
        cache.get("healthz")
        if not is_available(cache):
            raise RuntimeError(f"the {alias} cache does not answer")


@require_safe
def favicon(request):
    """Browsers ask for /favicon.ico whatever the pages name: the site's icon."""
    return HttpResponsePermanentRedirect(static("favicon.svg"))


@require_safe
@never_cache
def healthz(request):
    """For load balancers: 200 when the database, the caches and the file storage answer; 503
    naming those that do not. Anyone else is told whether the database and the caches answer a
    read: an anonymous request makes the server write nothing."""
    if may_check_deeply(request):
        checks = {"cache": caches_answer, "storage": storage_answers}
    else:
        checks = {"cache": caches_read}
    failed = within_time_limit(checks)
    try:
        database_answers()
    except DatabaseError:
        logger.exception("Health check: the database is unreachable.")
        failed.insert(0, "database")
    if failed:
        body = "failed: " + ", ".join(failed) + "\n"
        return HttpResponse(body, status=503, content_type="text/plain")
    return HttpResponse("ok\n", content_type="text/plain")


@require_safe
@cached_for_visitors(until=end_of_today)
def conference_list(request):
    """Upcoming conferences first, soonest first; then the archive, by year."""
    today = timezone.localdate()
    conferences = list(Conference.objects.published().order_by("start_date"))
    upcoming = [conference for conference in conferences if conference.end_date >= today]
    past = [conference for conference in reversed(conferences) if conference.end_date < today]
    archive = [
        (year, list(group))
        for year, group in itertools.groupby(
            past, key=lambda conference: conference.start_date.year
        )
    ]
    return render(request, "conferences/list.html", {"upcoming": upcoming, "archive": archive})


def next_change_of(slug):
    conference = Conference.objects.filter(slug=slug).first()
    return conference.next_change_by_the_clock() if conference else None


@require_safe
@cached_for_visitors(until=next_change_of)
def conference_detail(request, slug):
    conference = get_object_or_404(
        Conference.objects.visible_to(request.user).select_related("host"), slug=slug
    )
    organizers = list(conference.organizers.all())
    return render(
        request,
        "conferences/detail.html",
        {
            "conference": conference,
            "organizers": organizers,
            # Official documents live in the programme app, reached through the relation.
            "documents_by_kind": conference.documents.visible_to(request.user).by_kind(),
            "updates": list(conference.updates.visible_to(request.user)[:3]),
            "registration_state": conference.registration_state(),
            "preview": not conference.is_published,
        },
    )


def next_update_of(slug):
    return Update.objects.next_to_appear(conference__slug=slug)


@require_safe
@cached_for_visitors(until=next_update_of)
def updates(request, slug):
    """Everything the organizers posted about a conference, newest first."""
    conference = get_object_or_404(Conference.objects.visible_to(request.user), slug=slug)
    return render(
        request,
        "conferences/updates.html",
        {
            "conference": conference,
            "updates": conference.updates.visible_to(request.user),
            "preview": not conference.is_published,
        },
    )
