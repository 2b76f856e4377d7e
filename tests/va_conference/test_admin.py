"""The organizers' admin: every page opens, and each group reaches exactly its own pages."""

import datetime
import re

import pytest
from django.contrib import admin
from django.contrib.auth.models import Group, Permission
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from letters import issuing
from letters.models import Letterhead
from registrations.models import (
    Answer,
    Delivery,
    FollowUpForm,
    Message,
    OnlineAttendance,
    Question,
    QuestionChoice,
    QuestionType,
    Registration,
    VisaRequest,
)
from sessions.models import (
    Document,
    DocumentFile,
    InterpretationChannel,
    OnlineMeeting,
    Session,
    Statement,
)
from tests.factories import (
    ConferenceFactory,
    RegistrationFactory,
    RoomFactory,
    SessionFactory,
    StateFactory,
    StatementFactory,
    pdf_bytes,
)
from va_conference.models import Update

pytestmark = pytest.mark.django_db


@pytest.fixture
def one_of_everything(django_user_model):
    statement = StatementFactory()
    RoomFactory(conference=statement.session.conference)
    registration = RegistrationFactory(
        conference=statement.session.conference,
        sessions=[statement.session],
        status="confirmed",
    )
    registration.check_in(by=None)
    message = Message.objects.create(
        conference=registration.conference, subject_en="Shuttle", body_en="At 8:00."
    )
    Delivery.objects.create(message=message, registration=registration)
    document = Document.objects.create(
        conference=registration.conference,
        title_en="Agenda",
        kind="agenda",
        date=registration.conference.start_date,
    )
    DocumentFile.objects.create(
        document=document, language="en", file=ContentFile(pdf_bytes("Agenda"), name="a.pdf")
    )
    Update.objects.create(
        conference=registration.conference, title_en="Welcome", body_en="Welcome."
    )
    statement.file.save("replaced.pdf", ContentFile(pdf_bytes("A replacement")))
    VisaRequest.objects.create(
        registration=registration,
        name_in_passport="AMINA DELEGATE",
        nationality="JO",
        passport_number="P1234567",
        passport_issued_on=datetime.date(2024, 1, 1),
        passport_expires_on=datetime.date(2040, 1, 1),
        birth_date=datetime.date(1980, 1, 1),
        birth_place="Amman",
        consulate="Embassy in Amman",
    )
    issuing.issue_visa_letters(Registration.objects.filter(pk=registration.pk), None)
    Letterhead.objects.create(
        conference=registration.conference, sender="ISU", signatory_name="A", signatory_title="B"
    )
    travel = FollowUpForm.objects.create(
        conference=registration.conference,
        title_en="Travel",
        deadline=datetime.date(2030, 9, 1),
        is_open=True,
    )
    question = Question.objects.create(
        conference=registration.conference,
        label_en="Side events",
        type=QuestionType.CHOICES,
        follow_up=travel,
    )
    choice = QuestionChoice.objects.create(question=question, label_en="Field visit")
    Answer.objects.create(registration=registration, question=question, value=[str(choice.pk)])
    meeting = OnlineMeeting.objects.create(
        session=statement.session, address="https://meet.example.org/j/1", passcode="1"
    )
    InterpretationChannel.objects.create(meeting=meeting, language="fr", channel="2")
    OnlineAttendance.objects.create(registration=registration, day=datetime.date(2030, 9, 10))
    return statement


def admin_url(model, view, *args):
    opts = model._meta
    return reverse(f"admin:{opts.app_label}_{opts.model_name}_{view}", args=args)


@pytest.mark.shared_parts
def test_a_superuser_opens_every_changelist_add_and_change_form(
    admin_client, admin_user, rf, one_of_everything
):
    request = rf.get("/")
    request.user = admin_user
    ours = {"va_conference", "programme", "registrations", "letters"}
    for model, model_admin in admin.site._registry.items():
        if model._meta.app_label not in ours:
            continue
        assert admin_client.get(admin_url(model, "changelist")).status_code == 200, model
        # Some are only made elsewhere (messages, from the registrations they go to).
        addable = model_admin.has_add_permission(request)
        assert admin_client.get(admin_url(model, "add")).status_code == (200 if addable else 403), (
            model
        )
        obj = model._default_manager.first()
        assert obj is not None, model
        assert admin_client.get(admin_url(model, "change", obj.pk)).status_code == 200, model


@pytest.mark.shared_parts
def test_changelists_search_and_filter(admin_client, one_of_everything):
    registration = one_of_everything.session.conference.registrations.get()
    url = admin_url(type(registration), "changelist")
    response = admin_client.get(url, {"q": registration.delegate.email})
    assert registration.reference in response.content.decode()
    for query in (
        {"status__exact": "submitted"},
        {"accessibility": "any"},
        {"country": "CH"},
        {"organization__kind__exact": "ngo"},
    ):
        assert admin_client.get(url, query).status_code == 200, query


def group_permissions(name):
    return {
        f"{p.content_type.app_label}.{p.codename}"
        for p in Permission.objects.filter(group__name=name).select_related("content_type")
    }


def test_the_groups_have_exactly_the_permissions_of_their_roles():
    assert group_permissions("Statement editors") == {
        "programme.add_statement",
        "programme.change_statement",
        "programme.view_statement",
        "programme.publish_statement",
    }
    organizers = group_permissions("Organizers")
    for model in (
        "va_conference.conference",
        "va_conference.organization",
        "programme.session",
        "programme.room",
        "registrations.registration",
        "registrations.delegate",
    ):
        app_label, name = model.split(".")
        for action in ("add", "change", "delete", "view"):
            assert f"{app_label}.{action}_{name}" in organizers
    assert not any(permission.startswith("auth.") for permission in organizers)
    assert Group.objects.filter(name__in=["Organizers", "Statement editors"]).count() == 2


