"""Signing in to the admin: one form asks for the username, the password and, for staff who
turned two-factor sign-in on, the code of their authenticator app; and the page shown to an
account or address locked out after repeated failed sign-ins (counted by django-axes, see
AXES_* in settings.py)."""

import math

from django.conf import settings
from django.contrib import admin
from django.contrib.admin.forms import AdminAuthenticationForm
from django.contrib.auth.signals import user_login_failed
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _

from . import two_factor


class AdminSignInForm(AdminAuthenticationForm):
    code = two_factor.CodeField(
        required=False,
        help_text=_("Only if you turned on two-factor sign-in: the six digits your app shows."),
    )

    def clean(self):
        cleaned_data = super().clean()
        user = self.get_user()
        device = two_factor.confirmed_device(user) if user is not None else None
        if device is None:
            return cleaned_data
        code = cleaned_data.get("code", "")
        verified = two_factor.verify(user, device, code)
        if verified is None:
            # A wrong code counts as a failed sign-in: guessing codes is locked out as guessing
            # passwords is.
            user_login_failed.send(
                sender=type(self),
                credentials={"username": user.get_username()},
                request=self.request,
            )
            self.add_error(
                "code",
                two_factor.WRONG_CODE
                if code
                else _("Enter the code your authenticator app shows."),
            )
            return cleaned_data
        # django-otp records the device in the session when Django signs the user in.
        user.otp_device = verified
        return cleaned_data


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
