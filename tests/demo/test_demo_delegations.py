"""The demonstration meetings have delegations, with credentials and focal points, and Oslo a
List of Participants; loading again changes none of them."""

import datetime
import shutil

import pytest

from delegations.categories import Category
from delegations.models import Credentials, Delegation, FocalPoint, ParticipantsList, Signatory
from demo.data_files import FOLDER, DataFileError
from demo.loader import load_demo
from registrations.models import ACTIVE_STATUSES, Registration, Role
from va_conference.models import Organization

pytestmark = pytest.mark.django_db


def delegation(slug, country):
    return Delegation.objects.get(conference__slug=slug, organization__country=country)


@pytest.mark.shared_parts
def test_every_registration_is_in_the_delegation_of_its_organization(demo_media):
    load_demo()

    for registration in Registration.objects.select_related("delegation"):
        assert registration.delegation.conference_id == registration.conference_id
        assert registration.delegation.organization_id == registration.organization_id


@pytest.mark.shared_parts
def test_oslo_has_credentials_of_every_kind_and_a_list_of_participants(demo_media):
    load_demo()

    norway = delegation("3msp-oslo-2012", "NO")
    assert norway.credentials == Credentials.ORIGINAL
    assert norway.credentials_received_on == datetime.date(2012, 9, 10)
    assert norway.credentials_signatory == Signatory.FOREIGN_MINISTER
    assert delegation("3msp-oslo-2012", "AF").credentials == Credentials.COPY
    assert delegation("3msp-oslo-2012", "MZ").credentials == Credentials.NONE
    participants_list = ParticipantsList.objects.get(conference__slug="3msp-oslo-2012")
    assert participants_list.kind == ParticipantsList.Kind.LIST
    assert participants_list.symbol == "CCM/MSP/2012/INF.1"
    assert participants_list.date == datetime.date(2012, 9, 11)


@pytest.mark.shared_parts
def test_focal_points_speak_other_languages_than_english(demo_media):
    load_demo()

    for slug in ["3msp-oslo-2012", "amman-2019"]:
        focal_points = FocalPoint.objects.filter(delegation__conference__slug=slug)
        assert focal_points.filter(state=FocalPoint.State.ACTIVE).count() >= 3
        assert set(focal_points.values_list("language", flat=True)) - {"en"}
        assert all(focal_point.named_by.username == "organizer" for focal_point in focal_points)
    # A focal point whose delegation has no member yet.
    iraq = delegation("3msp-oslo-2012", "IQ")
    assert iraq.focal_points.get().language == "ar"
    assert not iraq.members.exists()


@pytest.mark.shared_parts
def test_no_delegation_has_two_heads(demo_media):
    load_demo()

    for delegation_ in Delegation.objects.all():
        heads = delegation_.members.filter(role=Role.HEAD, status__in=ACTIVE_STATUSES)
        assert heads.count() <= 1


@pytest.mark.shared_parts
def test_loading_twice_keeps_the_same_delegations_focal_points_and_links(demo_media):
    load_demo()
    before = {
        "delegations": set(Delegation.objects.values_list("pk", "credentials")),
        "focal points": set(FocalPoint.objects.values_list("pk", "token")),
        "lists": set(ParticipantsList.objects.values_list("pk", "symbol")),
    }

    counts = load_demo()

    assert set(Delegation.objects.values_list("pk", "credentials")) == before["delegations"]
    assert set(FocalPoint.objects.values_list("pk", "token")) == before["focal points"]
    assert set(ParticipantsList.objects.values_list("pk", "symbol")) == before["lists"]
    assert counts["focal points"] == FocalPoint.objects.count()
    assert counts["Lists of Participants"] == 1


@pytest.mark.shared_parts
def test_every_delegation_row_passes_the_models_own_validation(demo_media):
    load_demo()

    for model in (Delegation, FocalPoint, ParticipantsList):
        for row in model.objects.all():
            row.full_clean()


@pytest.mark.shared_parts
def test_the_public_page_shows_oslos_delegations_by_category(client, demo_media):
    load_demo()

    response = client.get("/en/conferences/3msp-oslo-2012/delegations/")
    html = response.content.decode()
    assert response.status_code == 200
    assert html.index(str(Category.STATE_PARTY.label)) < html.index(str(Category.RED_CROSS.label))
    assert "Ingrid" in html  # she agreed to be listed


def test_credentials_received_without_their_date_are_refused_before_anything_is_stored(
    tmp_path,
):
    folder = tmp_path / "data"
    shutil.copytree(FOLDER, folder, ignore=shutil.ignore_patterns("*.py", "__pycache__"))
    oslo = folder / "conferences" / "3msp-oslo-2012.toml"
    text = oslo.read_text(encoding="utf-8")
    oslo.write_text(text.replace("credentials_received_on = 2012-09-10\n", "", 1), "utf-8")

    with pytest.raises(DataFileError) as refusal:
        load_demo(folder=folder)

    assert str(refusal.value).startswith(
        f"{oslo}: delegations[0].credentials: credentials received need"
    )
    assert not Organization.objects.exists()
