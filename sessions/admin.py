"""Admin for the programme of work: rooms, sessions and their statements."""

from django.contrib import admin, messages
from django.db.models import Count
from django.template.defaultfilters import filesizeformat
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from modeltranslation.admin import TabbedTranslationAdmin, TranslationAdmin

from va_conference.admin_site import FieldsInTheirLanguage
from va_conference.languages import in_every_language

from .models import (
    CAN_PUBLISH,
    Document,
    DocumentFile,
    OnlineMeeting,
    Room,
    Session,
    Statement,
    StatementFileVersion,
)


@admin.register(Room)
class RoomAdmin(FieldsInTheirLanguage, TranslationAdmin):
    list_display = ("name", "conference")
    list_filter = ("conference",)
    search_fields = in_every_language("name")
    autocomplete_fields = ("conference",)
    list_select_related = ("conference",)


class StatementInline(admin.TabularInline):
    model = Statement
    fk_name = "session"
    extra = 0
    fields = ("organization", "language", "original", "speaker", "file", "is_published")
    autocomplete_fields = ("organization", "original")
    show_change_link = True

    def get_queryset(self, request):
        # Texts sent ahead are the interpreters' until delivered.
        return super().get_queryset(request).exclude(sent_ahead=True).select_related("organization")

    def get_readonly_fields(self, request, obj=None):
        return () if request.user.has_perm(CAN_PUBLISH) else ("is_published",)


@admin.register(Session)
class SessionAdmin(FieldsInTheirLanguage, TabbedTranslationAdmin):
    list_display = (
        "title",
        "conference",
        "date",
        "start_time",
        "end_time",
        "room",
        "kind",
        "is_public",
        "statement_count",
    )
    list_filter = ("conference", "kind", "is_public", "date")
    search_fields = ("slug", *in_every_language("title", "agenda_item"), "chairs")
    autocomplete_fields = ("conference", "room")
    prepopulated_fields = {"slug": ("title_en",)}
    list_select_related = ("conference", "room")
    inlines = (StatementInline,)
    fieldsets = (
        (None, {"fields": ("conference", "title", "slug", "kind", "agenda_item", "description")}),
        (_("When and where"), {"fields": ("date", "start_time", "end_time", "room", "order")}),
        (None, {"fields": ("chairs", "is_public", "online_meeting_link")}),
    )
    readonly_fields = ("online_meeting_link",)

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(statement_total=Count("statements"))

    def save_formset(self, request, form, formset, change):
        """The session's statements: who uploaded each, and who replaced a file, are kept."""
        for statement in formset.save(commit=False):
            if statement.uploaded_by_id is None:
                statement.uploaded_by = request.user
            statement.save(replaced_by=request.user)
        for statement in formset.deleted_objects:
            statement.delete()
        formset.save_m2m()

    @admin.display(description=_("statements"), ordering="statement_total")
    def statement_count(self, session):
        return session.statement_total

    @admin.display(description=_("online meeting"))
    def online_meeting_link(self, session):
        """Where to set up or change the session's online meeting, which is never public."""
        if session.pk is None:
            return _("Save the session first.")
        meeting = OnlineMeeting.objects.filter(session=session).first()
        if meeting is None:
            url = reverse("admin:programme_onlinemeeting_add") + f"?session={session.pk}"
            return format_html('<a href="{}">{}</a>', url, _("Hold it online too"))
        url = reverse("admin:programme_onlinemeeting_change", args=[meeting.pk])
        return format_html('<a href="{}">{}</a>', url, meeting.address)


class EarlierFileInline(admin.TabularInline):
    """Files the statement had before, each downloadable by staff."""

    model = StatementFileVersion
    extra = 0
    fields = ("download", "size", "checksum", "replaced_at", "replaced_by")
    readonly_fields = fields
    can_delete = False

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .select_related("replaced_by", "statement__session__conference")
        )

    # Whoever may see a statement may see its earlier files; nobody edits them.
    def has_view_permission(self, request, obj=None):
        return request.user.has_perm("programme.view_statement")

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    @admin.display(description=_("file"))
    def download(self, version):
        statement = version.statement
        url = reverse(
            "earlier_statement_file",
            args=[statement.session.conference.slug, statement.pk, version.pk],
        )
        return format_html('<a href="{}">{}</a>', url, _("Download"))


