"""The registrations' list filters: by the organization's country, by accessibility need."""

from django.contrib import admin
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from .. import follow_ups
from ..models import ACCESSIBILITY_NEEDS, FollowUpForm, Registration


class OrganizationCountryFilter(admin.SimpleListFilter):
    title = _("country")
    parameter_name = "country"

    def lookups(self, request, model_admin):
        # Without order_by(), the model's ordering joins the DISTINCT: one row per registration.
        present = (
            Registration.objects.exclude(organization__country="")
            .order_by()
            .values_list("organization__country", flat=True)
            .distinct()
        )
        names = dict(countries)
        return sorted(((code, names.get(code, code)) for code in present), key=lambda c: c[1])

    def queryset(self, request, queryset):
        if self.value():
            return queryset.filter(organization__country=self.value())
        return queryset


class AccessibilityNeedFilter(admin.SimpleListFilter):
    title = _("accessibility needs")
    parameter_name = "accessibility"

    def lookups(self, request, model_admin):
        return [("any", _("Any need"))] + [(need.key, need.label) for need in ACCESSIBILITY_NEEDS]

    def queryset(self, request, queryset):
        value = self.value()
        if value == "any":
            condition = Q()
            for need in ACCESSIBILITY_NEEDS:
                condition |= need.condition
            return queryset.filter(condition)
        for need in ACCESSIBILITY_NEEDS:
            if need.key == value:
                return queryset.filter(need.condition)
        return queryset


class NotAnsweredFilter(admin.SimpleListFilter):
    """The confirmed delegates who have not sent an open follow-up form, as the dashboard counts
    them."""

    title = _("follow-up form not answered")
    parameter_name = "not_answered"

    def lookups(self, request, model_admin):
        forms = FollowUpForm.objects.filter(is_open=True).select_related("conference")
        return [(str(form.pk), f"{form.conference.short_name}: {form.title}") for form in forms]

    def queryset(self, request, queryset):
        if not self.value():
            return queryset
        form = (
            FollowUpForm.objects.filter(pk=self.value()).first() if self.value().isdigit() else None
        )
        if form is None:
            return queryset.none()
        return queryset.filter(pk__in=follow_ups.waiting(form).values("pk"))
