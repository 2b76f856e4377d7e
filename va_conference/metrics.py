"""What each process counts for /metrics, in Prometheus' text format (the standard client
library): the page cache's hits and misses and the responses by status. The figures read from
the database (e-mails, registrations) are added by organizers/metrics.py, which serves the page
behind METRICS_TOKEN.

Counters live in the memory of the process that answered: a scrape reaches one gunicorn worker
of one server, and Prometheus sums the series of each `instance` it scrapes.
"""

from django.utils.crypto import constant_time_compare
from prometheus_client import CollectorRegistry, Counter

REGISTRY = CollectorRegistry(auto_describe=True)
PAGE_CACHE = Counter(
    "va_conference_page_cache_requests",
    "Public pages asked of the page cache by visitors, by whether it had them",
    ["result"],
    registry=REGISTRY,
)
RESPONSES = Counter(
    "va_conference_http_responses",
    "Responses this process gave, by status code",
    ["status"],
    registry=REGISTRY,
)


def carries_token(request, token):
    """Whether the request sends `token` (not empty) as `Authorization: Bearer <token>`."""
    sent = request.headers.get("Authorization", "").removeprefix("Bearer ").strip()
    return bool(token) and constant_time_compare(sent, token)


class ResponsesMiddleware:
    """Counts each response by its status code."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        RESPONSES.labels(status=str(response.status_code)).inc()
        return response
