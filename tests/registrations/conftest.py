"""An open conference to register for, with a few sessions and organizations to choose, and a
real SMTP server on localhost to receive the e-mails."""

import asyncio
import email
import email.policy
import socket

import pytest
from aiosmtpd.controller import Controller

from tests.factories import (
    OrganizationFactory,
    SessionFactory,
    StateFactory,
    conference_open_for_registration,
)


@pytest.fixture
def conference(db):
    conference = conference_open_for_registration(
        slug="amman-2030",
        title_en="Global Conference on Victim Assistance",
        title_fr="Conférence mondiale sur l'assistance aux victimes",
        short_name_en="Amman 2030",
        reference_prefix="AMM30",
        time_zone="Asia/Amman",
    )
    SessionFactory(conference=conference, slug="opening", title_en="Opening")
    SessionFactory(
        conference=conference,
        slug="challenges",
        title_en="Challenges of integrating victim assistance",
        title_fr="Les défis de l'intégration de l'assistance aux victimes",
    )
    return conference


@pytest.fixture
def jordan(db):
    return StateFactory(country="JO", name_en="Jordan", name_fr="Jordanie", name_ar="الأردن")


@pytest.fixture
def disability_alliance(db):
    return OrganizationFactory(
        name_en="International Disability Alliance", acronym="IDA", kind="dpo"
    )


def answers(chosen, **changes):
    """What a delegate types into the form, as the browser posts it."""
    data = {
        "honorific": "ms",
        "given_name": "Amina",
        "family_name": "Haddad",
        "email": "amina.haddad@example.org",
        "phone": "+962 6 123 4567",
        "job_title": "Director, victim assistance",
        "language": "en",
        "organization": str(chosen.pk) if chosen else "",
        "role": "delegate",
        "consents_to_public_listing": "on",
        "privacy_accepted": "on",
    }
    data.update(changes)
    return {key: value for key, value in data.items() if value is not None}


class MailServer:
    """Refuses the first `refusals` e-mails with a temporary error, then takes every one,
    taking `delay` seconds to answer each: it has kept the e-mail by then, as a real server
    that has read the whole of it would. To the addresses in `silent_for` it says nothing for
    a minute, as a server that took the connection and hangs."""

    def __init__(self, refusals=0, delay=0, silent_for=()):
        self.refusals = refusals
        self.delay = delay
        self.silent_for = set(silent_for)
        self.received = []

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address in self.silent_for:
            await asyncio.sleep(60)
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        if self.refusals:
            self.refusals -= 1
            return "451 4.3.0 Mailbox busy, try again later"
        self.received.append(
            email.message_from_bytes(envelope.content, policy=email.policy.default)
        )
        await asyncio.sleep(self.delay)
        return "250 OK"


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def smtp(settings):
    """Start a mail server on the port the settings send to: `smtp(refusals=0, delay=0,
    silent_for=())`."""
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", free_port()
    servers = []

    def start(refusals=0, delay=0, silent_for=()):
        handler = MailServer(refusals, delay, silent_for)
        controller = Controller(handler, hostname="127.0.0.1", port=settings.EMAIL_PORT)
        controller.start()
        servers.append(controller)
        return handler

    yield start
    for controller in servers:
        controller.stop()
