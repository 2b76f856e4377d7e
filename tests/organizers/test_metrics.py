"""/metrics, for a scrape that sends the token: e-mails by state and the oldest one waiting,
registrations by status, the page cache's hits and misses and the responses by status, as
Prometheus' own parser reads them; nothing for anyone else."""

import datetime

import pytest
from django.utils import timezone
from prometheus_client.parser import text_string_to_metric_families

from registrations import status_emails
from registrations.models import Delivery, Status
from tests.factories import RegistrationFactory
from va_conference import page_cache

pytestmark = pytest.mark.django_db

TOKEN = "a-long-metrics-token"


@pytest.fixture
def metrics_on(settings):
    settings.METRICS_TOKEN = TOKEN


def scraped(client):
    response = client.get("/metrics", HTTP_AUTHORIZATION=f"Bearer {TOKEN}")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    samples = {}
    for family in text_string_to_metric_families(response.content.decode()):
        for sample in family.samples:
            samples[(sample.name, tuple(sorted(sample.labels.items())))] = sample.value
    return samples


@pytest.mark.shared_parts
def test_the_figures_operators_watch(client, metrics_on, conference, settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    waiting = RegistrationFactory.create_batch(2, conference=conference)
    RegistrationFactory(conference=conference, status=Status.CONFIRMED)
    for registration in waiting:
        status_emails.queue(registration, Status.SUBMITTED)
    Delivery.objects.filter(pk=Delivery.objects.first().pk).update(
        created_at=timezone.now() - datetime.timedelta(minutes=10)
    )
    settings.PAGE_CACHE_SECONDS = 300
    page_cache.forget_content_version()
    for _visit in range(2):
        client.get(f"/en/conferences/{conference.slug}/programme/")
    client.get("/en/no-such-page/")

    samples = scraped(client)
    assert samples[("va_conference_emails", (("state", "pending"),))] == 2
    assert samples[("va_conference_emails", (("state", "sent"),))] == 0
    assert samples[("va_conference_oldest_pending_email_age_seconds", ())] >= 600
    assert samples[("va_conference_registrations", (("status", "submitted"),))] == 2
    assert samples[("va_conference_registrations", (("status", "confirmed"),))] == 1
    assert samples[("va_conference_http_responses_total", (("status", "404"),))] >= 1
    assert samples[("va_conference_page_cache_requests_total", (("result", "miss"),))] >= 1
    assert samples[("va_conference_page_cache_requests_total", (("result", "hit"),))] >= 1


def test_without_the_token_nothing_is_told(client, metrics_on):
    assert client.get("/metrics").status_code == 403
    assert client.get("/metrics", HTTP_AUTHORIZATION="Bearer guess").status_code == 403


def test_without_a_token_set_there_is_no_metrics_page(client):
    assert client.get("/metrics", HTTP_AUTHORIZATION="Bearer ").status_code == 404
