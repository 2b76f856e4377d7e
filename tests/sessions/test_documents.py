"""Official documents: listed by kind, each language downloadable, checked like statements."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile

from sessions import files
from sessions.models import Document, DocumentFile, Statement
from tests.factories import ConferenceFactory, SessionFactory, StateFactory, pdf_bytes

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("storage")]


@pytest.fixture
def conference():
    return ConferenceFactory(
        slug="3msp",
        short_name_en="3MSP",
        start_date=datetime.date(2012, 9, 11),
        end_date=datetime.date(2012, 9, 14),
    )


@pytest.fixture
def report(conference):
    document = Document.objects.create(
        conference=conference,
        symbol="CCM/MSP/2012/5",
        title_en="Oslo Progress Report",
        title_fr="Rapport de situation d'Oslo",
        kind="progress_report",
        date=datetime.date(2012, 9, 14),
        is_published=True,
    )
    for language, text in (("en", "Progress report"), ("fr", "Rapport de situation")):
        DocumentFile.objects.create(
            document=document,
            language=language,
            file=ContentFile(pdf_bytes(text), name="report.pdf"),
        )
    return document


def download(client, document_file, language="en"):
    return client.get(f"/{language}/conferences/3msp/documents/files/{document_file.pk}/")


@pytest.mark.shared_parts
def test_each_language_of_a_document_downloads_with_its_name(client, report):
    english, french = report.files.order_by("language")
    response = download(client, french)
    assert b"".join(response.streaming_content) == pdf_bytes("Rapport de situation")
    assert response["Content-Disposition"] == 'attachment; filename="CCM-MSP-2012-5-FR.pdf"'
    assert response["Content-Type"] == "application/pdf"
    assert response["X-Content-Type-Options"] == "nosniff"
    response = download(client, english)
    assert response["Content-Disposition"] == 'attachment; filename="CCM-MSP-2012-5-EN.pdf"'


@pytest.mark.shared_parts
def test_documents_are_listed_by_kind_on_the_conference_and_its_documents_page(client, report):
    Document.objects.create(
        conference=report.conference,
        title_en="Provisional agenda",
        kind="agenda",
        date=datetime.date(2012, 9, 1),
        is_published=True,
    )
    for path in ("/fr/conferences/3msp/", "/fr/conferences/3msp/documents/"):
        page = client.get(path).content.decode()
        assert "Rapport de situation d&#x27;Oslo" in page
        assert page.index("Ordre du jour") < page.index("Rapport de situation")
        assert "CCM/MSP/2012/5" in page


@pytest.mark.shared_parts
def test_a_draft_document_is_404_to_the_public_and_open_to_staff(client, admin_client, report):
    report.is_published = False
    report.save()
    french = report.files.get(language="fr")
    assert download(client, french).status_code == 404
    assert (
        "Oslo Progress Report" not in client.get("/en/conferences/3msp/documents/").content.decode()
    )
    assert download(admin_client, french).status_code == 200


@pytest.mark.shared_parts
def test_a_disguised_file_is_refused_for_a_document_exactly_as_for_a_statement(monkeypatch, report):
    checked = []
    real_check = files.check

    def check(file):
        checked.append(file.name)
        return real_check(file)

    monkeypatch.setattr(files, "check", check)
    disguised = b"<!doctype html><script>alert(1)</script>"
    refusals = []
    for row in (
        DocumentFile(document=report, language="es", file=SimpleUploadedFile("es.pdf", disguised)),
        Statement(
            session=SessionFactory(conference=report.conference),
            organization=StateFactory(),
            language="en",
            file=SimpleUploadedFile("statement.pdf", disguised),
        ),
    ):
        with pytest.raises(ValidationError) as refused:
            row.full_clean(exclude=["size", "checksum"])
        refusals.append(refused.value.message_dict["file"])
    assert refusals[0] == refusals[1] == [str(files.UNSUPPORTED_FORMAT)]
    assert checked == ["es.pdf", "statement.pdf"]


@pytest.mark.shared_parts
def test_deleting_a_document_deletes_its_files(report, django_capture_on_commit_callbacks):
    storage = report.files.first().file.storage
    names = [f.file.name for f in report.files.all()]
    with django_capture_on_commit_callbacks(execute=True):
        report.delete()
    assert not any(storage.exists(name) for name in names)


@pytest.mark.shared_parts
def test_organizers_add_a_document_with_several_languages_at_once(client, organizer, conference):
    client.force_login(organizer)
    data = {
        "conference": conference.pk,
        "symbol": "CCM/MSP/2012/1",
        "title_en": "Provisional agenda",
        "title_ar": "جدول الأعمال المؤقت",
        "kind": "agenda",
        "date": "2012-09-01",
        "order": 0,
        "is_published": "on",
        "files-TOTAL_FORMS": 4,
        "files-INITIAL_FORMS": 0,
        "files-MIN_NUM_FORMS": 0,
        "files-MAX_NUM_FORMS": 1000,
    }
    for number, language in enumerate(("en", "ar", "fr")):
        data[f"files-{number}-language"] = language
        data[f"files-{number}-file"] = SimpleUploadedFile(
            f"{language}.pdf", pdf_bytes(f"Agenda {language}")
        )
    response = client.post("/admin/programme/document/add/", data)
    assert response.status_code == 302, response.content.decode()[:3000]
    document = Document.objects.get(symbol="CCM/MSP/2012/1")
    assert sorted(document.files.values_list("language", flat=True)) == ["ar", "en", "fr"]


def test_a_statement_editor_cannot_manage_documents(client, statement_editor):
    client.force_login(statement_editor)
    assert client.get("/admin/programme/document/").status_code == 403
