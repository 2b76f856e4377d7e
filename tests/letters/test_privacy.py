"""Passport details are the most sensitive data we hold: in no list, export, download, API
answer or log line; hidden in the admin from staff without the permission of their own; gone
once the registration is anonymised."""

import contextlib
import io
import logging

import openpyxl
import pytest
from django.contrib import admin
from django.http import Http404
from django.test import RequestFactory
from django.urls import reverse

from letters import issuing
from letters.models import Letter
from registrations import personal_data, views
from registrations.models import Registration, VisaRequest
from tests.conftest import staff_member

from .conftest import PASSPORT_NUMBER, pdf_text

# What only a visa letter request holds: its number, place of birth and consulate.
SECRETS = [PASSPORT_NUMBER, "Irbid", "Embassy of Switzerland"]


def readable(response):
    """What a person reads in a page or a download."""
    content_type = response.get("Content-Type", "")
    if response.streaming:
        return b"".join(response.streaming_content).decode(errors="replace")
    if content_type.startswith("application/pdf"):
        return pdf_text(response.content)
    if "spreadsheet" in content_type:
        book = openpyxl.load_workbook(io.BytesIO(response.content))
        return " ".join(
            str(cell) for sheet in book for row in sheet.iter_rows(values_only=True) for cell in row
        )
    return response.content.decode(errors="replace")


def assert_nothing_secret(response, where):
    assert response.status_code in (200, 302), (where, response.status_code)
    text = readable(response)
    for secret in SECRETS:
        assert secret not in text, (where, secret)


def every_admin_page(user, exempt=()):
    """Each model's list in the admin the user may see, and the change page of each row."""
    urls = []
    request = RequestFactory().get("/")
    request.user = user
    for model, model_admin in admin.site._registry.items():
        if not model_admin.has_view_permission(request):
            continue
        info = (model._meta.app_label, model._meta.model_name)
        urls.append(reverse("admin:{}_{}_changelist".format(*info)))
        for pk in model._default_manager.values_list("pk", flat=True)[:5]:
            url = reverse("admin:{}_{}_change".format(*info), args=[pk])
            if (model, pk) not in exempt:
                urls.append(url)
            if hasattr(model, "history"):
                urls.append(reverse("admin:{}_{}_history".format(*info), args=[pk]))
    return urls


def organizer_downloads(conference):
    slug = conference.slug
    return [
        reverse("admin:index"),
        reverse("organizers:dashboard", args=[slug]),
        reverse("organizers:check_in", args=[slug]),
        reverse("organizers:figures", args=[slug]),
        reverse("admin:registrations_registration_export", args=["csv"]),
        reverse("admin:registrations_registration_export", args=["xlsx"]),
        reverse("organizers:participants_list", args=[slug])
        + "?document=list&language=en&edition=secretariat",
        reverse("organizers:credentials_report", args=[slug]) + "?language=en&format=csv",
    ]


def actions_on_everyone(client, model, action):
    pks = [str(pk) for pk in model.objects.values_list("pk", flat=True)]
    url = reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_changelist")
    return client.post(url, {"action": action, "_selected_action": pks})


@pytest.fixture
def issued(asking):
    return issuing.issue_visa_letters(Registration.objects.all(), None).letters[0]


def test_an_organizer_reads_no_passport_detail_anywhere(client, organizer, asking, issued):
    client.force_login(organizer)

    for url in every_admin_page(organizer) + organizer_downloads(asking.conference):
        assert_nothing_secret(client.get(url), url)
    for model, action in [
        (Registration, "print_badges_a4"),
        (Registration.delegate.field.related_model, "export_personal_data"),
    ]:
        assert_nothing_secret(actions_on_everyone(client, model, action), action)
    pdf = reverse("organizers:letter_pdf", args=[issued.conference.slug, issued.pk])
    assert client.get(pdf).status_code == 403


def test_staff_allowed_to_see_them_read_them_only_on_the_request_and_the_letter(
    client, admin_user, asking, issued
):
    client.force_login(admin_user)
    visa_page = (VisaRequest, asking.visa_request.pk)

    for url in every_admin_page(admin_user, exempt=[visa_page]) + organizer_downloads(
        asking.conference
    ):
        assert_nothing_secret(client.get(url), url)
    change = reverse("admin:registrations_visarequest_change", args=[asking.visa_request.pk])
    assert PASSPORT_NUMBER in client.get(change).content.decode()
    pdf = client.get(reverse("organizers:letter_pdf", args=[issued.conference.slug, issued.pk]))
    assert PASSPORT_NUMBER in pdf_text(pdf.content)


