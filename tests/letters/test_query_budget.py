"""The letters' pages read the database a fixed number of times, whatever a delegate holds."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from letters import issuing
from registrations.models import Registration


def queries_of(client, url):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(captured)


@pytest.mark.shared_parts
def test_the_verification_page_reads_one_row(client, asking):
    [letter] = issuing.issue_visa_letters(Registration.objects.all(), None).letters

    assert queries_of(client, reverse("letter_verification", args=[letter.reference])) == 1


@pytest.mark.parametrize("with_letter", [False, True])
def test_the_private_page_reads_the_letters_in_three_queries(client, asking, with_letter):
    url = reverse("registration_detail", args=[asking.token])
    without = queries_of(client, url)
    if with_letter:
        issuing.issue_visa_letters(Registration.objects.all(), None)

    assert queries_of(client, url) == without


def test_a_download_reads_the_letter_its_registration_and_letterhead(client, asking):
    [letter] = issuing.issue_visa_letters(Registration.objects.all(), None).letters
    url = reverse("letter_download", args=[asking.token, letter.reference])

    assert queries_of(client, url) <= 3
