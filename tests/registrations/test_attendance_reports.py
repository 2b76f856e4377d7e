"""Organizers import the online platform's attendance report (demo/data/attendance-report.csv):
matched rows become online attendance per day, unmatched rows wait to be assigned or ignored;
all or nothing; twice adds nothing; a file that is not such a report is refused, saying why."""

import datetime
import threading
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection

from registrations import attendance_reports, personal_data
from registrations.models import AttendanceReport, OnlineAttendance, Status, UnmatchedRow
from tests.factories import ConferenceFactory, DelegateFactory, RegistrationFactory
from va_conference.models import Participation

pytestmark = pytest.mark.django_db

SAMPLE = Path(__file__).resolve().parents[2] / "demo" / "data" / "attendance-report.csv"
HEADER = "Name,Email,Join Time,Leave Time\n"


@pytest.fixture
def workshop(db):
    """Held 10 to 12 September 2030, as the sample report; Rana and Somphone confirmed online,
    Sara's registration still submitted."""
    conference = ConferenceFactory(slug="workshop", offers_online=True)
    for email, status in (
        ("rana.alkhatib@example.org", Status.CONFIRMED),
        ("Somphone.Phommavong@example.org", Status.CONFIRMED),
        ("sara.k@example.net", Status.SUBMITTED),
    ):
        RegistrationFactory(
            conference=conference,
            delegate=DelegateFactory(email=email),
            mode=Participation.ONLINE,
            status=status,
        )
    return conference


@pytest.fixture
def desk(client, organizer):
    client.force_login(organizer)
    return client


def upload(client, conference, content, name="report.csv"):
    return client.post(
        f"/admin/conferences/{conference.slug}/online-attendance/",
        {"report": SimpleUploadedFile(name, content, content_type="text/csv")},
        follow=True,
    )


def attendance():
    return sorted(
        (a.registration.delegate.email.lower(), a.day.isoformat(), a.minutes)
        for a in OnlineAttendance.objects.select_related("registration__delegate")
    )


def test_the_sample_report_is_matched_by_e_mail_and_counted_per_day(desk, workshop):
    page = upload(desk, workshop, SAMPLE.read_bytes(), "attendance-report.csv").content.decode()

    assert "“attendance-report.csv” is imported: 3 days of attendance recorded" in page
    assert attendance() == [
        ("rana.alkhatib@example.org", "2030-09-10", 346),
        ("somphone.phommavong@example.org", "2030-09-10", 45),
        ("somphone.phommavong@example.org", "2030-09-11", 150),
    ]
    # The interpreters' booth has no address; Sara is not confirmed.
    assert "2 rows matched no confirmed delegate" in page
    assert "Interpreter booth FR" in page and "sara.k@example.net" in page


def test_importing_it_again_adds_nothing(desk, workshop):
    upload(desk, workshop, SAMPLE.read_bytes(), "attendance-report.csv")
    # Exported again: other line endings, the same rows.
    again = SAMPLE.read_bytes().replace(b"\n", b"\r\n")

    page = upload(desk, workshop, again, "export-2.csv").content.decode()

    assert "this report was imported already, as “attendance-report.csv”" in page
    assert AttendanceReport.objects.count() == 1
    assert OnlineAttendance.objects.count() == 3
    assert UnmatchedRow.objects.count() == 2


def test_a_report_in_utf_16_with_tabs_is_read(desk, workshop):
    content = (
        "Full Name\tJoin Time\tLeave Time\tEmail\n"
        "Amina Haddad\t09/10/2030 09:00:00 AM\t09/10/2030 10:30:00 AM\trana.alkhatib@example.org\n"
    ).encode("utf-16")
    upload(desk, workshop, content)
    assert attendance() == [("rana.alkhatib@example.org", "2030-09-10", 90)]


@pytest.mark.parametrize(
    "content, reason",
    [
        (b"%PDF-1.7\n\x00\x9c\xff binary", "not text in UTF-8 or UTF-16"),
        (b"Name,Email\nAmina,rana.alkhatib@example.org\n", "lacks the columns"),
        (HEADER.encode(), "has a header but no participant"),
        (
            (HEADER + "Amina,rana.alkhatib@example.org,yesterday,2030-09-10 10:00\n").encode(),
            "Row 2: “yesterday” is not a time",
        ),
        (
            (
                HEADER + "Amina,rana.alkhatib@example.org,2030-09-10 10:00,2030-09-10 09:00\n"
            ).encode(),
            "Row 2: the participant left before joining.",
        ),
        (
            (
                HEADER + "Amina,rana.alkhatib@example.org,2030-08-01 10:00,2030-08-01 11:00\n"
            ).encode(),
            "Row 2: 2030-08-01 is not a day of the conference.",
        ),
        ((HEADER + "Amina,rana.alkhatib@example.org\n").encode(), "Row 2 has fewer values"),
    ],
)
def test_a_file_that_is_not_such_a_report_is_refused_whole(desk, workshop, content, reason):
    page = upload(desk, workshop, content).content.decode()
    assert "Nothing was imported." in page
    assert reason in page
    assert not AttendanceReport.objects.exists()


