"""The public summary of the report to donors, without names, published as an official document
of the conference when the committee chooses: a PDF in each language of the site, made again,
in place, each time the committee publishes it."""

from django.conf import settings
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from sessions.models import Document, DocumentFile, DocumentKind

from .models import Budget
from .report import report_pdf


@transaction.atomic
def publish(conference):
    """Publish the summary of `conference`'s programme, or make it again; returns the document.
    The programme's budget must exist: it keeps which document is its summary."""
    budget = Budget.objects.select_for_update().get(conference=conference)
    document = budget.summary or Document(conference=conference, kind=DocumentKind.OTHER)
    for language, _name in settings.LANGUAGES:
        with translation.override(language):
            setattr(document, f"title_{language}", _("The sponsorship programme: summary"))
    document.date = timezone.localdate(timezone=conference.tzinfo)
    document.is_published = True
    document.save()
    # The earlier files go (each once the change is committed), the new ones come.
    for earlier in document.files.all():
        earlier.delete()
    for language, _name in settings.LANGUAGES:
        pdf = report_pdf(conference, None, language, public=True)
        DocumentFile.objects.create(
            document=document,
            language=language,
            file=ContentFile(pdf, name=f"sponsorship-summary-{language}.pdf"),
        )
    if budget.summary_id != document.pk:
        budget.summary = document
        budget.save(update_fields=["summary"])
    return document
