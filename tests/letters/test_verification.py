"""The public verification page: genuine or withdrawn, the number, the name and dates stated,
nothing more; nothing once the person's data is anonymised."""

import pytest
from django.urls import reverse

from letters import issuing
from letters.models import Letter
from letters.views import normalised
from registrations import personal_data
from registrations.models import Registration

from .conftest import PASSPORT_NUMBER


@pytest.fixture
def letter(asking):
    [letter] = issuing.issue_visa_letters(Registration.objects.all(), None).letters
    return letter


def page(client, letter):
    return client.get(reverse("letter_verification", args=[letter.reference]))


@pytest.mark.shared_parts
def test_a_letter_in_force_is_genuine_and_states_its_number_name_and_dates(client, letter):
    response = page(client, letter)

    assert response.status_code == 200
    text = response.content.decode()
    assert "Genuine" in text
    assert letter.number in text
    assert "RANIA AL-ABDALLAH" in text
    for hidden in (PASSPORT_NUMBER, "Irbid", "1984", "Embassy of Switzerland"):
        assert hidden not in text
    assert response["X-Robots-Tag"] == "noindex"


@pytest.mark.shared_parts
def test_a_withdrawn_letter_is_said_withdrawn(client, letter, organizer):
    issuing.withdraw(Letter.objects.all(), organizer)

    text = page(client, letter).content.decode()

    assert "Withdrawn" in text
    assert "Genuine" not in text


@pytest.mark.shared_parts
def test_once_anonymised_the_page_names_nobody_and_the_letter_states_nothing(
    client, letter, asking
):
    personal_data.anonymise(Registration.objects.filter(pk=asking.pk))

    text = page(client, letter).content.decode()

    assert "Genuine" in text
    assert "RANIA" not in text
    letter.refresh_from_db()
    assert letter.name == ""
    assert letter.particulars == {}


@pytest.mark.shared_parts
def test_an_unknown_or_malformed_reference_is_not_found(client, letter):
    assert (
        client.get(reverse("letter_verification", args=["ABCD-EFGH-JKMN-PQRS"])).status_code == 404
    )
    assert client.get(reverse("letter_verification", args=["x" * 10_000])).status_code == 404
    assert client.get("/en/documents/abc%00/").status_code == 404


def test_a_reference_typed_loosely_leads_to_its_page(client, letter):
    typed = letter.reference.replace("-", " ").lower()

    response = client.get(reverse("letter_verification_form"), {"reference": typed})

    assert response.status_code == 302
    assert response["Location"] == reverse("letter_verification", args=[letter.reference])


def test_a_reference_of_the_wrong_length_is_explained_on_the_form(client):
    response = client.get(reverse("letter_verification_form"), {"reference": "12345"})

    assert response.status_code == 200
    assert "16 letters and digits" in response.content.decode()
    assert 'aria-invalid="true"' in response.content.decode()


def test_letters_people_mistype_are_read_as_the_alphabet_means():
    assert normalised("oil0-1111-2222-3333") == "0110-1111-2222-3333"
    assert normalised("") == ""
    assert normalised("U" * 16) == ""


def test_references_are_unguessable(letter, asking):
    references = {letter.reference}
    for _round in range(50):
        Letter.objects.filter(pk=letter.pk).update(withdrawn_at="2030-01-01T00:00Z")
        [letter] = issuing.issue_visa_letters(Registration.objects.all(), None).letters
        references.add(letter.reference)
    assert len(references) == 51
    assert all(len(reference.replace("-", "")) == 16 for reference in references)


@pytest.mark.shared_parts
def test_the_page_answers_get_and_head_only(client, letter):
    url = reverse("letter_verification", args=[letter.reference])

    assert client.post(url).status_code == 405
    assert client.head(url).status_code == 200


@pytest.mark.shared_parts
@pytest.mark.django_db
def test_references_cannot_be_guessed_at_speed(client, settings):
    settings.PUBLIC_FORM_RATE_LIMIT = 3
    answers = [
        client.get(f"/en/documents/ABCD-EFGH-JKMN-PQR{number}/").status_code for number in range(5)
    ]
    assert answers == [404, 404, 404, 429, 429]
