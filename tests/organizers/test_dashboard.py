"""A conference's dashboard: where registration stands, what needs doing now, every tool."""

import datetime
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from delegations.models import FocalPoint, delegation_of
from registrations.models import Delivery, Status
from tests.factories import (
    ConferenceFactory,
    OrganizationFactory,
    RegistrationFactory,
    SessionFactory,
    StatementFactory,
)

pytestmark = pytest.mark.django_db


def dashboard_of(conference):
    return reverse("organizers:dashboard", args=[conference.slug])


@pytest.fixture
def busy(conference):
    """Two places of three taken, one waiting, and something to do of each kind."""
    conference.capacity = 3
    conference.save()
    proposed = OrganizationFactory(is_verified=False, name_en="Survivors of Zarqa")
    RegistrationFactory(conference=conference, status=Status.SUBMITTED, organization=proposed)
    confirmed = RegistrationFactory(conference=conference, status=Status.CONFIRMED)
    RegistrationFactory(conference=conference, status=Status.WAITLISTED)
    RegistrationFactory(conference=conference, status=Status.CANCELLED)
    Delivery.objects.create(registration=confirmed, kind="confirmed", state="failed")
    StatementFactory(session=SessionFactory(conference=conference), is_published=False)
    FocalPoint.objects.create(
        delegation=delegation_of(conference, OrganizationFactory()),
        name="Omar Said",
        email="omar@example.org",
        state=FocalPoint.State.REQUESTED,
    )
    return conference


def text_of(response):
    return " ".join(re.sub(r"<[^>]+>", " ", response.content.decode()).split())


@pytest.mark.shared_parts
def test_the_dashboard_says_where_registration_stands_and_what_to_do(admin_client, busy):
    response = admin_client.get(dashboard_of(busy))
    assert response.status_code == 200
    page = text_of(response)
    assert "Registration is Open" in page
    assert "Places taken 2 of 3 (1 free)" in page
    assert "On the waiting list 1" in page
    assert "1 Registrations to review" in page
    assert "1 Organizations proposed by delegates, to verify" in page
    assert "1 Statements uploaded but not published" in page
    assert "1 E-mails to delegates that failed" in page
    assert "1 Requests to be a focal point, to approve" in page
    html = response.content.decode()
    review = reverse("admin:registrations_registration_changelist")
    assert f"{review}?conference__id__exact={busy.pk}&amp;status__exact=submitted" in html


@pytest.mark.shared_parts
def test_each_sees_the_tasks_of_what_they_may_see(client, organizer, busy):
    client.force_login(organizer)
    page = text_of(client.get(dashboard_of(busy)))
    assert "1 Registrations to review" in page
    # Statements are the statement editors' work.
    assert "Statements uploaded but not published" not in page
    assert "Upload a session's statements" not in page


@pytest.mark.shared_parts
def test_each_count_links_to_a_list_that_shows_as_many(admin_client, busy):
    response = admin_client.get(dashboard_of(busy))
    assert len(response.context["to_do"]) == 6
    for task in response.context["to_do"]:
        listed = admin_client.get(task.url)
        assert listed.status_code == 200, task.url
        assert listed.context["cl"].result_count == task.count, task.label


@pytest.mark.shared_parts
@pytest.mark.parametrize("who", ["organizer", "admin_user"])
def test_every_tool_of_the_dashboard_opens(client, busy, who, request):
    client.force_login(request.getfixturevalue(who))
    groups = client.get(dashboard_of(busy)).context["tool_groups"]
    tools = [link for _heading, links in groups for link in links]
    assert {"Check-in", "Figures", "List of Participants", "Registrations"} <= {
        str(tool.label) for tool in tools
    }
    for tool in tools:
        assert client.get(tool.url).status_code == 200, tool.url


@pytest.mark.shared_parts
def test_the_queries_do_not_grow_with_the_registrations(client, organizer, busy):
    client.force_login(organizer)
    client.get(dashboard_of(busy))  # the session and permissions, read once
    with CaptureQueriesContext(connection) as few:
        client.get(dashboard_of(busy))
    for _n in range(30):
        RegistrationFactory(
            conference=busy,
            status=Status.SUBMITTED,
            organization=OrganizationFactory(is_verified=False),
        )
    with CaptureQueriesContext(connection) as many:
        response = client.get(dashboard_of(busy))
    assert "31 Registrations to review" in text_of(response)
    # One more for each task: its count, and the follow-up forms open with theirs.
    assert len(few) == len(many) <= 17


def test_personal_data_past_retention_is_a_task(client, organizer, settings):
    settings.PERSONAL_DATA_RETENTION_MONTHS = 12
    old = ConferenceFactory(
        start_date=datetime.date(2019, 9, 10), end_date=datetime.date(2019, 9, 12)
    )
    RegistrationFactory(conference=old)
    client.force_login(organizer)
    assert "anonymise_personal_data" in text_of(client.get(dashboard_of(old)))


@pytest.mark.shared_parts
def test_the_admin_index_leads_to_the_dashboard_of_the_conference_under_way(
    client, organizer, busy
):
    today = timezone.localdate()
    under_way = ConferenceFactory(
        start_date=today - datetime.timedelta(days=1), end_date=today + datetime.timedelta(days=1)
    )
    client.force_login(organizer)
    index = client.get(reverse("admin:index")).content.decode()
    choose = reverse("organizers:choose")
    assert f'href="{choose}"' in index
    assert client.get(choose)["Location"] == dashboard_of(under_way)
    chosen = client.get(choose, {"conference": busy.slug, "tool": "figures"})
    assert chosen["Location"] == reverse("organizers:figures", args=[busy.slug])
    # A tool that does not exist opens the dashboard; an unknown conference, the one under way.
    assert client.get(choose, {"conference": busy.slug, "tool": "x"})["Location"] == (
        dashboard_of(busy)
    )
    assert client.get(choose, {"conference": "nope\x00"})["Location"] == dashboard_of(under_way)


@pytest.mark.shared_parts
def test_each_conference_links_to_its_dashboard(client, organizer, busy):
    client.force_login(organizer)
    listing = client.get(reverse("admin:va_conference_conference_changelist")).content.decode()
    assert f'href="{dashboard_of(busy)}"' in listing
    change = reverse("admin:va_conference_conference_change", args=[busy.pk])
    assert f'href="{dashboard_of(busy)}"' in client.get(change).content.decode()


@pytest.mark.shared_parts
def test_a_statement_editor_reaches_no_organizers_tool(client, statement_editor, busy):
    client.force_login(statement_editor)
    for name in ("dashboard", "check_in", "figures", "participants_list"):
        assert client.get(reverse(f"organizers:{name}", args=[busy.slug])).status_code == 403
    assert client.get(reverse("organizers:choose")).status_code == 403
    assert "organizers:choose" not in client.get(reverse("admin:index")).content.decode()


@pytest.mark.shared_parts
def test_visitors_are_sent_to_sign_in(client, busy):
    response = client.get(dashboard_of(busy))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("admin:login"))


def test_an_unknown_conference_is_not_found(client, organizer):
    client.force_login(organizer)
    assert client.get("/admin/conferences/no-such-conference/").status_code == 404


@pytest.mark.shared_parts
def test_a_statement_editor_chooses_a_session_to_upload_statements_to(
    client, statement_editor, organizer, busy
):
    session = busy.sessions.first()
    url = reverse("organizers:upload_statements", args=[busy.slug])
    client.force_login(statement_editor)
    page = client.get(url).content.decode()
    assert reverse("upload_statements", args=[busy.slug, session.slug]) in page
    client.force_login(organizer)
    assert client.get(url).status_code == 403
