"""Releasing the programme: what changed since the last release, what to fix first, and the
release itself, which the public programme, session pages and calendar then show."""

from django.contrib import messages
from django.db import IntegrityError, transaction
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from floor import programme_changes
from sessions import releases

from ..forms import ReleaseForm
from ..pages import conference_for, tool_page
from ..permissions import tool


@tool("programme_release")
def release(request, slug):
    conference = conference_for(slug)
    made = conference.programme_releases.count()
    changes = releases.pending(conference)
    form = ReleaseForm(
        request.POST or None, conference=conference, initial={"name": f"Rev.{made + 1}"}
    )
    if request.method == "POST" and form.is_valid():
        if made and not changes:
            form.add_error(None, _("Nothing changed since the last release."))
        else:
            try:
                with transaction.atomic():
                    done = releases.release(
                        conference,
                        form.cleaned_data["name"],
                        request.user,
                        **{k: v for k, v in form.cleaned_data.items() if k.startswith("note_")},
                    )
                    told = programme_changes.tell(done)
            except IntegrityError:
                form.add_error("name", _("This programme already has a release of that name."))
            else:
                messages.success(
                    request,
                    ngettext(
                        "%(name)s is released: the public programme shows it. %(count)s person "
                        "whose sessions changed is told by e-mail.",
                        "%(name)s is released: the public programme shows it. %(count)s people "
                        "whose sessions changed are told by e-mail.",
                        told,
                    )
                    % {"name": done.name, "count": told},
                )
                return redirect("organizers:programme_release", conference.slug)
    return tool_page(
        request,
        conference,
        "programme_release.html",
        _("Release the programme"),
        form=form,
        changes=changes,
        first=not made,
        warnings=releases.warnings(conference),
        latest=releases.latest(conference),
    )
