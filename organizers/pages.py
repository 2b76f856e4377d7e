"""The frame of every page of the organizers' tools: the admin's, under the conference's
dashboard, with the form that opens the same tool on another conference."""

from django.contrib import admin
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse

from va_conference.models import Conference

from .forms import ConferenceChoiceForm


def tool_page(request, conference, template, title, **context):
    """A tool's page in the admin's frame, with the form that switches to another conference."""
    return TemplateResponse(
        request,
        f"organizers/{template}",
        {
            **admin.site.each_context(request),
            "title": title,
            "conference": conference,
            "tool": request.tool,
            "conference_form": ConferenceChoiceForm(
                initial={"conference": conference, "tool": request.tool.name}
            ),
            **context,
        },
    )


def conference_for(slug):
    return get_object_or_404(Conference, slug=slug)
