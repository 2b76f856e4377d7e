"""Signing in to the admin: the page shown to an account or address locked out after repeated
failed sign-ins (counted by django-axes, see AXES_* in settings.py)."""

import math

from django.conf import settings
from django.contrib import admin
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _


def locked_out(request, original_response, credentials):
    """django-axes' AXES_LOCKOUT_CALLABLE. Each refused attempt starts the wait again, so the
    lock ends a whole cool-off after this one."""
    minutes = math.ceil(settings.AXES_COOLOFF_TIME.total_seconds() / 60)
    return render(
        request,
        "admin/locked_out.html",
        {
            **admin.site.each_context(request),
            "title": _("Too many failed sign-ins"),
            "minutes": minutes,
        },
        status=settings.AXES_HTTP_RESPONSE_CODE,
    )