def test_a_bad_row_after_good_ones_records_nothing(desk, workshop):
    content = SAMPLE.read_bytes() + b"Late,late@example.org,2030-09-12 10:00,soon\n"
    page = upload(desk, workshop, content).content.decode()
    assert "Row 8: “soon” is not a time" in page
    assert not OnlineAttendance.objects.exists() and not UnmatchedRow.objects.exists()


def test_no_file_or_an_empty_one_is_asked_for_again(desk, workshop):
    page = desk.post(f"/admin/conferences/{workshop.slug}/online-attendance/", {})
    assert "This field is required." in page.content.decode()
    assert "The submitted file is empty." in upload(desk, workshop, b"").content.decode()
    blank = upload(desk, workshop, b"\n\n").content.decode()
    assert "Nothing was imported. The file is empty." in blank


def test_an_unmatched_row_is_assigned_by_reference_or_ignored(desk, workshop):
    upload(desk, workshop, SAMPLE.read_bytes())
    sara = workshop.registrations.get(status=Status.SUBMITTED)
    sara.status = Status.CONFIRMED
    sara.save()
    booth = UnmatchedRow.objects.get(name="Interpreter booth FR")
    row = UnmatchedRow.objects.get(email="sara.k@example.net")
    url = f"/admin/conferences/{workshop.slug}/online-attendance/rows/"

    page = desk.post(f"{url}{row.pk}/", {"registration": sara.reference.lower()}, follow=True)
    assert f"counts for {sara.reference}" in page.content.decode()
    desk.post(f"{url}{booth.pk}/", {"ignore": "1"})

    assert ("sara.k@example.net", "2030-09-11", 95) in attendance()
    assert set(UnmatchedRow.objects.values_list("state", flat=True)) == {"assigned", "ignored"}
    page = desk.get(f"/admin/conferences/{workshop.slug}/online-attendance/").content.decode()
    assert "None to assign." in page
    # Assigned once: posting again changes nothing.
    assert desk.post(f"{url}{row.pk}/", {"registration": sara.reference}).status_code == 404
    assert ("sara.k@example.net", "2030-09-11", 95) in attendance()


def test_an_unknown_registration_leaves_the_row_waiting(desk, workshop):
    upload(desk, workshop, SAMPLE.read_bytes())
    row = UnmatchedRow.objects.get(email="sara.k@example.net")
    other = RegistrationFactory(status=Status.CONFIRMED)  # of another conference
    page = desk.post(
        f"/admin/conferences/{workshop.slug}/online-attendance/rows/{row.pk}/",
        {"registration": other.reference},
        follow=True,
    ).content.decode()
    assert "is not assigned: No registration of this conference has it." in page
    row.refresh_from_db()
    assert row.state == UnmatchedRow.State.WAITING


def test_another_conference_s_row_is_not_found(desk, workshop):
    upload(desk, workshop, SAMPLE.read_bytes())
    row = UnmatchedRow.objects.first()
    other = ConferenceFactory()
    url = f"/admin/conferences/{other.slug}/online-attendance/rows/{row.pk}/"
    assert desk.post(url, {"ignore": "1"}).status_code == 404


def test_staff_without_the_permission_are_refused(client, statement_editor, workshop):
    client.force_login(statement_editor)
    assert upload(client, workshop, SAMPLE.read_bytes()).status_code == 403
    assert not AttendanceReport.objects.exists()


def test_online_attendance_is_in_the_personal_data_export_and_its_rows_anonymised(desk, workshop):
    upload(desk, workshop, SAMPLE.read_bytes())
    rana = workshop.registrations.get(delegate__email="rana.alkhatib@example.org")
    sara = workshop.registrations.get(delegate__email="sara.k@example.net")

    [exported] = personal_data.everything_about(rana.delegate)["registrations"]
    assert exported["online_attendance"] == [{"day": datetime.date(2030, 9, 10), "minutes": 346}]

    personal_data.anonymise(workshop.registrations.filter(pk=sara.pk))

    row = UnmatchedRow.objects.get(day=datetime.date(2030, 9, 11))
    assert (row.name, row.email, row.minutes) == ("", "", 95)


@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="row locks are PostgreSQL's (CI runs there)"
)
def test_the_same_report_imported_twice_at_once_is_imported_once(transactional_db, workshop):
    content = SAMPLE.read_bytes()
    barrier = threading.Barrier(2)
    outcomes = []

    def import_it():
        try:
            barrier.wait()
            attendance_reports.import_report(workshop, "report.csv", content)
            outcomes.append("imported")
        except attendance_reports.AlreadyImported:
            outcomes.append("already")
        finally:
            connection.close()

    threads = [threading.Thread(target=import_it) for _n in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert sorted(outcomes) == ["already", "imported"]
    assert AttendanceReport.objects.count() == 1
    assert OnlineAttendance.objects.count() == 3


def test_the_dashboard_counts_the_rows_to_assign(desk, workshop):
    upload(desk, workshop, SAMPLE.read_bytes())
    page = desk.get(f"/admin/conferences/{workshop.slug}/").content.decode()
    tool = f"/admin/conferences/{workshop.slug}/online-attendance/"
    label = "Rows of online attendance reports to assign or ignore"
    assert f'<a href="{tool}"><strong>2</strong> {label}</a>' in page
