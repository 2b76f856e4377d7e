"""A delegate registers online: the form, its errors, and what a registration holds."""

import datetime
import re
import uuid

import pytest
from django.core import mail
from django.utils import timezone

from registrations.models import Delegate, Registration, Status
from tests.factories import ConferenceFactory, RegistrationFactory, SessionFactory
from tests.registrations.conftest import answers
from va_conference.models import Organization

pytestmark = pytest.mark.django_db


def private_link(email):
    """The private page's path, as the e-mail gives it."""
    return re.search(r"http://testserver(/\w\w/registrations/[\w-]+/)", email.body)[1]


def register_url(conference, language="en"):
    return f"/{language}/conferences/{conference.slug}/register/"


@pytest.fixture
def submit(client, django_capture_on_commit_callbacks):
    """Post the form as a browser does, running the e-mails sent once the data is saved."""

    def submit(conference, data, language="en", **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return client.post(register_url(conference, language), data, **kwargs)

    return submit


def test_the_conference_page_invites_to_register_while_registration_is_open(client, conference):
    page = client.get(f"/en/conferences/{conference.slug}/").content.decode()
    assert f'href="{register_url(conference)}"' in page
    assert "Register for this conference" in page


def test_the_form_asks_everything_a_delegate_needs_to_say(client, conference, jordan):
    response = client.get(register_url(conference, "fr"))
    assert response.status_code == 200
    page = response.content.decode()
    for name in (
        "honorific",
        "given_name",
        "family_name",
        "email",
        "phone",
        "job_title",
        "organization",
        "new_organization_name",
        "role",
        "sessions",
        "needs_step_free_access",
        "sign_language",
        "needs_captioning",
        "needs_accessible_documents",
        "has_personal_assistant",
        "other_accessibility_needs",
        "sponsorship_requested",
        "sponsorship_justification",
        "consents_to_public_listing",
        "privacy_accepted",
    ):
        assert f'name="{name}"' in page, name
    assert "Les défis de l&#x27;intégration" in page
    assert 'data-search="Jordan Jordanie الأردن"' in page
    # Optional fields say so; the form leaves checking to the server, which explains errors.
    assert "(facultatif)" in page or "(optional)" not in page
    assert "novalidate" in page


@pytest.mark.shared_parts
def test_a_delegate_registers_and_gets_a_reference_a_private_link_and_an_email(
    submit, conference, jordan
):
    session = conference.sessions.get(slug="challenges")
    response = submit(
        conference,
        answers(jordan, language="fr", sessions=[session.pk], needs_captioning="on"),
        language="fr",
    )

    registration = Registration.objects.get()
    assert response.status_code == 302
    # The private link goes to the address only, never to whoever filled in the form.
    assert response["Location"] == f"/fr/conferences/{conference.slug}/register/sent/"
    assert re.fullmatch(r"AMM30-[0-9A-HJKMNP-TV-Z]{5}", registration.reference)
    assert len(registration.token) >= 43  # 256 bits in URL-safe base 64
    assert registration.status == Status.SUBMITTED
    assert registration.organization == jordan
    assert registration.role == "delegate"
    assert list(registration.sessions.all()) == [session]
    assert registration.needs_captioning
    assert registration.consents_to_public_listing
    assert registration.privacy_accepted_at is not None
    assert registration.language == "fr"

    [email] = mail.outbox
    assert email.to == ["amina.haddad@example.org"]
    assert registration.reference in email.subject
    assert "Nous avons bien reçu votre inscription" in email.body
    assert f"http://testserver/fr/registrations/{registration.token}/" in email.body


@pytest.mark.shared_parts
def test_the_form_answers_check_your_email_and_gives_no_link(submit, conference, jordan):
    response = submit(conference, answers(jordan), follow=True)
    page = response.content.decode()
    registration = Registration.objects.get()
    assert "Check your e-mail" in page
    assert "amina.haddad@example.org" in page
    assert registration.token not in page
    assert registration.reference not in page


@pytest.mark.shared_parts
def test_the_delegates_page_shows_what_was_registered(client, submit, conference, jordan):
    submit(conference, answers(jordan))
    registration = Registration.objects.get()
    page = client.get(private_link(mail.outbox[0])).content.decode()
    assert registration.reference in page
    assert "Haddad" in page
    assert "Submitted" in page
    assert "not confirmed yet" in page
    assert "amina.haddad@example.org" in page


@pytest.mark.shared_parts
def test_names_in_any_script_are_stored_and_shown_as_typed(submit, client, conference, jordan):
    names = {"given_name": "Ελένη-Zoë", "family_name": "عبد الله 李 Łukasiewicz"}
    submit(conference, answers(jordan, **names))
    registration = Registration.objects.get()
    assert (registration.given_name, registration.family_name) == (
        "Ελένη-Zoë",
        "عبد الله 李 Łukasiewicz",
    )
    page = client.get(private_link(mail.outbox[0])).content.decode()
    assert "عبد الله 李 Łukasiewicz" in page


@pytest.mark.shared_parts
def test_errors_are_shown_next_to_each_field_and_everything_typed_is_kept(
    submit, conference, jordan
):
    response = submit(
        conference,
        answers(
            jordan,
            given_name="",
            email="not-an-address",
            phone="22 24 36 00",
            job_title="Ministre délégué",
            other_accessibility_needs="A quiet room",
            privacy_accepted=None,
        ),
        language="fr",
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert Registration.objects.count() == 0
    assert "<title>Erreur" in page
    assert 'id="error-summary"' in page
    assert 'aria-describedby="id_email_helptext id_email_error"' in page
    # Django's words or another installed app's: in French either way.
    assert "adresse" in response.context["form"].errors["email"][0]
    assert "format international" in page
    assert "politique de confidentialité" in page or "avis de confidentialité" in page
    # Nothing typed is lost.
    assert 'value="not-an-address"' in page
    assert 'value="Ministre délégué"' in page
    assert "A quiet room" in page
    assert mail.outbox == []


@pytest.mark.shared_parts
@pytest.mark.parametrize(
    "changes, field",
    [
        ({"given_name": "A" * 10_000}, "given_name"),
        ({"family_name": "B" * 10_000}, "family_name"),
        ({"email": "amina@@example"}, "email"),
        ({"sessions": ["999999"]}, "sessions"),
        ({"organization": "999999"}, "organization"),
        ({"organization": ""}, "organization"),
        ({"role": "president"}, "role"),
        ({"sponsorship_requested": "on"}, "sponsorship_justification"),
        ({"needs_sign_language": "on"}, "sign_language"),
        ({"submission_key": "not-a-uuid"}, "submission_key"),
    ],
)
def test_bad_input_is_refused_with_an_error_on_its_field(
    submit, conference, jordan, changes, field
):
    response = submit(conference, answers(jordan, **changes))
    assert response.status_code == 200
    assert field in response.context["form"].errors
    assert Registration.objects.count() == 0
    assert Delegate.objects.count() == 0


@pytest.mark.shared_parts
def test_a_session_of_another_conference_is_refused(submit, conference, jordan):
    elsewhere = SessionFactory(conference=ConferenceFactory())
    response = submit(conference, answers(jordan, sessions=[elsewhere.pk]))
    assert "sessions" in response.context["form"].errors
    assert Registration.objects.count() == 0


@pytest.mark.shared_parts
def test_markup_typed_into_every_field_is_shown_as_text(client, submit, conference, jordan):
    script = "<script>alert(1)</script>"
    text_fields = {
        "given_name": script,
        "family_name": script,
        "job_title": script,
        "gender": script,
        "other_accessibility_needs": script,
        "needs_sign_language": "on",
        "sign_language": script,
        "sponsorship_requested": "on",
        "sponsorship_justification": script,
    }
    submit(conference, answers(jordan, **text_fields))
    page = client.get(private_link(mail.outbox[0])).content.decode()
    assert script not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    registration = Registration.objects.get()
    assert registration.given_name == script  # stored as typed
    # A plain-text e-mail shows the name as typed: no HTML reads it.
    assert f"Dear {script} {script}," in mail.outbox[0].body

    # The form shown again with an error escapes it too.
    response = submit(conference, answers(jordan, **text_fields, email="x"))
    assert script not in response.content.decode()


@pytest.mark.shared_parts
def test_a_delegate_may_propose_an_organization_missing_from_the_list(submit, conference):
    response = submit(
        conference,
        answers(
            None,
            new_organization_name="Landmine Survivors Network Jordan",
            new_organization_kind="survivors",
            new_organization_country="JO",
        ),
    )
    assert response.status_code == 302
    proposed = Organization.objects.get(name_en="Landmine Survivors Network Jordan")
    assert not proposed.is_verified
    assert proposed.kind == "survivors"
    assert proposed.country == "JO"
    assert Registration.objects.get().organization == proposed


@pytest.mark.shared_parts
def test_a_proposal_naming_a_known_organization_uses_it(
    submit, conference, jordan, disability_alliance
):
    submit(
        conference,
        answers(
            None,
            new_organization_name="international disability alliance",
            new_organization_kind="dpo",
        ),
    )
    assert Registration.objects.get().organization == disability_alliance
    assert Organization.objects.count() == 2


@pytest.mark.shared_parts
def test_a_proposal_must_say_what_kind_of_organization_it_is(submit, conference):
    response = submit(conference, answers(None, new_organization_name="Some network"))
    assert "new_organization_kind" in response.context["form"].errors
    assert not Organization.objects.filter(name_en="Some network").exists()


@pytest.mark.shared_parts
def test_the_same_email_cannot_register_twice_for_one_conference(submit, conference, jordan):
    first = submit(conference, answers(jordan))
    again = submit(conference, answers(jordan, email="Amina.Haddad@EXAMPLE.org", given_name="X"))
    # The answer tells nothing about the address: the same as for a first registration.
    assert again.status_code == 302
    assert again["Location"] == first["Location"]
    registration = Registration.objects.get()
    assert registration.given_name == "Amina"
    # The address's owner is told, with the link of the registration they have.
    received, already = mail.outbox
    assert already.to == ["amina.haddad@example.org"]
    assert "already registered" in already.subject
    assert private_link(already) == private_link(received)


@pytest.mark.shared_parts
def test_a_double_clicked_submit_creates_one_registration(client, submit, conference, jordan):
    data = answers(jordan, submission_key=str(uuid.uuid4()))
    first = submit(conference, data)
    second = submit(conference, data)
    assert Registration.objects.count() == 1
    assert first["Location"] == second["Location"]
    assert len(mail.outbox) == 1


@pytest.mark.shared_parts
def test_an_earlier_cancelled_registration_does_not_stop_a_new_one(submit, conference, jordan):
    earlier = RegistrationFactory(
        conference=conference,
        delegate__email="amina.haddad@example.org",
        status=Status.CANCELLED,
    )
    response = submit(conference, answers(jordan))
    assert response.status_code == 302
    assert Registration.objects.exclude(pk=earlier.pk).get().delegate == earlier.delegate


@pytest.mark.shared_parts
def test_beyond_capacity_a_delegate_is_wait_listed_and_told_so(client, submit, conference, jordan):
    conference.capacity = 1
    conference.save()
    RegistrationFactory(conference=conference, status=Status.CONFIRMED)
    submit(conference, answers(jordan))
    registration = Registration.objects.get(delegate__email="amina.haddad@example.org")
    assert registration.status == Status.WAITLISTED
    assert "waiting list" in mail.outbox[0].subject
    assert "waiting list" in client.get(private_link(mail.outbox[0])).content.decode()


@pytest.mark.shared_parts
def test_the_honeypot_field_stops_robots(submit, conference, jordan):
    response = submit(conference, answers(jordan, website="http://spam.example"))
    assert response.status_code == 200
    assert Registration.objects.count() == 0


@pytest.mark.shared_parts
def test_too_many_submissions_from_one_address_are_answered_429(
    submit, settings, conference, jordan
):
    settings.PUBLIC_FORM_RATE_LIMIT = 3
    for _attempt in range(3):
        assert submit(conference, answers(jordan, email="")).status_code == 200
    response = submit(conference, answers(jordan), language="es")
    assert response.status_code == 429
    assert int(response["Retry-After"]) > 0
    assert "Demasiados intentos" in response.content.decode()
    assert Registration.objects.count() == 0


@pytest.mark.parametrize(
    "opens, closes, message",
    [
        (1, 10, "Registration is not open yet"),
        (-10, -1, "Registration for this conference is closed"),
    ],
)
def test_outside_the_registration_period_the_form_is_closed_with_a_clear_page(
    client, submit, conference, jordan, opens, closes, message
):
    now = timezone.now()
    conference.registration_opens_at = now + datetime.timedelta(days=opens)
    conference.registration_closes_at = now + datetime.timedelta(days=closes)
    conference.save()
    response = client.get(register_url(conference))
    assert response.status_code == 200
    assert message in response.content.decode()
    assert 'name="given_name"' not in response.content.decode()

    response = submit(conference, answers(jordan))
    assert message in response.content.decode()
    assert Registration.objects.count() == 0


def test_a_past_conference_takes_no_registration(client):
    conference = ConferenceFactory(
        start_date=datetime.date(2019, 9, 10), end_date=datetime.date(2019, 9, 12)
    )
    assert "has taken place" in client.get(register_url(conference)).content.decode()


def test_an_unpublished_conference_has_no_form(client, admin_client, conference):
    conference.is_published = False
    conference.save()
    assert client.get(register_url(conference)).status_code == 404
    assert admin_client.get(register_url(conference)).status_code == 404
