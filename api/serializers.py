"""What the open-data API shows of each thing: public facts only, never a delegate.

Translated texts come in the language asked for (?lang= or Accept-Language), English where a
translation is missing.
"""

from django.urls import reverse
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from sessions.models import Document, DocumentFile, Session, Statement
from va_conference.models import Conference, Organization


class OrganizationSerializer(serializers.ModelSerializer):
    class Meta:
        model = Organization
        fields = [
            "id",
            "name",
            "acronym",
            "kind",
            "country",
            "mbt_status",
            "ccm_status",
            "crpd_status",
            "has_va_obligations",
        ]


class ConferenceSerializer(serializers.ModelSerializer):
    class Meta:
        model = Conference
        fields = [
            "id",
            "slug",
            "title",
            "short_name",
            "description",
            "convention",
            "city",
            "country",
            "venue",
            "start_date",
            "end_date",
            "time_zone",
        ]


@extend_schema_field(
    {
        "type": "string",
        "pattern": r"^\d{2}:\d{2}:\d{2}$",
        "description": "Wall-clock time at the venue, in the conference's time zone.",
    }
)
class VenueTimeField(serializers.TimeField):
    """A time of day at the venue: no offset of its own (starts_at and ends_at have one)."""


class SessionSerializer(serializers.ModelSerializer):
    room = serializers.CharField(source="room.name", default="", read_only=True)
    start_time = VenueTimeField(read_only=True)
    end_time = VenueTimeField(read_only=True)
    starts_at = serializers.DateTimeField(read_only=True)
    ends_at = serializers.DateTimeField(read_only=True)

    class Meta:
        model = Session
        fields = [
            "id",
            "conference",
            "slug",
            "title",
            "description",
            "agenda_item",
            "kind",
            "date",
            "start_time",
            "end_time",
            "starts_at",
            "ends_at",
            "room",
            "chairs",
        ]


def absolute(request, url_name, *args):
    return request.build_absolute_uri(reverse(url_name, args=args))


class StatementSerializer(serializers.ModelSerializer):
    conference = serializers.IntegerField(source="session.conference_id", read_only=True)
    download_url = serializers.SerializerMethodField()

    class Meta:
        model = Statement
        fields = [
            "id",
            "conference",
            "session",
            "organization",
            "speaker",
            "language",
            "original",
            "size",
            "checksum",
            "published_at",
            "download_url",
        ]

    def get_download_url(self, statement) -> str:
        return absolute(
            self.context["request"],
            "statement_file",
            statement.session.conference.slug,
            statement.pk,
        )


class DocumentFileSerializer(serializers.ModelSerializer):
    download_url = serializers.SerializerMethodField()

    class Meta:
        model = DocumentFile
        fields = ["language", "size", "checksum", "download_url"]

    def get_download_url(self, document_file) -> str:
        return absolute(
            self.context["request"],
            "document_file",
            document_file.document.conference.slug,
            document_file.pk,
        )


class DocumentSerializer(serializers.ModelSerializer):
    files = DocumentFileSerializer(many=True, read_only=True)

    class Meta:
        model = Document
        fields = ["id", "conference", "symbol", "title", "kind", "date", "published_at", "files"]
