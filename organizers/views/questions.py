"""The conference's own questions: those of another conference copied in one step (the same
meeting comes back every year). Each question is added and changed in the admin."""

from django.contrib import messages
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from registrations import questions

from ..forms import CopyQuestionsForm
from ..pages import conference_for, tool_page
from ..permissions import tool
from ..tools import admin_list


@tool("copy_questions")
def copy_questions(request, slug):
    conference = conference_for(slug)
    form = CopyQuestionsForm(request.POST or None, conference=conference)
    if form.is_valid():
        count = questions.copy_questions(form.cleaned_data["source"], conference)
        messages.success(
            request,
            ngettext("%(count)d question copied.", "%(count)d questions copied.", count)
            % {"count": count},
        )
        return redirect(admin_list("registrations_question", conference__id__exact=conference.pk))
    return tool_page(
        request,
        conference,
        "copy_questions.html",
        _("Copy the questions of another conference"),
        form=form,
    )
