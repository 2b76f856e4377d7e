"""What a delegation sent (credentials, a note verbale), downloaded by organizers: never
public."""

from django.shortcuts import get_object_or_404

from delegations.models import DelegationDocument
from delegations.views import private_file

from ..permissions import tool


@tool("delegations", "delegations.view_delegationdocument")
def download(request, slug, pk):
    document = get_object_or_404(
        DelegationDocument.objects.select_related("delegation__organization"),
        pk=pk,
        delegation__conference__slug=slug,
    )
    return private_file(document)
