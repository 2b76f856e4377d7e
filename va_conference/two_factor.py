"""Two-factor sign-in for staff: after the password, a code from an authenticator app (TOTP,
through django-otp).

Staff turn it on for themselves from the admin's user menu: the page shows a QR code and the
same key in text, and two-factor sign-in takes effect only once the app's code is confirmed.
Turning it off asks for a current code too. While an account has it on, the admin opens only to
sessions that gave a code (ConferenceAdminSite.has_permission), and with
ADMIN_REQUIRE_TWO_FACTOR_FOR_SUPERUSERS superusers are sent to turn it on before anything else.
"""

import base64

import django_otp
import segno
from django import forms
from django.conf import settings
from django.contrib import admin, messages
from django.db import transaction
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _
from django_otp.plugins.otp_totp.models import TOTPDevice


def confirmed_device(user):
    return TOTPDevice.objects.devices_for_user(user, confirmed=True).order_by("pk").first()


def set_up_required(user):
    """A superuser who must turn two-factor sign-in on before using the admin."""
    return (
        settings.ADMIN_REQUIRE_TWO_FACTOR_FOR_SUPERUSERS
        and user.is_active
        and user.is_superuser
        and not django_otp.user_has_device(user)
    )


def verify(user, device, code):
    """The device, if `code` is one it shows now (each code is accepted once)."""
    code = "".join(code.split())
    return django_otp.verify_token(user, device.persistent_id, code) if code else None


class CodeField(forms.CharField):
    def __init__(self, **kwargs):
        kwargs.setdefault("label", _("Code from your authenticator app"))
        kwargs.setdefault("max_length", 12)
        kwargs.setdefault(
            "widget",
            forms.TextInput(
                attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "size": 8}
            ),
        )
        super().__init__(**kwargs)


WRONG_CODE = _(
    "This code is not the one your app shows now. Enter the code it shows, before it changes."
)


class CodeForm(forms.Form):
    code = CodeField(help_text=_("Six digits; the app shows a new one every 30 seconds."))

    def __init__(self, user, device, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        self.device = device

    def clean_code(self):
        if verify(self.user, self.device, self.cleaned_data["code"]) is None:
            raise forms.ValidationError(WRONG_CODE, code="wrong_code")
        return self.cleaned_data["code"]


def manage(request):
    """The staff member's own two-factor sign-in: turn it on, or off."""
    device = confirmed_device(request.user)
    if device is None:
        return turn_on(request)
    return turn_off(request, device)


def turn_on(request):
    user = request.user
    device = TOTPDevice.objects.devices_for_user(user, confirmed=False).order_by("pk").first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name=_("Authenticator app"), confirmed=False)
    form = CodeForm(user, device, request.POST if request.method == "POST" else None)
    if form.is_valid():
        with transaction.atomic():
            device.confirmed = True
            device.save(update_fields=["confirmed"])
            TOTPDevice.objects.devices_for_user(user, confirmed=False).delete()
        # This session gave the code: it stays signed in with two factors.
        django_otp.login(request, device)
        messages.success(
            request,
            _("Two-factor sign-in is on: signing in now asks for a code from your app."),
        )
        return redirect("admin:index")
    return page(
        request,
        form,
        {
            "turning_on": True,
            "required": set_up_required(user),
            "qr_code": segno.make(device.config_url, error="m").svg_inline(
                scale=5, dark="#000", light="#fff"
            ),
            "key": " ".join(grouped(base64.b32encode(device.bin_key).decode(), 4)),
        },
    )


def turn_off(request, device):
    form = CodeForm(request.user, device, request.POST if request.method == "POST" else None)
    if form.is_valid():
        TOTPDevice.objects.devices_for_user(request.user, confirmed=None).delete()
        messages.success(
            request, _("Two-factor sign-in is off: signing in asks only for your password.")
        )
        return redirect("admin:index")
    return page(request, form, {"turning_on": False})


def page(request, form, context):
    return TemplateResponse(
        request,
        "admin/two_factor.html",
        {
            **admin.site.each_context(request),
            "title": _("Two-factor sign-in"),
            "form": form,
            **context,
        },
    )


def grouped(text, size):
    return [text[start : start + size] for start in range(0, len(text), size)]
