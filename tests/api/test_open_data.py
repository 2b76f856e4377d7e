"""The open-data API: public facts only, in the language asked for, cacheable, throttled."""

import datetime

import pytest
from django.core.files.base import ContentFile
from django.db import connection
from django.test.utils import CaptureQueriesContext

from registrations.models import Delegate, Registration
from sessions import releases, search
from sessions.models import Document, DocumentFile, Session, Statement
from tests.factories import (
    ConferenceFactory,
    OrganizationFactory,
    RegistrationFactory,
    SessionFactory,
    StateFactory,
    StatementFactory,
    odt_bytes,
    pdf_bytes,
)
from va_conference.models import Conference

pytestmark = [pytest.mark.django_db, pytest.mark.shared_parts]

ENDPOINTS = ["conferences", "sessions", "statements", "documents", "organizations"]


@pytest.fixture
def record():
    conference = ConferenceFactory(
        slug="3msp",
        title_en="Third Meeting of States Parties",
        title_fr="Troisième Assemblée des États parties",
        convention="ccm",
        start_date=datetime.date(2012, 9, 11),
        end_date=datetime.date(2012, 9, 14),
    )
    session = SessionFactory(
        conference=conference,
        slug="victim-assistance",
        title_en="Victim assistance",
        title_fr="Assistance aux victimes",
    )
    SessionFactory(conference=conference, title_en="Closed session", is_public=False)
    norway = StateFactory(country="NO", name_en="Norway", name_fr="Norvège")
    StatementFactory(session=session, organization=norway, language="en")
    StatementFactory(session=session, organization=StateFactory(country="LA"), is_published=False)
    document = Document.objects.create(
        conference=conference,
        title_en="Oslo Progress Report",
        kind="progress_report",
        date=datetime.date(2012, 9, 14),
        is_published=True,
    )
    DocumentFile.objects.create(
        document=document, language="en", file=ContentFile(pdf_bytes("Report"), name="r.pdf")
    )
    Document.objects.create(
        conference=conference, title_en="Draft", kind="final_report", date=conference.end_date
    )
    ConferenceFactory(slug="draft", title_en="Draft conference", is_published=False)
    RegistrationFactory(conference=conference, organization=norway, delegate__email="x@x.org")
    return conference


def get(client, path, **params):
    response = client.get(f"/api/v1/{path}", params)
    assert response.status_code == 200, response.content
    return response.json()


def test_drafts_never_appear(client, record):
    assert [c["slug"] for c in get(client, "conferences/")["results"]] == ["3msp"]
    assert [s["title"] for s in get(client, "sessions/")["results"]] == ["Victim assistance"]
    statements = get(client, "statements/")["results"]
    assert len(statements) == 1
    [document] = get(client, "documents/")["results"]
    assert document["title"] == "Oslo Progress Report"


def test_a_statement_carries_its_file_facts_and_download_url(client, record):
    [statement] = get(client, "statements/")["results"]
    assert statement["language"] == "en"
    assert statement["size"] > 0 and len(statement["checksum"]) == 64
    download = client.get(statement["download_url"])
    assert download.status_code == 200
    assert download["Content-Type"] == "application/pdf"


def test_french_titles_with_english_fallback(client, record):
    [conference] = get(client, "conferences/", lang="fr")["results"]
    assert conference["title"] == "Troisième Assemblée des États parties"
    [document] = get(client, "documents/", lang="fr")["results"]
    assert document["title"] == "Oslo Progress Report"  # no French title: English
    response = client.get("/api/v1/sessions/", HTTP_ACCEPT_LANGUAGE="fr")
    assert response["Content-Language"] == "fr"
    assert response.json()["results"][0]["title"] == "Assistance aux victimes"


def test_filters_combine(client, record):
    norway = (
        record.sessions.get(slug="victim-assistance").statements.get(is_published=True).organization
    )
    assert get(client, "statements/", organization=norway.pk, language="en")["count"] == 1
    assert get(client, "statements/", organization=norway.pk, language="fr")["count"] == 0
    assert get(client, "statements/", conference=record.pk, organization_kind="state")["count"]
    assert get(client, "organizations/", kind="state", country="NO")["count"] == 1


def test_a_conditional_get_answers_304(client, record):
    response = client.get("/api/v1/conferences/")
    etag = response["ETag"]
    again = client.get("/api/v1/conferences/", HTTP_IF_NONE_MATCH=etag)
    assert again.status_code == 304


def test_anonymous_clients_are_throttled(client, settings, record):
    settings.REST_FRAMEWORK = {**settings.REST_FRAMEWORK}
    from rest_framework.throttling import AnonRateThrottle

    rates = AnonRateThrottle.THROTTLE_RATES
    AnonRateThrottle.THROTTLE_RATES = {**rates, "anon": "3/minute"}
    try:
        for _request in range(3):
            assert client.get("/api/v1/organizations/").status_code == 200
        response = client.get("/api/v1/organizations/")
        assert response.status_code == 429
        assert int(response["Retry-After"]) > 0
    finally:
        AnonRateThrottle.THROTTLE_RATES = rates


