"""The conference's own paragraph in its status e-mails: written in each language, previewed in
each before it is saved, with only a few placeholders; the rest of each e-mail, the private link
and the cancel line, stays as the site writes it."""

import pytest
from django.urls import reverse

from registrations import status_emails
from registrations.models import EmailKind, FollowUpForm, OwnWords, Status
from tests.factories import RegistrationFactory

pytestmark = pytest.mark.django_db

PARAGRAPH_EN = "Dear {name}, bring your badge ({reference}) and your passport to {conference}."
PARAGRAPH_FR = "Apportez votre badge ({reference}) et votre passeport\u00a0: {link}"


@pytest.fixture
def edit(conference):
    return reverse("organizers:own_words_edit", args=[conference.slug, EmailKind.CONFIRMED])


def test_the_dashboard_leads_to_every_email_with_its_own_words(client, organizer, conference):
    client.force_login(organizer)
    dashboard = client.get(reverse("organizers:dashboard", args=[conference.slug]))
    listing = reverse("organizers:own_words", args=[conference.slug])
    assert listing in dashboard.content.decode()
    page = client.get(listing).content.decode()
    for kind in ("submitted", "waitlisted", "confirmed", "declined", "follow_up_reminder"):
        assert reverse("organizers:own_words_edit", args=[conference.slug, kind]) in page


def test_a_preview_shows_each_language_and_saves_nothing(client, organizer, conference, edit):
    client.force_login(organizer)
    response = client.post(
        edit, {"text_en": PARAGRAPH_EN, "text_fr": PARAGRAPH_FR, "preview": "Preview"}
    )
    assert response.status_code == 200
    assert not OwnWords.objects.exists()
    previews = {code: (subject, body) for _n, code, subject, body in response.context["previews"]}
    assert set(previews) == {"en", "fr", "es", "ar"}
    reference = f"{conference.reference_prefix}-0001"
    subject, body = previews["en"]
    assert "is confirmed" in subject
    assert f"Dear Amina Haddad, bring your badge ({reference}) and your passport to " in body
    assert conference.title_en in body
    _subject, body = previews["fr"]
    assert f"Apportez votre badge ({reference})" in body
    assert "/fr/registrations/sample-private-link/" in body
    # Spanish is not written: the English paragraph, in the Spanish e-mail.
    _subject, body = previews["es"]
    assert "Estimado/a Amina Haddad:" in body and "bring your badge" in body
    # The form keeps what was typed.
    assert PARAGRAPH_FR in response.content.decode()


def test_saving_keeps_the_paragraph_in_each_language(client, organizer, conference, edit):
    client.force_login(organizer)
    response = client.post(edit, {"text_en": PARAGRAPH_EN, "text_fr": PARAGRAPH_FR, "save": "1"})
    assert response.status_code == 302
    words = OwnWords.objects.get(conference=conference, kind=EmailKind.CONFIRMED)
    assert (words.text_en, words.text_fr, words.text_es) == (PARAGRAPH_EN, PARAGRAPH_FR, "")
    page = client.get(edit).content.decode()
    assert "bring your badge" in page


def test_an_unknown_placeholder_is_refused_with_the_form_kept(client, organizer, conference, edit):
    client.force_login(organizer)
    typed = "Your hotel is {hotel}; see {link} and {ticket}."
    response = client.post(edit, {"text_en": PARAGRAPH_EN, "text_ar": typed, "save": "1"})
    assert response.status_code == 200
    page = response.content.decode()
    assert "{hotel}, {ticket} are not placeholders: use only {name}, {conference}" in page
    assert typed in page and "bring your badge" in page
    assert not OwnWords.objects.exists()


def test_only_the_status_emails_take_own_words(client, organizer, conference):
    client.force_login(organizer)
    for kind in ("link", "cancelled", "message", "nonsense"):
        url = reverse("organizers:own_words_edit", args=[conference.slug, kind])
        assert client.get(url).status_code == 404


def test_staff_without_the_right_are_refused(client, statement_editor, conference, edit):
    client.force_login(statement_editor)
    assert client.get(edit).status_code == 403
    assert client.post(edit, {"text_en": "Forged", "save": "1"}).status_code == 403
    assert not OwnWords.objects.exists()


def test_the_email_carries_the_paragraph_in_the_delegates_language(conference):
    OwnWords.objects.create(
        conference=conference,
        kind=EmailKind.CONFIRMED,
        text_en=PARAGRAPH_EN,
        text_fr=PARAGRAPH_FR,
    )
    for language, expected in (("fr", "Apportez votre badge"), ("es", "bring your badge")):
        registration = RegistrationFactory(
            conference=conference, status=Status.CONFIRMED, language=language
        )
        email = status_emails.message(registration, EmailKind.CONFIRMED)
        assert expected in email.body
        assert f"({registration.reference})" in email.body
        # The private link is there whatever the paragraph says.
        assert email.body.count(f"/registrations/{registration.token}/") >= 1
    # Another kind of e-mail does not carry it.
    email = status_emails.message(registration, EmailKind.DECLINED)
    assert "bring your badge" not in email.body


def test_a_paragraph_cannot_drop_the_cancel_line(conference):
    OwnWords.objects.create(
        conference=conference, kind=EmailKind.SUBMITTED, text_en="{link} {link} -- "
    )
    registration = RegistrationFactory(conference=conference, status=Status.SUBMITTED)
    body = status_emails.message(registration, EmailKind.SUBMITTED).body
    assert reverse("registration_cancel", args=[registration.token])[3:] in body


def test_the_reminder_of_a_follow_up_form_carries_its_own_words(conference):
    form = FollowUpForm.objects.create(
        conference=conference, title_en="Travel", deadline=conference.start_date, is_open=True
    )
    OwnWords.objects.create(
        conference=conference,
        kind=EmailKind.FOLLOW_UP_REMINDER,
        text_en="The shuttle leaves the airport every hour.",
    )
    registration = RegistrationFactory(conference=conference, status=Status.CONFIRMED)
    body = status_emails.message(registration, EmailKind.FOLLOW_UP_REMINDER, follow_up=form).body
    assert "The shuttle leaves the airport every hour." in body
