"""The organizations' admin, whose merge folds the delegations of the merged organizations
first: the core's OrganizationAdmin knows nothing of delegations."""

from django.contrib import admin
from django.db import transaction

from va_conference.admin import OrganizationAdmin
from va_conference.models import Organization

from .merging import fold_delegations


class OrganizationWithDelegationsAdmin(OrganizationAdmin):
    @transaction.atomic
    def merge_organizations(self, request, keep, duplicates):
        # Before the merge moves the duplicates' delegations: two of them to one conference
        # would break the rule of one delegation per organization and conference.
        fold_delegations(keep, duplicates, made_by=request.user)
        super().merge_organizations(request, keep, duplicates)


admin.site.unregister(Organization)
admin.site.register(Organization, OrganizationWithDelegationsAdmin)
