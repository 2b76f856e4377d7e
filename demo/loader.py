"""Store the demonstration data of demo/data/ in the database.

Every row is found by its natural key (a conference's slug, a session's slug in its conference,
a delegate's e-mail...) and created or updated, so that loading the data again changes nothing.
demo/data_files.py reads and checks the files first: a file at fault stores nothing.
"""

import datetime
import hashlib
from typing import NamedTuple

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.db import transaction
from modeltranslation.utils import build_localized_fieldname

from delegations.models import Delegation, FocalPoint, ParticipantsList, delegation_of
from demo.data_files import FOLDER, organization_key, read_demo_data
from demo.online import load_attendance_report, load_online_meeting
from demo.questions import load_follow_up_forms, load_own_words, load_questions
from demo.sponsorship import load_sponsorship
from demo.statement_pdfs import statement_pdf
from floor.models import FloorRequest, SpeakersList
from letters.models import Letterhead
from registrations.models import Delegate, Registration, Status
from sessions.models import ProgrammeRelease, Room, Session, Statement
from sessions.releases import snapshot
from va_conference.models import Conference, Organization, OrganizationKind


class Programme(NamedTuple):
    conference: Conference
    rooms: dict
    sessions: dict


@transaction.atomic
def load_demo(today=None, folder=FOLDER):
    """Create or update every row of the demonstration data; return how many of each it holds.

    The workshop's dates count from `today`, by default the day of loading.
    """
    demo = read_demo_data(folder, today or datetime.date.today())
    organizations = {organization_key(data): load_organization(data) for data in demo.organizations}
    users = {data["username"]: load_user(data) for data in demo.users}
    delegates = {data["email"]: data for data in demo.delegates}
    programmes = [load_programme(data, organizations) for data in demo.conferences]
    registrations, statements = [], []
    for data, programme in zip(demo.conferences, programmes, strict=True):
        for registration in data["registrations"]:
            registrations.append(
                load_registration(registration, programme, delegates, organizations)
            )
    for data, programme in zip(demo.conferences, programmes, strict=True):
        for delivered in data["statements"]:
            statements += load_statements(
                delivered,
                programme,
                organizations,
                uploaded_by=users["statements"],
                published_at=data["statements_published_at"],
            )
    focal_points, lists, speakers_lists, questions = [], [], [], []
    for data, programme in zip(demo.conferences, programmes, strict=True):
        for delegation_data in data["delegations"]:
            delegation = load_delegation(delegation_data, programme.conference, organizations)
            focal_points += [
                load_focal_point(focal_point, delegation, named_by=users["organizer"])
                for focal_point in delegation_data["focal_points"]
            ]
        if data["participants_list"]:
            lists.append(load_participants_list(data["participants_list"], programme.conference))
        for speakers_list in data["speakers_lists"]:
            speakers_lists.append(load_speakers_list(speakers_list, programme, organizations))
        forms = load_follow_up_forms(data["follow_up_forms"], programme.conference)
        questions += load_questions(data["questions"], programme.conference, forms)
        load_own_words(data["own_words"], programme.conference)
        if data["sponsorship"]:
            load_sponsorship(data["sponsorship"], programme.conference)
        for release in data["releases"]:
            load_release(release, programme)
        if data["attendance_report"]:
            load_attendance_report(data["attendance_report"], programme.conference, folder)
        if data["letterhead"]:
            Letterhead.objects.update_or_create(
                conference=programme.conference, defaults=data["letterhead"]
            )
    return {
        "conferences": len(programmes),
        "rooms": sum(len(programme.rooms) for programme in programmes),
        "sessions": sum(len(programme.sessions) for programme in programmes),
        "organizations": len(organizations),
        "delegates": len(delegates),
        "registrations": len(registrations),
        "statements": len(statements),
        "delegations": Delegation.objects.filter(
            conference__in=[programme.conference for programme in programmes]
        ).count(),
        "focal points": len(focal_points),
        "Lists of Participants": len(lists),
        "lists of speakers": len(speakers_lists),
        "letterheads": Letterhead.objects.filter(
            conference__in=[programme.conference for programme in programmes]
        ).count(),
        "questions": len(questions),
        "staff users": len(users),
    }


def translated(field, texts):
    """{"en": "Norway", "fr": "Norvège", ...} as modeltranslation's columns name_en, name_fr..."""
    return {build_localized_fieldname(field, language): text for language, text in texts.items()}