@pytest.mark.shared_parts
def test_a_statement_editor_reaches_statements_and_nothing_else(
    client, statement_editor, one_of_everything
):
    client.force_login(statement_editor)
    statement = one_of_everything
    assert client.get(admin_url(Statement, "changelist")).status_code == 200
    assert client.get(admin_url(Statement, "add")).status_code == 200
    assert client.get(admin_url(Statement, "change", statement.pk)).status_code == 200
    assert client.get(admin_url(Statement, "delete", statement.pk)).status_code == 403

    for model in admin.site._registry:
        if model is Statement:
            continue
        assert client.get(admin_url(model, "changelist")).status_code == 403, model
        assert client.get(admin_url(model, "add")).status_code == 403, model

    index = client.get(reverse("admin:index")).content.decode()
    assert admin_url(Statement, "changelist") in index
    assert admin_url(Session, "changelist") not in index


@pytest.mark.shared_parts
def test_a_statement_editor_can_search_sessions_and_delegations_for_a_statement(
    client, statement_editor, one_of_everything
):
    client.force_login(statement_editor)
    statement = one_of_everything
    for field, choice in (("session", statement.session), ("organization", statement.organization)):
        response = client.get(
            reverse("admin:autocomplete"),
            {"app_label": "programme", "model_name": "statement", "field_name": field, "term": ""},
        )
        assert response.status_code == 200, field
        assert {"id": str(choice.pk), "text": str(choice)} in response.json()["results"]
    # Searching organizations for a registration is not theirs to do.
    response = client.get(
        reverse("admin:autocomplete"),
        {"app_label": "registrations", "model_name": "registration", "field_name": "organization"},
    )
    assert response.status_code == 403


@pytest.mark.shared_parts
def test_a_statement_editor_uploads_and_publishes_a_statement(client, statement_editor):
    session = SessionFactory()
    state = StateFactory()
    client.force_login(statement_editor)
    response = client.post(
        admin_url(Statement, "add"),
        {
            "session": session.pk,
            "organization": state.pk,
            "speaker": "H.E. Ambassador",
            "language": "en",
            "file": SimpleUploadedFile("statement.pdf", pdf_bytes("Norway"), "application/pdf"),
            "is_published": "on",
        },
    )
    assert response.status_code == 302, response.content.decode()
    statement = Statement.objects.get()
    assert statement.is_published and statement.published_at
    assert statement.uploaded_by == statement_editor
    assert statement.size == len(pdf_bytes("Norway"))
    assert len(statement.checksum) == 64
    assert statement.file.name.startswith("statements/")
    assert "statement" not in statement.file.name.removeprefix("statements/")


@pytest.mark.shared_parts
def test_the_statement_form_refuses_a_duplicate_and_a_disguised_file(admin_client):
    existing = StatementFactory()
    data = {
        "session": existing.session.pk,
        "organization": existing.organization.pk,
        "language": "fr",
    }
    existing.file.open("rb")
    duplicate = SimpleUploadedFile("copy.pdf", existing.file.read(), "application/pdf")
    response = admin_client.post(admin_url(Statement, "add"), {**data, "file": duplicate})
    assert response.status_code == 200
    assert "This file has already been uploaded to this session." in response.content.decode()

    disguised = SimpleUploadedFile(
        "statement.pdf", b"<html><script>x</script></html>", "application/pdf"
    )
    response = admin_client.post(admin_url(Statement, "add"), {**data, "file": disguised})
    assert "This file is not a PDF, DOCX or ODT document." in response.content.decode()
    assert Statement.objects.count() == 1


def test_a_session_outside_the_conference_dates_is_a_form_error_not_a_crash(admin_client):
    conference = ConferenceFactory(
        start_date=datetime.date(2019, 9, 10), end_date=datetime.date(2019, 9, 12)
    )
    response = admin_client.post(
        admin_url(Session, "add"),
        {
            "conference": conference.pk,
            "title_en": "Closing plenary",
            "slug": "closing",
            "kind": "plenary",
            "date": "2019-09-13",
            "start_time": "15:00",
            "end_time": "18:00",
            "order": 0,
            "statements-TOTAL_FORMS": 0,
            "statements-INITIAL_FORMS": 0,
        },
    )
    assert response.status_code == 200
    assert "The session must fall within the conference" in response.content.decode()
    assert not Session.objects.exists()


@pytest.mark.shared_parts
def test_an_organizer_manages_conferences_but_not_users(client, organizer, one_of_everything):
    client.force_login(organizer)
    conference = one_of_everything.session.conference
    assert client.get(admin_url(type(conference), "change", conference.pk)).status_code == 200
    assert client.get(reverse("admin:auth_user_changelist")).status_code == 403


def test_arabic_fields_read_right_to_left_inside_the_english_admin(admin_client):
    page = admin_client.get(admin_url(Session, "add")).content.decode()
    title_ar = re.search(r'<input[^>]*name="title_ar"[^>]*>', page).group(0)
    assert 'dir="rtl"' in title_ar and 'lang="ar"' in title_ar
    title_fr = re.search(r'<input[^>]*name="title_fr"[^>]*>', page).group(0)
    assert 'dir="ltr"' in title_fr and 'lang="fr"' in title_fr
    organization = admin_client.get("/admin/va_conference/organization/add/").content.decode()
    assert re.search(r'<input[^>]*name="name_ar"[^>]*dir="rtl"', organization)
