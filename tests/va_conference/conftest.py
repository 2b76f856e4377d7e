"""Redis for the tests that need it, at database 1, and a public site to walk."""

import os
from dataclasses import dataclass

import pytest
import redis
from django.core.files.base import ContentFile

from sessions.models import Document, DocumentFile, Session, Statement
from tests.conftest import worker_redis
from tests.factories import (
    ConferenceFactory,
    SessionFactory,
    StateFactory,
    StatementFactory,
    pdf_bytes,
)
from va_conference.models import Conference, Update

# Counted up from 1 for each process running the suite side by side (pytest -n).
REDIS_URL = worker_redis("redis://127.0.0.1:6379/1", step=1)


@pytest.fixture(scope="session")
def redis_url():
    """Without Redis these tests are skipped, except in continuous integration, which has
    Redis: there they fail."""
    try:
        redis.Redis.from_url(REDIS_URL, socket_connect_timeout=1).ping()
    except redis.RedisError as error:
        message = f"Redis does not answer at {REDIS_URL}: {error}"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    return REDIS_URL


@pytest.fixture
def empty_redis(redis_url):
    connection = redis.Redis.from_url(redis_url)
    connection.flushdb()
    yield connection
    connection.flushdb()


@dataclass
class PublicSite:
    """A published conference with one of everything the public reads, and its addresses."""

    conference: Conference
    session: Session
    statement: Statement
    document_file: DocumentFile

    @property
    def pages(self):
        """Every public page that only reads, the open data's lists and things included."""
        conference = f"/en/conferences/{self.conference.slug}"
        return [
            "/healthz",
            "/en/",
            "/en/updates.atom",
            "/en/statements/",
            f"{conference}/",
            f"{conference}/updates/",
            f"{conference}/updates.atom",
            f"{conference}/programme/",
            f"{conference}/programme.ics",
            f"{conference}/sessions/{self.session.slug}/",
            f"{conference}/statements/",
            f"{conference}/statements/{self.statement.pk}/file/",
            f"{conference}/documents/",
            f"{conference}/documents/files/{self.document_file.pk}/",
            f"{conference}/participants/",
            f"{conference}/states/",
            f"{conference}/delegations/",
            *self.api_lists,
            *self.api_details,
            "/api/v1/",
            "/api/v1/schema/",
            "/api/v1/docs/",
        ]

    @property
    def api_lists(self):
        return [f"/api/v1/{endpoint}/" for endpoint in API_IDS]

    @property
    def api_details(self):
        return [f"/api/v1/{endpoint}/{pk(self)}/" for endpoint, pk in API_IDS.items()]

    def api_paths(self, endpoint):
        """The list of `endpoint` and the address of one of its things."""
        return [f"/api/v1/{endpoint}/", f"/api/v1/{endpoint}/{API_IDS[endpoint](self)}/"]


API_IDS = {
    "conferences": lambda site: site.conference.pk,
    "sessions": lambda site: site.session.pk,
    "statements": lambda site: site.statement.pk,
    "documents": lambda site: site.document_file.document_id,
    "organizations": lambda site: site.statement.organization_id,
}


@pytest.fixture
def public_site(db):
    conference = ConferenceFactory(convention="ccm")
    session = SessionFactory(conference=conference)
    statement = StatementFactory(session=session, organization=StateFactory(country="NO"))
    document = Document.objects.create(
        conference=conference,
        title_en="Progress report",
        kind="progress_report",
        date=conference.start_date,
        is_published=True,
    )
    document_file = DocumentFile.objects.create(
        document=document, language="en", file=ContentFile(pdf_bytes("Report"), name="r.pdf")
    )
    Update.objects.create(
        conference=conference, title_en="Welcome", body="Registration is open.", is_published=True
    )
    return PublicSite(conference, session, statement, document_file)
