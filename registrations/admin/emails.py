"""E-mails to delegates: the organizers' messages, and every e-mail with what became of it."""

from django.contrib import admin, messages
from django.db.models import Count, Q
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from modeltranslation.admin import TranslationAdmin

from va_conference.admin_site import FieldsInTheirLanguage

from .. import organizers_messages, status_emails
from ..models import Delivery, EmailKind, Message


class DeliveryInline(admin.TabularInline):
    model = Delivery
    extra = 0
    fields = ("registration", "delegate", "state", "language", "attempts", "sent_at", "error")
    readonly_fields = fields
    can_delete = False

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("registration")

    def has_add_permission(self, request, obj=None):
        return False

    @admin.display(description=_("delegate"))
    def delegate(self, delivery):
        return delivery.registration.full_name


@admin.register(Message)
class MessageAdmin(FieldsInTheirLanguage, TranslationAdmin):
    """What was written to whom, and what became of each e-mail."""

    list_display = ("subject", "conference", "created_at", "written_by", "sent", "failed")
    list_filter = ("conference",)
    readonly_fields = ("conference", "written_by", "created_at")
    inlines = (DeliveryInline,)
    actions = ("send_failed_again",)

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .select_related("conference", "written_by")
            .annotate(
                sent_total=Count("deliveries", filter=Q(deliveries__state=Delivery.State.SENT)),
                failed_total=Count("deliveries", filter=Q(deliveries__state=Delivery.State.FAILED)),
            )
        )

    def has_add_permission(self, request):
        # Messages are written from the list of registrations, to the ones selected there.
        return False

    @admin.display(description=_("sent"), ordering="sent_total")
    def sent(self, message):
        return message.sent_total

    @admin.display(description=_("failed"), ordering="failed_total")
    def failed(self, message):
        return message.failed_total

    @admin.action(description=_("Send the failed e-mails again"), permissions=["change"])
    def send_failed_again(self, request, queryset):
        for message in queryset:
            organizers_messages.send_again(message)
        self.message_user(request, _("The failed e-mails are being sent again."), messages.SUCCESS)


@admin.register(Delivery)
class DeliveryAdmin(admin.ModelAdmin):
    """Every e-mail to a delegate, status e-mails and messages alike: what went, what failed."""

    actions = ("send_again",)
    list_display = ("created_at", "kind", "reference", "address", "state", "attempts", "sent_at")
    list_filter = ("state", "kind", "registration__conference")
    search_fields = ("=registration__reference", "registration__delegate__email", "to")
    list_select_related = ("registration__delegate", "focal_point")
    readonly_fields = (
        "kind",
        "message",
        "registration",
        "focal_point",
        "to",
        "state",
        "language",
        "attempts",
        "created_at",
        "sent_at",
        "error",
    )
    exclude = ("link",)
    show_full_result_count = False

    def has_add_permission(self, request):
        return False

    @admin.display(description=_("reference"), ordering="registration__reference")
    def reference(self, delivery):
        # An e-mail to a focal point is about no one registration.
        return delivery.registration.reference if delivery.registration else "—"

    @admin.display(description=_("to"))
    def address(self, delivery):
        return delivery.address

    @admin.action(description=_("Send the unsent e-mails again"), permissions=["change"])
    def send_again(self, request, queryset):
        count = status_emails.send_again(queryset)
        unsent = [Delivery.State.FAILED, Delivery.State.PENDING]
        for message in Message.objects.filter(
            deliveries__in=queryset.filter(state__in=unsent)
        ).distinct():
            count += message.deliveries.filter(state__in=unsent).count()
            organizers_messages.send_again(message)
        self.message_user(
            request,
            ngettext(
                "%(count)d e-mail is being sent again.",
                "%(count)d e-mails are being sent again.",
                count,
            )
            % {"count": count},
            messages.SUCCESS,
        )


def status_emails_of(registration):
    """What the delegate was sent, and what became of each e-mail: a list to read on the
    registration's page, not a form (failed ones are sent again from the list of e-mails)."""
    deliveries = registration.deliveries.exclude(kind=EmailKind.MESSAGE).order_by("pk")
    if not deliveries:
        return "—"
    return format_html(
        "<ul>{}</ul>",
        format_html_join(
            "",
            "<li>{}: {} ({}, {}){}</li>",
            (
                (
                    date_format(timezone.localtime(delivery.created_at), "DATETIME_FORMAT"),
                    delivery.get_kind_display(),
                    delivery.address,
                    delivery.get_state_display(),
                    f" — {delivery.error}" if delivery.error else "",
                )
                for delivery in deliveries.select_related("registration__delegate")
            ),
        ),
    )
