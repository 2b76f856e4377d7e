"""A focal point's link goes, like every e-mail, through the worker's queue to a real SMTP
server, once, in the focal point's language, to the focal point's address."""

import pytest
from django.core.management import call_command

from delegations import focal_points
from delegations.models import FocalPoint
from registrations.models import Delivery
from tests.delegations.focal_point_fixtures import *  # noqa: F403 - the fixtures
from tests.registrations.conftest import smtp  # noqa: F401 - fixture

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.usefixtures("worker_queue")]


def run_worker():
    call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload", verbosity=0)


def test_the_worker_sends_the_link_once_in_arabic_though_the_server_refused_it(
    settings,
    smtp,  # noqa: F811 - the fixture imported above
    delegation,
):
    settings.EMAIL_RETRY_DELAYS = [0]
    server = smtp(refusals=1)
    focal_point = focal_points.name(
        FocalPoint(
            delegation=delegation, name="رانيا", email="rania@mfa.example.jo", language="ar"
        ),
        by=None,
    )
    assert server.received == []  # sent by the worker, not by the request

    run_worker()
    run_worker()

    [received] = server.received
    assert received["To"] == "rania@mfa.example.jo"
    assert "الأردن" in received["Subject"]
    assert f"/ar/delegations/{focal_point.token}/" in received.get_content()
    delivery = Delivery.objects.get()
    assert (delivery.state, delivery.attempts, delivery.language) == ("sent", 2, "ar")
    assert delivery.address == "rania@mfa.example.jo"