def test_the_admin_masks_them_from_staff_without_the_permission(client, organizer, asking):
    client.force_login(organizer)
    change = reverse("admin:registrations_visarequest_change", args=[asking.visa_request.pk])

    page = client.get(change).content.decode()

    assert "Hidden" in page
    assert PASSPORT_NUMBER not in page
    client.post(change, {"passport_number": "Z0000000"})
    assert VisaRequest.objects.get().passport_number == PASSPORT_NUMBER


def test_a_visa_officer_corrects_them_under_the_delegates_rules(client, django_user_model, asking):
    client.force_login(staff_member(django_user_model, "visa", "Visa officers"))
    change = reverse("admin:registrations_visarequest_change", args=[asking.visa_request.pk])
    page = client.get(change)
    data = {
        name: value.isoformat() if hasattr(value, "isoformat") else value
        for name, value in page.context["adminform"].form.initial.items()
    }

    refused = client.post(change, {**data, "passport_number": "A B"})
    accepted = client.post(change, {**data, "passport_number": "Z0000001"})

    assert "without spaces" in refused.content.decode()
    assert accepted.status_code == 302
    assert VisaRequest.objects.get().passport_number == "Z0000001"


def test_the_admin_s_search_never_finds_a_request_by_a_passport_detail(client, admin_user, asking):
    client.force_login(admin_user)
    for model in ("registration", "visarequest"):
        for secret in SECRETS:
            url = reverse(f"admin:registrations_{model}_changelist")
            found = client.get(url, {"q": secret}).context["cl"].result_count
            assert found == 0, (model, secret)


@pytest.mark.shared_parts
def test_no_api_answer_holds_them(client, asking, issued):
    for endpoint in ["conferences", "sessions", "statements", "documents", "organizations"]:
        assert_nothing_secret(client.get(f"/api/v1/{endpoint}/"), endpoint)


@pytest.mark.shared_parts
def test_no_log_line_holds_them(client, caplog, conference, jordan):
    from .test_visa_request import register

    caplog.set_level(logging.DEBUG)
    register(client, conference, jordan)
    register(client, conference, jordan, birth_date="not a date")
    issuing.issue_visa_letters(Registration.objects.all(), None)

    for record in caplog.records:
        for secret in SECRETS:
            assert secret not in record.getMessage()


def test_error_reports_leave_the_posted_details_out(conference):
    request = RequestFactory().post("/", {"visa-passport_number": PASSPORT_NUMBER})
    # The conference does not exist: only the marks the view leaves on the request matter.
    with contextlib.suppress(Http404):
        views.register(request, "no-such-conference")
    assert "visa-passport_number" in request.sensitive_post_parameters


def test_anonymisation_deletes_them_first_and_the_letters_state_nothing(asking, issued):
    personal_data.anonymise(Registration.objects.all())

    assert not VisaRequest.objects.exists()
    letter = Letter.objects.get()
    assert letter.name == ""
    assert letter.particulars == {}


@pytest.mark.parametrize(
    ("model", "lookup"),
    [
        ("registrations_visarequest", "passport_number__startswith"),
        ("registrations_visarequest", "birth_place__icontains"),
        ("registrations_visarequest", "consulate__icontains"),
        ("registrations_visarequest", "name_in_passport__icontains"),
        ("registrations_visarequest", "registration__visa_request__passport_number"),
        ("letters_letter", "particulars__passport_number__startswith"),
        ("letters_letter", "name__startswith"),
        ("registrations_registration", "visa_request__passport_number__startswith"),
        ("registrations_delegate", "registrations__visa_request__passport_number__startswith"),
        ("registrations_attendance", "registration__visa_request__passport_number__startswith"),
        ("registrations_delivery", "registration__visa_request__passport_number__startswith"),
    ],
)
def test_no_list_answers_a_guess_at_a_passport_detail(
    client, organizer, asking, issued, model, lookup
):
    """A filter in the address would tell, by the count left, whether a guess was right."""
    asking.check_in(organizer)
    client.force_login(organizer)
    url = reverse(f"admin:{model}_changelist")
    right = {"passport_number": "P4X", "birth_place": "Irb", "consulate": "Embassy"}
    guess = next((value for key, value in right.items() if key in lookup), "RANIA")

    response = client.get(url, {lookup: guess})

    # The admin refuses a lookup it does not offer, and counts nothing.
    assert response.status_code == 400


def test_the_lists_own_filters_still_work(client, organizer, asking, issued):
    client.force_login(organizer)
    conference = asking.conference.pk

    for url, filters in [
        (
            "admin:registrations_visarequest_changelist",
            {"registration__conference__id__exact": conference, "letter": "issued"},
        ),
        (
            "admin:letters_letter_changelist",
            {"conference__id__exact": conference, "kind__exact": "visa"},
        ),
        ("admin:letters_letter_changelist", {"withdrawn_at__isempty": "1"}),
    ]:
        response = client.get(reverse(url), filters)
        assert response.status_code == 200, url
        assert response.context["cl"].result_count == 1, url