PERSONAL = {
    field.name
    for model in (Delegate, Registration)
    for field in model._meta.get_fields()
    if field.concrete
} - {
    # Public facts that a registration also points to.
    "id",
    "conference",
    "organization",
    "sessions",
    "language",
    "role",
    "created_at",
    "updated_at",
}


def test_no_field_of_a_delegate_or_registration_is_in_the_schema(client):
    schema = client.get("/api/v1/schema/?format=json").json()
    properties = {
        name
        for component in schema["components"]["schemas"].values()
        for name in component.get("properties", {})
    }
    assert "given_name" in PERSONAL and "email" in PERSONAL and "token" in PERSONAL
    assert properties & PERSONAL == set()
    assert not any("registration" in path or "delegate" in path for path in schema["paths"])


def test_the_documentation_page_is_served_by_the_app(client):
    page = client.get("/api/v1/docs/").content.decode()
    assert "swagger-ui" in page
    assert "cdn" not in page.lower()


@pytest.mark.parametrize("endpoint", ENDPOINTS)
def test_each_list_costs_the_same_whatever_the_page_size(client, endpoint):
    conference = ConferenceFactory()
    for number in range(30):
        session = SessionFactory(conference=conference)
        StatementFactory(session=session, organization=OrganizationFactory())
        document = Document.objects.create(
            conference=conference,
            title_en=f"D{number}",
            kind="other",
            date=conference.start_date,
            is_published=True,
        )
        DocumentFile.objects.create(
            document=document,
            language="en",
            file=ContentFile(pdf_bytes(f"D{number}"), name="d.pdf"),
        )

    def queries(page_size):
        with CaptureQueriesContext(connection) as captured:
            assert client.get(f"/api/v1/{endpoint}/", {"page_size": page_size}).status_code == 200
        return len(captured)

    assert queries(2) == queries(30) <= 5
    with CaptureQueriesContext(connection) as captured:
        client.get(f"/api/v1/{endpoint}/")
    # The text read from each file serves the search only, and may be a whole report.
    assert not [query for query in captured if '"text"' in query["sql"]]


def test_q_searches_the_text_of_statements_and_the_titles_of_documents(client, record):
    session = record.sessions.get(slug="victim-assistance")
    french = StatementFactory(
        session=session,
        organization=StateFactory(country="TD"),
        language="fr",
        file=ContentFile(odt_bytes("Les personnes handicapées et les survivants"), name="s.odt"),
    )
    StatementFactory(
        session=session,
        language="fr",
        is_published=False,
        file=ContentFile(odt_bytes("Les personnes handicapées, en brouillon"), name="d.odt"),
    )

    found = get(client, "statements/", q="handicapées")["results"]

    assert [statement["id"] for statement in found] == [french.pk]
    assert get(client, "statements/", q="handicapées", language="en")["count"] == 0
    assert get(client, "statements/", q="landmines nowhere")["count"] == 0
    documents = get(client, "documents/", q="progress")["results"]
    assert [document["title"] for document in documents] == ["Oslo Progress Report"]
    assert get(client, "documents/", q="draft")["count"] == 0


@pytest.mark.skipif(connection.vendor != "postgresql", reason="ranking is PostgreSQL's")
def test_q_ranks_the_statements_published_last_and_lists_older_ones_newest_first(
    client, record, monkeypatch
):
    monkeypatch.setattr(search, "RANKED", 2)
    session = record.sessions.get(slug="victim-assistance")
    statements = {}
    for name, text, days_ago in [
        ("oldest, most relevant", "survivors survivors survivors survivors", 30),
        ("older", "survivors and landmines", 20),
        ("newer", "survivors and landmines and rehabilitation and employment", 10),
        ("newest, most relevant", "survivors survivors survivors", 1),
    ]:
        statements[name] = StatementFactory(
            session=session, file=ContentFile(pdf_bytes(text), name="s.pdf")
        )
        published_at = datetime.datetime.now(datetime.UTC) - datetime.timedelta(days=days_ago)
        Statement.objects.filter(pk=statements[name].pk).update(published_at=published_at)

    found = get(client, "statements/", q="survivors")

    order = {statement.pk: name for name, statement in statements.items()}
    assert found["count"] == 4
    assert [order[statement["id"]] for statement in found["results"]] == [
        "newest, most relevant",
        "newer",
        "older",
        "oldest, most relevant",
    ]


def test_a_session_is_read_as_released_one_conference_at_a_time(client, record, organizer):
    session = record.sessions.get(slug="victim-assistance")
    hidden = record.sessions.get(is_public=False)
    draft_session = SessionFactory(conference=Conference.objects.get(slug="draft"))
    gone = SessionFactory(conference=record, slug="gone", title_en="Field visit")
    releases.release(record, "Original", organizer)
    # Removed since the release: the public still reads it as released.
    Session.objects.filter(pk=gone.pk).delete()

    assert get(client, f"sessions/{session.pk}/")["title"] == "Victim assistance"
    assert get(client, f"sessions/{gone.pk}/")["title"] == "Field visit"
    for unread in (hidden.pk, draft_session.pk, 999999, "x1"):
        assert client.get(f"/api/v1/sessions/{unread}/").status_code == 404
