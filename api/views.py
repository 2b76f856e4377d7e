"""The read-only open-data API: conferences, sessions, statements, documents, organizations.

Only what the public site shows: published conferences and their public sessions, published
statements and documents, verified organizations. Nothing about delegates.

The lists come from the page cache (va_conference/page_cache.py), once the throttle has let the
request through: a list is the same for every client, since every client is anonymous. It is
kept per language, page and conference, each given once in its one spelling; a list filtered
otherwise is answered for its request only. A list of one conference, or a page past the first,
is kept only when it lists something: what is kept is bounded by what the database holds, not
by what clients send.
"""

import json
from urllib.parse import urlencode

from django import forms
from django.conf import settings
from django.db.models import Prefetch
from django.http import Http404, HttpResponse
from django.utils import translation
from django_filters import rest_framework as filters
from drf_spectacular.openapi import AutoSchema
from drf_spectacular.utils import OpenApiParameter, extend_schema_field
from rest_framework import viewsets
from rest_framework.exceptions import ValidationError

from sessions import releases, search
from sessions.models import Document, DocumentFile, Session, Statement
from va_conference import page_cache
from va_conference.models import Conference, Organization, OrganizationKind

from . import serializers

LANGUAGES = [code for code, _name in settings.LANGUAGES]
LARGEST_ID = 2**63 - 1


ERROR = {
    "content": {"application/json": {"schema": {"type": "object", "additionalProperties": True}}}
}
ERRORS = {
    "400": {"description": "A filter's value is not valid.", **ERROR},
    "404": {"description": "No such thing, or no such page.", **ERROR},
    "429": {
        "description": "Too many requests: wait as many seconds as Retry-After says.",
        "headers": {"Retry-After": {"schema": {"type": "integer"}}},
        **ERROR,
    },
}


def add_error_responses(result, generator, request, public):
    """Every operation says how it can fail (a postprocessing hook of drf-spectacular's)."""
    for path in result.get("paths", {}).values():
        for operation in path.values():
            operation["responses"] = {**ERRORS, **operation.get("responses", {})}
    return result


class OpenDataSchema(AutoSchema):
    """Every operation takes the `lang` parameter."""

    def get_override_parameters(self):
        return [
            *super().get_override_parameters(),
            OpenApiParameter(
                "lang",
                str,
                enum=LANGUAGES,
                description="Language of the texts (default: Accept-Language, then English). "
                "A text missing in that language comes in English.",
            ),
        ]


class OpenDataViewSet(viewsets.ReadOnlyModelViewSet):
    filter_backends = [filters.DjangoFilterBackend]
    schema = OpenDataSchema()

    # Whether the list shows the programme only as released: organizers' edits to the next
    # release leave it kept.
    released = False

    def list(self, request, *args, **kwargs):
        # Answered from the page cache once the throttle, in initial(), has counted the request.
        parameters = self.kept_parameters(request)
        if parameters is None:
            return super().list(request, *args, **kwargs)
        answer = super().list

        def render():
            response = self.finalize_response(request, answer(request, *args, **kwargs))
            response.render()
            # Kept as its bytes and headers: a DRF response would also keep its data, to be
            # unpickled for every client.
            plain = HttpResponse(response.content, status=response.status_code)
            for header, value in response.items():
                plain[header] = value
            return plain

        def lists_something(response):
            return response.status_code == 200 and json.loads(response.content)["count"] > 0

        return page_cache.kept_or_rendered(
            request,
            urlencode(parameters),
            render,
            keep=set(parameters) <= {"lang"} or lists_something,
            released=self.released,
        )

    def initial(self, request, *args, **kwargs):
        use_language(request, request.query_params.get("lang"))
        super().initial(request, *args, **kwargs)

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        response["Content-Language"] = translation.get_language()
        return response

    def kept_parameters(self, request):
        """The list's parameters to keep it under, in order, or None when it is not kept."""
        if not settings.PAGE_CACHE_SECONDS:
            return None
        filters = getattr(getattr(self, "filterset_class", None), "base_filters", {})
        numbers = {"page"} | ({"conference"} & set(filters))
        kept = []
        for name, values in sorted(request.GET.lists()):
            value = values[-1]
            known = value in LANGUAGES if name == "lang" else name in numbers and is_number(value)
            if len(values) > 1 or not known:
                return None
            kept.append((name, value))
        return kept


def use_language(request, language):
    """Answer in `language`, the `lang` parameter, if it is one of the site's."""
    if language in LANGUAGES:
        translation.activate(language)
        request.LANGUAGE_CODE = language


def fits_an_id(value):
    """Whether `value` spells an id a database may hold (a longer one is no number to read)."""
    return len(value) <= len(str(LARGEST_ID)) and is_number(value) and int(value) <= LARGEST_ID


def is_number(value):
    """Whether `value` is a positive whole number in its one spelling: "7", not "07", nor in
    other digits than ASCII's."""
    return value.isascii() and value.isdigit() and value == str(int(value)) and value != "0"


@extend_schema_field({"type": "integer", "minimum": 1, "maximum": LARGEST_ID})
class IdFilter(filters.NumberFilter):
    """A thing's id: an unknown one finds nothing; one no database holds is a 400."""

    field_class = forms.IntegerField

    def __init__(self, *args, **kwargs):
        super().__init__(*args, min_value=1, max_value=LARGEST_ID, **kwargs)


@extend_schema_field({"type": "string", "pattern": "^[^\\u0000]*$"})
class TextFilter(filters.CharFilter):
    """Text to match: a null character, which no text holds, is a 400."""


