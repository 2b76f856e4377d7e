"""The organizers' side: the requests waiting on the dashboard, issuing in bulk or one by one,
withdrawing, certificates for the selected registrations, the letterhead."""

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from letters import documents
from letters.models import Kind, Letter, Letterhead
from registrations.models import Registration, Status, VisaRequest
from tests.conftest import staff_member
from tests.factories import RegistrationFactory

from .conftest import passport_details, pdf_text

TINY_PNG = (
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f"
    b"\x15\xc4\x89\x00\x00\x00\rIDATx\x9cc\xf8\xcf\xc0\xf0\x1f\x00\x05\x00\x01\xff\x89\x99=\x1d"
    b"\x00\x00\x00\x00IEND\xaeB`\x82"
)


def requesting(conference, count, status=Status.CONFIRMED):
    made = []
    for _number in range(count):
        registration = RegistrationFactory(conference=conference, status=status)
        VisaRequest.objects.create(registration=registration, **passport_details(conference))
        made.append(registration)
    return made


def dashboard_task(client, conference, label):
    tasks = client.get(reverse("organizers:dashboard", args=[conference.slug])).context["to_do"]
    return next(task for task in tasks if str(task.label) == label)


def select(client, model, action, pks):
    return client.post(
        reverse(f"admin:{model}_changelist"),
        {"action": action, "_selected_action": [str(pk) for pk in pks]},
        follow=True,
    )


def test_the_dashboard_counts_the_letters_to_issue_and_links_to_them(client, organizer, asking):
    requesting(asking.conference, 2)
    requesting(asking.conference, 1, status=Status.SUBMITTED)
    client.force_login(organizer)

    task = dashboard_task(client, asking.conference, "Visa letters to issue")

    assert task.count == 3
    assert client.get(task.url).context["cl"].result_count == 3


def test_an_organizer_issues_the_selected_in_bulk_and_is_told_what_was_not(
    client, organizer, asking, django_capture_on_commit_callbacks
):
    others = requesting(asking.conference, 2)
    waiting = requesting(asking.conference, 1, status=Status.WAITLISTED)
    client.force_login(organizer)
    pks = VisaRequest.objects.values_list("pk", flat=True)

    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        response = select(client, "registrations_visarequest", "issue_letters", pks)

    text = response.content.decode()
    assert "3 visa letters issued" in text
    assert "1 not issued: not confirmed" in text
    assert Letter.objects.filter(kind=Kind.VISA).count() == 3
    assert not Letter.objects.filter(registration=waiting[0]).exists()
    assert {letter.issued_by for letter in Letter.objects.all()} == {organizer}
    assert len(callbacks) == 3
    task = dashboard_task(client, asking.conference, "Visa letters to issue")
    assert task.count == 0
    assert others


def test_issuing_needs_the_right_to_add_letters(client, django_user_model, asking):
    editor = staff_member(django_user_model, "editor", "Statement editors")
    client.force_login(editor)

    select(client, "registrations_visarequest", "issue_letters", [asking.visa_request.pk])

    assert not Letter.objects.exists()


def test_a_withdrawn_letter_goes_back_to_the_letters_to_issue(client, organizer, asking):
    client.force_login(organizer)
    select(client, "registrations_visarequest", "issue_letters", [asking.visa_request.pk])
    letter = Letter.objects.get()

    response = select(client, "letters_letter", "withdraw", [letter.pk])

    assert "1 letter withdrawn" in response.content.decode()
    letter.refresh_from_db()
    assert letter.withdrawn_by == organizer
    assert dashboard_task(client, asking.conference, "Visa letters to issue").count == 1


def test_certificates_in_bulk_go_only_to_those_checked_in(client, organizer, asking):
    conference = asking.conference
    today = timezone.localdate(timezone=conference.tzinfo)
    conference.start_date = today - datetime.timedelta(days=2)
    conference.end_date = today
    conference.save()
    asking.check_in(organizer, day=today)
    absent = RegistrationFactory(conference=conference, status=Status.CONFIRMED)
    client.force_login(organizer)

    response = select(
        client, "registrations_registration", "issue_certificates", [asking.pk, absent.pk]
    )

    text = response.content.decode()
    assert "1 certificate issued" in text
    assert "1 not issued: never checked in" in text
    [certificate] = Letter.objects.filter(kind=Kind.ATTENDANCE)
    assert certificate.registration == asking
    assert certificate.days == [today.isoformat()]


