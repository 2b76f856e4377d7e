"""Factories for the models of every app, for tests and benchmarks."""

import datetime
import io
import zipfile
from xml.sax.saxutils import escape

import factory
from django.core.files.base import ContentFile

from demo.data import demonstration_pdf
from registrations.models import Delegate, Registration
from sessions.models import Room, Session, Statement
from va_conference.models import Conference, Organization, OrganizationKind, TreatyStatus


def pdf_bytes(text="Statement"):
    """A small valid PDF whose content differs with `text` (so checksums differ)."""
    return demonstration_pdf(text, [])


def odt_bytes(text):
    """An OpenDocument text of one paragraph, in any script."""
    archive = io.BytesIO()
    with zipfile.ZipFile(archive, "w") as zipped:
        zipped.writestr("mimetype", "application/vnd.oasis.opendocument.text")
        zipped.writestr(
            "content.xml",
            '<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:'
            'office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0">'
            f"<office:body><office:text><text:p>{escape(text)}</text:p></office:text></office:body>"
            "</office:document-content>",
        )
    return archive.getvalue()


class OrganizationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organization
        skip_postgeneration_save = True

    name_en = factory.Sequence(lambda n: f"Organization {n}")
    acronym = factory.Sequence(lambda n: f"ORG{n}")
    kind = OrganizationKind.NGO
    country = "CH"


class StateFactory(OrganizationFactory):
    class Meta:
        django_get_or_create = ("kind", "country")

    kind = OrganizationKind.STATE
    acronym = ""
    country = factory.Iterator(["NO", "JO", "LA", "AF", "IQ", "AL", "BA", "HR", "MZ", "CO"])
    name_en = factory.LazyAttribute(lambda state: f"State {state.country}")
    mbt_status = TreatyStatus.PARTY
    ccm_status = TreatyStatus.PARTY
    crpd_status = TreatyStatus.PARTY
    has_va_obligations = True


class ConferenceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Conference
        skip_postgeneration_save = True

    slug = factory.Sequence(lambda n: f"conference-{n}")
    title_en = factory.Sequence(lambda n: f"Meeting of States Parties {n}")
    short_name_en = factory.Sequence(lambda n: f"{n}MSP")
    reference_prefix = "MSP"
    city_en = "Geneva"
    country = "CH"
    start_date = datetime.date(2030, 9, 10)
    end_date = datetime.date(2030, 9, 12)
    time_zone = "Europe/Zurich"
    is_published = True


def conference_open_for_registration(**fields):
    """A conference in two months whose registration opened yesterday and closes in a month."""
    now = datetime.datetime.now(datetime.UTC)
    today = now.date()
    defaults = {
        "start_date": today + datetime.timedelta(days=60),
        "end_date": today + datetime.timedelta(days=62),
        "registration_opens_at": now - datetime.timedelta(days=1),
        "registration_closes_at": now + datetime.timedelta(days=30),
    }
    return ConferenceFactory(**{**defaults, **fields})


class RoomFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Room
        skip_postgeneration_save = True

    conference = factory.SubFactory(ConferenceFactory)
    name_en = factory.Sequence(lambda n: f"Room {n}")


class SessionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Session
        skip_postgeneration_save = True

    conference = factory.SubFactory(ConferenceFactory)
    slug = factory.Sequence(lambda n: f"session-{n}")
    title_en = factory.Sequence(lambda n: f"Session {n}")
    date = factory.LazyAttribute(lambda session: session.conference.start_date)
    start_time = datetime.time(10, 0)
    end_time = datetime.time(13, 0)


class StatementFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Statement
        skip_postgeneration_save = True

    session = factory.SubFactory(SessionFactory)
    organization = factory.SubFactory(StateFactory)
    language = "en"
    file = factory.Sequence(lambda n: ContentFile(pdf_bytes(f"Statement {n}"), name="s.pdf"))
    is_published = True


class DelegateFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Delegate
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"delegate{n}@example.org")


class RegistrationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Registration
        skip_postgeneration_save = True

    delegate = factory.SubFactory(DelegateFactory)
    conference = factory.SubFactory(ConferenceFactory)
    organization = factory.SubFactory(OrganizationFactory)
    given_name = "Amina"
    family_name = factory.Sequence(lambda n: f"Delegate {n}")

    @factory.post_generation
    def sessions(self, create, sessions):
        if create and sessions:
            self.sessions.set(sessions)