@extend_schema_field(
    {"type": "string", "maxLength": search.LONGEST_QUERY, "pattern": "^[^\\u0000]*$"}
)
class QueryFilter(TextFilter):
    """Words to find: a query longer than the search takes is a 400."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, max_length=search.LONGEST_QUERY, **kwargs)


class ConferenceFilter(filters.FilterSet):
    starts_after = filters.DateFilter(field_name="start_date", lookup_expr="gte")
    starts_before = filters.DateFilter(field_name="start_date", lookup_expr="lte")

    class Meta:
        model = Conference
        fields = ["convention", "country"]


class ConferenceViewSet(OpenDataViewSet):
    """Published conferences, newest first."""

    queryset = Conference.objects.published().order_by("-start_date", "pk")
    serializer_class = serializers.ConferenceSerializer
    filterset_class = ConferenceFilter


class SessionFilter(filters.FilterSet):
    conference = IdFilter()
    date_from = filters.DateFilter(field_name="date", lookup_expr="gte")
    date_to = filters.DateFilter(field_name="date", lookup_expr="lte")

    class Meta:
        model = Session
        fields = ["kind"]


class SessionViewSet(OpenDataViewSet):
    """Public sessions of published conferences, in programme order: as last released, or as
    they are where the programme was never released (sessions/releases.py)."""

    queryset = Session.objects.published()
    released = True
    serializer_class = serializers.SessionSerializer
    filterset_class = SessionFilter

    def filter_queryset(self, queryset, conferences=None):
        # The filters are checked as for any list (a bad value is a 400), then applied to the
        # sessions as released, which are no rows to query.
        filterset = self.filterset_class(self.request.query_params, queryset, request=self.request)
        if not filterset.is_valid():
            raise ValidationError(filterset.errors)
        chosen = filterset.form.cleaned_data
        if conferences is None:
            conferences = Conference.objects.published()
        if chosen.get("conference") is not None:
            conferences = conferences.filter(pk=chosen["conference"])
        return [
            session
            for session in releases.public_sessions_of(conferences)
            if (not chosen.get("kind") or session.kind == chosen["kind"])
            and (not chosen.get("date_from") or session.date >= chosen["date_from"])
            and (not chosen.get("date_to") or session.date <= chosen["date_to"])
        ]

    def get_object(self):
        pk = self.kwargs[self.lookup_url_kwarg or self.lookup_field]
        conferences = Conference.objects.published()
        if fits_an_id(pk) and Session.objects.filter(pk=pk).exists():
            # Only its conference's sessions are built. A session removed since its
            # programme's last release has no row, yet is read as released: for it, all are.
            conferences = conferences.filter(sessions__pk=pk)
        for session in self.filter_queryset(self.get_queryset(), conferences):
            if str(session.pk) == pk:
                return session
        raise Http404


SEARCH_HELP = (
    "Words to find in the text, in any language, web-search style: a phrase in double quotes,"
    " `or` between alternatives, `-` before a word to leave out."
)


class StatementFilter(filters.FilterSet):
    q = QueryFilter(
        method="search",
        label=SEARCH_HELP
        + f" The most relevant statements come first, among the {search.RANKED:,} published"
        " last when more are found; older ones follow, newest first.",
    )
    conference = IdFilter(field_name="session__conference")
    session = IdFilter()
    organization = IdFilter()
    organization_kind = filters.ChoiceFilter(
        field_name="organization__kind", choices=OrganizationKind.choices
    )
    country = TextFilter(field_name="organization__country")
    published_from = filters.DateFilter(field_name="published_at", lookup_expr="date__gte")
    published_to = filters.DateFilter(field_name="published_at", lookup_expr="date__lte")

    class Meta:
        model = Statement
        fields = ["language"]

    def search(self, queryset, name, value):
        # Matched and ordered once every filter has narrowed the statements: filter_queryset.
        return queryset

    def filter_queryset(self, queryset):
        queryset = super().filter_queryset(queryset)
        query = search.Query(self.form.cleaned_data.get("q") or "")
        return search.most_relevant_first(queryset, query) if query else queryset


class StatementViewSet(OpenDataViewSet):
    """Published statements: each file with its language, size, checksum and download URL."""

    queryset = (
        Statement.objects.published()
        .select_related("session__conference")
        .order_by("-published_at", "pk")
    )
    serializer_class = serializers.StatementSerializer
    filterset_class = StatementFilter


class DocumentFilter(filters.FilterSet):
    q = QueryFilter(
        method="search", label=SEARCH_HELP + " Titles and symbols are searched as well."
    )
    conference = IdFilter()
    date_from = filters.DateFilter(field_name="date", lookup_expr="gte")
    date_to = filters.DateFilter(field_name="date", lookup_expr="lte")

    class Meta:
        model = Document
        fields = ["kind"]

    def search(self, queryset, name, value):
        files = search.matching_document_files(DocumentFile.objects.all(), search.Query(value))
        return queryset.filter(pk__in=files.values("document"))


class DocumentViewSet(OpenDataViewSet):
    """Published official documents, each with its files in their languages."""

    queryset = (
        Document.objects.published()
        .prefetch_related(
            Prefetch("files", DocumentFile.objects.select_related("document__conference"))
        )
        .order_by("-date", "pk")
    )
    serializer_class = serializers.DocumentSerializer
    filterset_class = DocumentFilter


class OrganizationViewSet(OpenDataViewSet):
    """Verified organizations, States with their treaty status."""

    queryset = Organization.objects.verified().order_by("pk")
    serializer_class = serializers.OrganizationSerializer
    filterset_fields = ["kind", "country", "has_va_obligations"]