@pytest.mark.shared_parts
def test_the_letterhead_prints_its_logo_signature_and_signatory(client, organizer, asking):
    client.force_login(organizer)
    response = client.post(
        reverse("admin:letters_letterhead_add"),
        {
            "conference": asking.conference.pk,
            "sender": "Implementation Support Unit",
            "signatory_name": "Sheila Mweemba",
            "signatory_title": "Head of the Implementation Support Unit",
            "logo": SimpleUploadedFile("logo.png", TINY_PNG, "image/png"),
            "signature": SimpleUploadedFile("signature.png", TINY_PNG, "image/png"),
        },
    )
    assert response.status_code == 302
    letterhead = Letterhead.objects.get()
    select(client, "registrations_visarequest", "issue_letters", [asking.visa_request.pk])

    content = documents.pdf(Letter.objects.get())

    text = pdf_text(content)
    assert "Sheila Mweemba" in text
    assert "Implementation Support Unit" in text
    assert letterhead.logo.storage.exists(letterhead.logo.name)


def test_a_letterhead_image_must_be_an_image(client, organizer, conference):
    client.force_login(organizer)

    response = client.post(
        reverse("admin:letters_letterhead_add"),
        {
            "conference": conference.pk,
            "sender": "ISU",
            "signatory_name": "A",
            "signatory_title": "B",
            "logo": SimpleUploadedFile("logo.png", b"not an image", "image/png"),
        },
    )

    assert response.status_code == 200
    assert not Letterhead.objects.exists()


@pytest.mark.parametrize("count", [2, 12])
def test_the_lists_queries_do_not_grow_with_the_requests(client, admin_user, conference, count):
    requesting(conference, count)
    client.force_login(admin_user)
    Registration.objects.update(status=Status.CONFIRMED)
    select(
        client,
        "registrations_visarequest",
        "issue_letters",
        VisaRequest.objects.values_list("pk", flat=True),
    )
    counts = {}
    for name in ("registrations_visarequest", "letters_letter"):
        with CaptureQueriesContext(connection) as queries:
            assert client.get(reverse(f"admin:{name}_changelist")).status_code == 200
        counts[name] = len(queries)
    assert counts["registrations_visarequest"] <= 12
    assert counts["letters_letter"] <= 12


def test_an_organizer_issues_one_letter_from_its_request_s_page(client, organizer, asking):
    client.force_login(organizer)
    change = reverse("admin:registrations_visarequest_change", args=[asking.visa_request.pk])
    issue = reverse(
        "organizers:issue_visa_letter", args=[asking.conference.slug, asking.visa_request.pk]
    )
    assert issue in client.get(change).content.decode()

    assert client.get(issue).status_code == 405
    response = client.post(issue, follow=True)
    client.post(issue)

    assert "1 visa letter issued" in response.content.decode()
    assert Letter.objects.get().registration == asking
    assert issue not in client.get(change).content.decode()


def test_issuing_from_the_page_needs_the_right_to_add_letters(client, django_user_model, asking):
    client.force_login(staff_member(django_user_model, "editor", "Statement editors"))

    response = client.post(
        reverse(
            "organizers:issue_visa_letter", args=[asking.conference.slug, asking.visa_request.pk]
        )
    )

    assert response.status_code == 403
    assert not Letter.objects.exists()


def test_a_sample_letter_shows_the_letterhead_before_any_is_issued(client, organizer, conference):
    letterhead = Letterhead.objects.create(
        conference=conference,
        sender="Implementation Support Unit",
        signatory_name="Sheila Mweemba",
        signatory_title="Head of the Unit",
    )
    client.force_login(organizer)
    sample = reverse("organizers:letterhead_sample", args=[conference.slug])
    page = client.get(reverse("admin:letters_letterhead_change", args=[letterhead.pk]))
    assert sample in page.content.decode()

    response = client.get(sample)

    text = pdf_text(response.content)
    assert "Sheila Mweemba" in text
    assert "SAMPLE NAME" in text
    assert not Letter.objects.exists()


def test_the_sample_needs_the_right_to_see_letterheads(client, django_user_model, conference):
    Letterhead.objects.create(
        conference=conference, sender="ISU", signatory_name="A", signatory_title="B"
    )
    client.force_login(staff_member(django_user_model, "editor", "Statement editors"))

    response = client.get(reverse("organizers:letterhead_sample", args=[conference.slug]))

    assert response.status_code == 403