def load_organization(data):
    fields = {
        **translated("name", data["name"]),
        "acronym": data["acronym"],
        "country": data["country"],
        "mbt_status": data["mbt_status"],
        "ccm_status": data["ccm_status"],
        "crpd_status": data["crpd_status"],
        "has_va_obligations": data["has_va_obligations"],
        "is_verified": True,
    }
    if data["kind"] == OrganizationKind.STATE:
        organization, _created = Organization.objects.update_or_create(
            kind=data["kind"], country=data["country"], defaults=fields
        )
    else:
        organization, _created = Organization.objects.update_or_create(
            kind=data["kind"], name_en=data["name"]["en"], defaults=fields
        )
    return organization


def load_user(data):
    user, _created = get_user_model().objects.update_or_create(
        username=data["username"],
        defaults={
            "email": data["email"],
            "first_name": data["first_name"],
            "last_name": data["last_name"],
            "is_staff": True,
            "is_superuser": data["is_superuser"],
            "is_active": True,
        },
    )
    user.set_password(data["password"])
    user.save(update_fields=["password"])
    groups = [Group.objects.get(name=data["group"])] if data["group"] else []
    user.groups.set(groups)
    return user


def load_programme(data, organizations):
    """The conference with its rooms and sessions."""
    conference = load_conference(data, organizations)
    rooms = {key: load_room(conference, names) for key, names in data["rooms"].items()}
    sessions = {
        session_data["slug"]: load_session(conference, session_data, rooms)
        for session_data in data["sessions"]
    }
    # Only now that its sessions have moved may the conference leave their old dates.
    conference.start_date, conference.end_date = data["start_date"], data["end_date"]
    conference.save(update_fields=["start_date", "end_date"])
    return Programme(conference, rooms, sessions)


def load_conference(data, organizations):
    """Create or update the conference, with dates that span both its stored and its new ones.

    The database refuses a conference whose dates leave out one of its sessions, and the
    workshop's dates move with the day of loading: the span holds the sessions' old dates and
    their new ones, and load_programme narrows it to the new dates once the sessions have moved.
    """
    start_date, end_date = data["start_date"], data["end_date"]
    stored = Conference.objects.filter(slug=data["slug"]).values("start_date", "end_date").first()
    if stored:
        start_date = min(start_date, stored["start_date"])
        end_date = max(end_date, stored["end_date"])
    conference, _created = Conference.objects.update_or_create(
        slug=data["slug"],
        defaults={
            **translated("title", data["title"]),
            **translated("short_name", data["short_name"]),
            **translated("description", data["description"]),
            **translated("venue", data["venue"]),
            **translated("city", data["city"]),
            "reference_prefix": data["reference_prefix"],
            "convention": data["convention"],
            "country": data["country"],
            "start_date": start_date,
            "end_date": end_date,
            "time_zone": data["time_zone"],
            "registration_opens_at": data["registration_opens_at"],
            "registration_closes_at": data["registration_closes_at"],
            "offers_in_person": data["offers_in_person"],
            "offers_online": data["offers_online"],
            "capacity": data["capacity"],
            "online_capacity": data["online_capacity"],
            "is_published": data["is_published"],
            "host": organizations[data["host"]],
        },
    )
    conference.organizers.set([organizations[key] for key in data["organizers"]])
    return conference


def load_room(conference, names):
    room, _created = Room.objects.update_or_create(
        conference=conference, name_en=names["en"], defaults=translated("name", names)
    )
    return room


def load_session(conference, data, rooms):
    session, _created = Session.objects.update_or_create(
        conference=conference,
        slug=data["slug"],
        defaults={
            **translated("title", data["title"]),
            **translated("description", data["description"]),
            **translated("agenda_item", data["agenda_item"]),
            "kind": data["kind"],
            "date": data["date"],
            "start_time": data["start_time"],
            "end_time": data["end_time"],
            "room": rooms[data["room"]],
            "chairs": data["chairs"],
            "is_public": True,
        },
    )
    load_online_meeting(session, data["online"])
    return session


def load_release(data, programme):
    """A release of the programme, once the sessions it moved have moved."""
    for moved in data["moved"]:
        Session.objects.filter(pk=programme.sessions[moved["session"]].pk).update(
            date=moved["date"], start_time=moved["start_time"], end_time=moved["end_time"]
        )
    release, _created = ProgrammeRelease.objects.update_or_create(
        conference=programme.conference,
        name=data["name"],
        defaults={**translated("note", data["note"]), "snapshot": snapshot(programme.conference)},
    )
    # auto_now_add stamps today; the release was made before the meeting.
    ProgrammeRelease.objects.filter(pk=release.pk).update(released_at=data["released_at"])


