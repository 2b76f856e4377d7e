"""The conference's own paragraph in each of its status e-mails, in every language, previewed
in each language as delegates will read it before it is saved."""

from django.conf import settings
from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect
from django.utils.translation import gettext as _

from registrations import own_words, status_emails
from registrations.models import (
    WITH_OWN_WORDS,
    Delegate,
    EmailKind,
    FollowUpForm,
    OwnWords,
    Registration,
    Status,
)

from ..forms import OwnWordsForm
from ..pages import conference_for, tool_page
from ..permissions import tool

# The status of the sample registration each e-mail is previewed for.
SAMPLE_STATUS = {
    EmailKind.SUBMITTED: Status.SUBMITTED,
    EmailKind.WAITLISTED: Status.WAITLISTED,
    EmailKind.CONFIRMED: Status.CONFIRMED,
    EmailKind.DECLINED: Status.DECLINED,
    EmailKind.FOLLOW_UP_REMINDER: Status.CONFIRMED,
}


@tool("own_words")
def own_words_list(request, slug):
    conference = conference_for(slug)
    written = {words.kind: words for words in OwnWords.objects.filter(conference=conference)}
    return tool_page(
        request,
        conference,
        "own_words.html",
        _("The conference's own words in its e-mails"),
        kinds=[(EmailKind(kind), languages_of(written.get(kind))) for kind in WITH_OWN_WORDS],
    )


def languages_of(words):
    """The names of the languages `words` are written in."""
    return [
        _(name)
        for language, name in settings.LANGUAGES
        if words is not None and getattr(words, f"text_{language}")
    ]


@tool("own_words")
def own_words_edit(request, slug, kind):
    conference = conference_for(slug)
    if kind not in WITH_OWN_WORDS:
        raise Http404
    words = OwnWords.objects.filter(conference=conference, kind=kind).first()
    form = OwnWordsForm(
        request.POST or None, instance=words or OwnWords(conference=conference, kind=kind)
    )
    previews = None
    if form.is_valid():
        if "preview" not in request.POST:
            form.save()
            messages.success(
                request,
                _("The paragraph of “%(email)s” is saved.") % {"email": EmailKind(kind).label},
            )
            return redirect("organizers:own_words", conference.slug)
        previews = preview(conference, kind, form.instance)
    return tool_page(
        request,
        conference,
        "own_words_edit.html",
        EmailKind(kind).label,
        form=form,
        previews=previews,
        placeholders=own_words.PLACEHOLDERS,
    )


def preview(conference, kind, words):
    """[(language's name, code, subject, body)] of the e-mail of `kind` in each language, with
    `words`, as a sample delegate would receive it."""
    follow_up = None
    if kind == EmailKind.FOLLOW_UP_REMINDER:
        follow_up = conference.follow_up_forms.order_by("-is_open", "deadline").first()
        follow_up = follow_up or FollowUpForm(
            conference=conference, title=_("Travel and arrival"), deadline=conference.start_date
        )
    previews = []
    for language, name in settings.LANGUAGES:
        sample = Registration(
            conference=conference,
            delegate=Delegate(email="amina.haddad@example.org"),
            given_name="Amina",
            family_name="Haddad",
            reference=f"{conference.reference_prefix}-0001",
            token="sample-private-link",
            language=language,
            status=SAMPLE_STATUS[kind],
        )
        email = status_emails.message(sample, kind, follow_up=follow_up, words=words)
        previews.append((_(name), language, email.subject, email.body))
    return previews
