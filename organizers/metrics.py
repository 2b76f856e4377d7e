"""/metrics: what operators watch, in Prometheus' text format, for a scrape that sends
METRICS_TOKEN. Besides each process's counters (va_conference/metrics.py), figures read from the
database at each scrape: the e-mails by state and the age of the oldest one waiting (a mail
outage shows as it grows), and the registrations by status."""

from django.conf import settings
from django.db.models import Count, Min
from django.http import Http404, HttpResponse, HttpResponseForbidden
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe
from prometheus_client import CONTENT_TYPE_LATEST, CollectorRegistry, generate_latest
from prometheus_client.core import GaugeMetricFamily

from registrations.models import Delivery, Registration, Status
from va_conference.metrics import REGISTRY, carries_token


class DatabaseFigures:
    """A collector read from the database when scraped."""

    def collect(self):
        emails = GaugeMetricFamily(
            "va_conference_emails",
            "E-mails to delegates and focal points, by state",
            labels=["state"],
        )
        counted = dict(Delivery.objects.values_list("state").annotate(count=Count("pk")))
        for state in Delivery.State.values:
            emails.add_metric([state], counted.get(state, 0))
        yield emails

        oldest = Delivery.objects.filter(state=Delivery.State.PENDING).aggregate(
            created=Min("created_at")
        )["created"]
        age = (timezone.now() - oldest).total_seconds() if oldest else 0
        yield GaugeMetricFamily(
            "va_conference_oldest_pending_email_age_seconds",
            "How long the oldest e-mail waiting to be sent has waited",
            value=age,
        )

        registrations = GaugeMetricFamily(
            "va_conference_registrations", "Registrations, by status", labels=["status"]
        )
        counted = dict(Registration.objects.values_list("status").annotate(count=Count("pk")))
        for status in Status.values:
            registrations.add_metric([status], counted.get(status, 0))
        yield registrations


@require_safe
@never_cache
def metrics(request):
    if not settings.METRICS_TOKEN:
        raise Http404
    if not carries_token(request, settings.METRICS_TOKEN):
        return HttpResponseForbidden("The scrape must send the metrics token.\n")
    figures = CollectorRegistry(auto_describe=True)
    figures.register(DatabaseFigures())
    body = generate_latest(REGISTRY) + generate_latest(figures)
    return HttpResponse(body, content_type=CONTENT_TYPE_LATEST)
