"""Publishing the List of Participants or an Addendum: it becomes an official document of its
conference, with its symbol, a PDF of the public edition in each language of the site.

Publishing again (after a correction, or to bring the PDFs up to date) replaces the files of the
same document. The PDFs are drawn before the transaction opens: four languages take seconds,
and no row need stay locked meanwhile.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from sessions.models import Document, DocumentFile, DocumentKind

from .models import ParticipantsList
from .participants_list import Edition, addendum_pdf, list_pdf

SYMBOL_TAKEN = gettext_lazy("Another document of the site already has the symbol %(symbol)s.")


def title_of(official):
    """The document's title in the active language."""
    if official.kind == ParticipantsList.Kind.ADDENDUM:
        return _("List of Participants: Addendum")
    return _("List of Participants")


def public_pdf(official, language):
    if official.kind == ParticipantsList.Kind.ADDENDUM:
        return addendum_pdf(official, language, Edition.PUBLIC)
    return list_pdf(official.conference, language, Edition.PUBLIC)


def publish(official):
    """Make (or update) the published Document of `official`, with a PDF of the public edition
    per language. Raises ValidationError when another document holds its symbol."""
    taken = Document.objects.filter(symbol=official.symbol)
    if official.document_id:
        taken = taken.exclude(pk=official.document_id)
    if taken.exists():
        raise ValidationError(SYMBOL_TAKEN % {"symbol": official.symbol})
    pdfs = {language: public_pdf(official, language) for language, _name in settings.LANGUAGES}
    with transaction.atomic():
        official = ParticipantsList.objects.select_for_update().get(pk=official.pk)
        document = official.document or Document(conference=official.conference)
        document.symbol = official.symbol
        document.kind = DocumentKind.OTHER
        document.date = official.date
        document.is_published = True
        for language, _name in settings.LANGUAGES:
            with translation.override(language):
                setattr(document, f"title_{language}", title_of(official))
        document.save()
        # The earlier files go, theirs deleted once this is committed (delete_stored_file).
        document.files.all().delete()
        for language, content in pdfs.items():
            name = f"{official.symbol.replace('/', '-')}-{language.upper()}.pdf"
            DocumentFile.objects.create(
                document=document, language=language, file=ContentFile(content, name=name)
            )
        official.document = document
        official.save(update_fields=["document"])
    return document