def load_registration(data, programme, delegates, organizations):
    """A registration, with the details its delegate gave (the same at each conference)."""
    person = dict(delegates[data["delegate"]])
    delegate, _created = Delegate.objects.get_or_create(email=person.pop("email"))
    fields = {**person, **data}
    del fields["delegate"]
    organization = organizations[fields.pop("organization")]
    attended = [programme.sessions[slug] for slug in fields.pop("sessions")]
    submitted_at = fields.pop("submitted_at")
    Registration.validate_sessions(programme.conference, attended)
    registration, _created = Registration.objects.update_or_create(
        delegate=delegate,
        conference=programme.conference,
        defaults={
            **fields,
            "organization": organization,
            # An invitation never accepted has not seen the privacy notice.
            "privacy_accepted_at": None if fields["status"] == Status.INVITED else submitted_at,
        },
    )
    registration.sessions.set(attended)
    # auto_now_add stamps today; these delegates registered before their meeting.
    Registration.objects.filter(pk=registration.pk).update(created_at=submitted_at)
    return registration


def load_delegation(data, conference, organizations):
    """A delegation's credentials; its members joined it as their registrations were saved."""
    delegation, _created = Delegation.objects.update_or_create(
        conference=conference,
        organization=organizations[data["organization"]],
        defaults={
            "credentials": data["credentials"],
            "credentials_received_on": data["credentials_received_on"],
            "credentials_signatory": data["credentials_signatory"],
        },
    )
    return delegation


def load_focal_point(data, delegation, named_by):
    focal_point, _created = FocalPoint.objects.update_or_create(
        delegation=delegation,
        email=data["email"],
        defaults={
            "name": data["name"],
            "job_title": data["job_title"],
            "language": data["language"],
            "state": FocalPoint.State.ACTIVE,
            "named_by": named_by,
        },
    )
    return focal_point


def load_speakers_list(data, programme, organizations):
    """A session's list of speakers, its speakers in the order given, each at their turn."""
    speakers_list, _created = SpeakersList.objects.update_or_create(
        session=programme.sessions[data["session"]],
        defaults={"order": data["order"], "is_displayed_publicly": data["is_displayed_publicly"]},
    )
    for position, speaker in enumerate(data["speakers"], start=1):
        FloorRequest.objects.update_or_create(
            speakers_list=speakers_list,
            delegation=delegation_of(programme.conference, organizations[speaker["organization"]]),
            defaults={
                "speaker": speaker["speaker"],
                "rank": speaker["rank"],
                "language": speaker["language"],
                "speaks_online": speaker["speaks_online"],
                "turn": speaker["turn"],
                "position": position,
            },
        )
    return speakers_list


def load_participants_list(data, conference):
    """The List of Participants as the secretariat set it: its symbol and date. Publishing it
    is the organizers' to do, from the admin."""
    participants_list, _created = ParticipantsList.objects.update_or_create(
        conference=conference,
        kind=ParticipantsList.Kind.LIST,
        defaults={"symbol": data["symbol"], "date": data["date"]},
    )
    return participants_list


def load_statements(data, programme, organizations, uploaded_by, published_at):
    """The statement as delivered, then its translations; return them all."""
    session = programme.sessions[data["session"]]
    organization = organizations[data["organization"]]
    original = load_statement(
        session, organization, data["language"], data["speaker"], None, uploaded_by, published_at
    )
    translations = [
        load_statement(
            session, organization, language, data["speaker"], original, uploaded_by, published_at
        )
        for language in data["translations"]
    ]
    return [original, *translations]


def load_statement(session, organization, language, speaker, original, uploaded_by, published_at):
    content = statement_pdf(session, organization, language, original)
    statement = Statement.objects.filter(
        session=session, organization=organization, language=language
    ).first() or Statement(session=session, organization=organization, language=language)
    statement.speaker = speaker
    statement.original = original
    statement.is_published = True
    statement.published_at = published_at
    statement.uploaded_by = uploaded_by

    storage = statement.file.storage
    unchanged = (
        statement.pk
        and statement.checksum == hashlib.sha256(content).hexdigest()
        and storage.exists(statement.file.name)
    )
    if unchanged:
        statement.save()
    else:
        # Only the suffix of this name is kept: statement_file_name() draws a random one.
        statement.file.save("statement.pdf", ContentFile(content), save=False)
        statement.save()
        statement.file.close()
        # The demonstration keeps no earlier file: deleting the record deletes the file.
        statement.earlier_files.all().delete()
    # auto_now_add stamps today; the files went online after the meeting.
    Statement.objects.filter(pk=statement.pk).update(uploaded_at=published_at)
    return statement