@admin.register(Statement)
class StatementAdmin(admin.ModelAdmin):
    inlines = (EarlierFileInline,)
    change_list_template = "admin/programme/statement/change_list.html"
    list_display = (
        "organization",
        "session",
        "conference",
        "language",
        "is_original",
        "speaker",
        "file_size",
        "is_published",
        "uploaded_at",
    )
    list_filter = ("session__conference", "language", "is_published")
    search_fields = (
        *in_every_language("organization__name"),
        "organization__acronym",
        "speaker",
        *in_every_language("session__title"),
    )
    autocomplete_fields = ("session", "organization", "original")
    list_select_related = ("session__conference", "organization")
    date_hierarchy = "uploaded_at"
    actions = ("publish", "unpublish")
    fields = (
        "session",
        "organization",
        "speaker",
        "language",
        "original",
        "file",
        "is_published",
        "size",
        "checksum",
        "uploaded_by",
        "uploaded_at",
        "published_at",
    )

    def get_queryset(self, request):
        # Texts sent ahead are the interpreters' until delivered.
        return super().get_queryset(request).exclude(sent_ahead=True)

    def get_readonly_fields(self, request, obj=None):
        readonly = ["size", "checksum", "uploaded_by", "uploaded_at", "published_at"]
        if not request.user.has_perm(CAN_PUBLISH):
            readonly.append("is_published")
        return readonly

    def get_inline_instances(self, request, obj=None):
        # A new statement has no earlier file.
        return super().get_inline_instances(request, obj) if obj else []

    def save_model(self, request, obj, form, change):
        if obj.uploaded_by_id is None:
            obj.uploaded_by = request.user
        obj.save(replaced_by=request.user)

    @admin.display(description=_("conference"), ordering="session__conference")
    def conference(self, statement):
        return statement.session.conference.short_name

    @admin.display(description=_("original"), boolean=True)
    def is_original(self, statement):
        return statement.original_id is None

    @admin.display(description=_("size"), ordering="size")
    def file_size(self, statement):
        return filesizeformat(statement.size)

    def has_publish_permission(self, request):
        return request.user.has_perm(CAN_PUBLISH)

    @admin.action(description=_("Publish selected statements"), permissions=["publish"])
    def publish(self, request, queryset):
        count = queryset.publish()
        self.message_user(
            request,
            ngettext("%(count)d statement published.", "%(count)d statements published.", count)
            % {"count": count},
            messages.SUCCESS,
        )

    @admin.action(description=_("Unpublish selected statements"), permissions=["publish"])
    def unpublish(self, request, queryset):
        count = queryset.unpublish()
        self.message_user(
            request,
            ngettext("%(count)d statement unpublished.", "%(count)d statements unpublished.", count)
            % {"count": count},
            messages.SUCCESS,
        )


class DocumentFileInline(admin.TabularInline):
    """The document's files, one per language, several added at once."""

    model = DocumentFile
    extra = 4
    fields = ("language", "file", "size")
    readonly_fields = ("size",)


@admin.register(Document)
class DocumentAdmin(FieldsInTheirLanguage, TabbedTranslationAdmin):
    list_display = ("symbol", "title", "conference", "kind", "date", "is_published", "languages")
    list_display_links = ("symbol", "title")
    list_filter = ("conference", "kind", "is_published")
    search_fields = ("symbol", *in_every_language("title"))
    autocomplete_fields = ("conference",)
    list_select_related = ("conference",)
    inlines = (DocumentFileInline,)
    fields = ("conference", "symbol", "title", "kind", "date", "order", "is_published")

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("files")

    @admin.display(description=_("languages"))
    def languages(self, document):
        return ", ".join(file.language.upper() for file in document.files.all())
