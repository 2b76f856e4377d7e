"""Content fields live in one column per language and fall back to English when empty."""

import pytest
from django.db import connection
from django.utils import translation

from registrations.models import Registration
from sessions.models import Session, SessionKind
from tests.factories import ConferenceFactory, OrganizationFactory, SessionFactory
from va_conference.models import Conference, Organization

pytestmark = pytest.mark.django_db


def column_value(model, field, pk):
    table = model._meta.db_table
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {field} FROM {table} WHERE id = %s", [pk])
        return cursor.fetchone()[0]


def test_each_language_is_stored_in_its_own_column():
    conference = ConferenceFactory(
        title_en="Global Conference on Victim Assistance",
        title_fr="Conférence mondiale sur l'assistance aux victimes",
        title_ar="المؤتمر العالمي لمساعدة الضحايا",
    )
    assert column_value(Conference, "title_fr", conference.pk) == (
        "Conférence mondiale sur l'assistance aux victimes"
    )
    assert column_value(Conference, "title_ar", conference.pk) == "المؤتمر العالمي لمساعدة الضحايا"
    assert column_value(Conference, "title_es", conference.pk) in (None, "")


def test_the_visitor_reads_their_language_and_english_where_it_is_missing():
    session = SessionFactory(
        title_en="Victim assistance",
        title_fr="Assistance aux victimes",
        title_ar="مساعدة الضحايا",
        description_en="States give updates on their efforts.",
    )
    session = Session.objects.get(pk=session.pk)
    with translation.override("fr"):
        assert session.title == "Assistance aux victimes"
        assert session.description == "States give updates on their efforts."
    with translation.override("ar"):
        assert session.title == "مساعدة الضحايا"
    with translation.override("es"):
        assert session.title == "Victim assistance"


def test_organization_names_are_translated():
    organization = OrganizationFactory(
        name_en="International Committee of the Red Cross",
        name_fr="Comité international de la Croix-Rouge",
        name_es="Comité Internacional de la Cruz Roja",
        name_ar="اللجنة الدولية للصليب الأحمر",
    )
    organization = Organization.objects.get(pk=organization.pk)
    for language, name in [
        ("fr", "Comité international de la Croix-Rouge"),
        ("es", "Comité Internacional de la Cruz Roja"),
        ("ar", "اللجنة الدولية للصليب الأحمر"),
    ]:
        with translation.override(language):
            assert organization.name == name


def test_a_choice_is_shown_in_the_language_of_the_moment():
    session = Session(kind=SessionKind.SIDE_EVENT)
    registration = Registration(status="waitlisted")

    assert session.get_kind_display() == "Side event"
    with translation.override("fr"):
        assert session.get_kind_display() == "Manifestation parallèle"
        assert registration.get_status_display() == "En liste d'attente"
    with translation.override("ar"):
        assert session.get_kind_display() == translation.gettext("Side event") != "Side event"
    # A value the choices do not hold (an old row, say) is shown as stored.
    assert Session(kind="retired").get_kind_display() == "retired"
