"""The List of Participants and its Addendum as PDFs, in each of the four languages: read back,
they hold the symbol and date at the top and the right names in the right order."""

import datetime
import io
import unicodedata

import pytest
from pypdf import PdfReader

from delegations.models import Change, ParticipantsList
from delegations.participants_list import Edition, addendum_pdf, list_pdf
from registrations.models import Status

from .participants_rows import LIST_DATE, change, meeting, member, others, states

__all__ = ["meeting", "others", "states"]

pytestmark = pytest.mark.django_db


def text_of(pdf):
    pages = PdfReader(io.BytesIO(pdf)).pages
    # Shaped Arabic comes back as presentation forms: folded to plain letters to compare.
    return unicodedata.normalize("NFKC", "\n".join(page.extract_text() for page in pages))


def position(text, word, start):
    """Where `word` is in `text` after `start`, or -1; Arabic may come back in visual order,
    reversed."""
    found = [text.find(form, start) for form in (word, word[::-1])]
    return max(found) if min(found) < 0 else min(found)


def in_order(text, *words):
    """Whether each of `words` comes in `text` after the one before it."""
    start = 0
    for word in words:
        start = position(text, word, start)
        if start < 0:
            return False
        start += len(word)
    return True


@pytest.fixture
def official(meeting, states, others):
    member(meeting, states["NO"], "Larsen", job_title="Adviser")
    member(meeting, states["NO"], "Halvorsen", role="head", given_name="Bjørn")
    member(meeting, states["JO"], "العبدالله", role="head", given_name="رانيا")
    member(meeting, states["EG"], "Quiet", consents_to_public_listing=False)
    member(meeting, states["LA"], "Phommachanh")
    member(meeting, others["ida"], "Кузнецов", role="head", given_name="Vladimir")
    member(meeting, others["ida"], "王芳", given_name="Li")
    member(meeting, states["DE"], "Pending", status=Status.SUBMITTED)
    return ParticipantsList.objects.create(
        conference=meeting, symbol="CCM/MSP/2030/INF.1", date=LIST_DATE
    )


@pytest.mark.parametrize("language", ["en", "fr", "es", "ar"])
def test_the_list_prints_in_each_language_in_the_order_of_the_meeting_reports(official, language):
    text = text_of(list_pdf(official.conference, language, Edition.SECRETARIAT))
    assert "CCM/MSP/2030/INF.1" in text
    for name in ("Halvorsen", "Larsen", "Кузнецов", "王芳", "Quiet", "Phommachanh"):
        assert name in text, name
    assert "Pending" not in text
    # Heads first; States Parties, then signatories, then organizations of persons with
    # disabilities.
    assert in_order(text, "Halvorsen", "Larsen", "Phommachanh", "Кузнецов", "王芳")


def test_the_list_in_english_has_its_symbol_date_categories_and_states_in_order(official):
    text = text_of(list_pdf(official.conference, "en", Edition.SECRETARIAT))
    assert "1 September 2030" in text
    assert in_order(
        text,
        "CCM/MSP/2030/INF.1",
        "List of Participants",
        "States Parties",
        "Egypt",
        "Jordan",
        "Norway",
        "Signatory States",
        "Organizations of persons with disabilities",
    )
    assert "H.E." not in text and "Ms Amina Larsen, Adviser" in text
    assert "Secretariat's edition" in text


def test_the_list_in_french_sorts_and_dates_in_french(official):
    text = text_of(list_pdf(official.conference, "fr", Edition.PUBLIC))
    assert "1 septembre 2030" in text
    assert in_order(text, "États parties", "Égypte", "Jordanie", "Norvège")


def test_the_list_prints_in_arabic_right_to_left(official):
    pdf = list_pdf(official.conference, "ar", Edition.PUBLIC)
    text = text_of(pdf)
    assert "CCM/MSP/2030/INF.1" in text
    assert in_order(text, "الأردن", "النرويج")
    assert "العبدالله" in text or "العبدالله"[::-1] in text


def test_the_public_edition_leaves_out_the_names_of_those_who_did_not_agree(official):
    text = text_of(list_pdf(official.conference, "en", Edition.PUBLIC))
    assert "Quiet" not in text
    assert "1 member" in text
    assert "Secretariat's edition" not in text
    assert "Halvorsen" in text


def test_a_list_without_its_symbol_prints_as_a_draft(meeting, states):
    member(meeting, states["NO"], "Larsen")
    text = text_of(list_pdf(meeting, "en", Edition.PUBLIC))
    assert "Draft" in text and "Larsen" in text


@pytest.mark.parametrize("language", ["en", "ar"])
def test_the_addendum_prints_the_changes_after_the_lists_date(official, states, language):
    after = LIST_DATE + datetime.timedelta(days=2)
    norway = states["NO"]
    change(member(official.conference, norway, "Nygaard"), Change.ADDED, after)
    addendum = ParticipantsList.objects.create(
        conference=official.conference,
        kind=ParticipantsList.Kind.ADDENDUM,
        symbol="CCM/MSP/2030/INF.1/Add.1",
        date=LIST_DATE + datetime.timedelta(days=5),
    )
    text = text_of(addendum_pdf(addendum, language, Edition.PUBLIC))
    assert "CCM/MSP/2030/INF.1/Add.1" in text
    assert "Nygaard" in text
    assert "Larsen" not in text
    if language == "en":
        assert in_order(text, "Addendum", "after 1 September 2030", "Norway", "Added", "Nygaard")
