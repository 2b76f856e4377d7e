"""Who is locked out of the admin after failed sign-ins, so that an outsider cannot aim a
lock-out at the secretariat.

Failures are counted three ways, each against its own limit: per account and address together
(AXES_FAILURE_LIMIT: someone guessing one account's password from one place), per address for
any account (ADMIN_LOGIN_ADDRESS_FAILURE_LIMIT, higher: one place guessing many accounts), and
per account from anywhere (ADMIN_LOGIN_ACCOUNT_FAILURE_LIMIT, higher) only for an account that
signs in with a password alone: a two-factor staff member is never locked out by failures made
elsewhere, since a guessed password alone does not sign in. An IPv6 address is counted by its
/64 (va_conference/proxies.py).

django-axes compares the most failures of any of its lockout parameters with one limit; here
each parameter's count is scaled to that limit by its own (the `get_failures` of its database
handler, which both the check before a sign-in and the lock-out after a failure read).
tests/va_conference/test_django_internals.py fails if the handler's attempts stop following the
order of the parameters.
"""

from axes.handlers.database import AxesDatabaseHandler
from axes.helpers import get_client_username, get_lockout_parameters
from django.conf import settings
from django.contrib.auth import get_user_model
from django.db.models import Sum

from . import two_factor

ACCOUNT_AND_ADDRESS = ("username", "ip_address")


def lockout_parameters(request_or_attempt, credentials=None):
    """django-axes' AXES_LOCKOUT_PARAMETERS, for the account being signed in to."""
    parameters = [list(ACCOUNT_AND_ADDRESS), "ip_address"]
    if not signs_in_with_two_factor(username_of(request_or_attempt, credentials)):
        parameters.append("username")
    return parameters


def username_of(request_or_attempt, credentials):
    if hasattr(request_or_attempt, "failures_since_start"):  # an AccessAttempt
        return request_or_attempt.username
    return get_client_username(request_or_attempt, credentials)


def signs_in_with_two_factor(username):
    if not username:
        return False
    user = get_user_model()._default_manager.filter(username=username).first()
    return user is not None and two_factor.confirmed_device(user) is not None


def limit_of(parameter):
    if parameter == "ip_address":
        return settings.ADMIN_LOGIN_ADDRESS_FAILURE_LIMIT
    if parameter == "username":
        return settings.ADMIN_LOGIN_ACCOUNT_FAILURE_LIMIT
    return settings.AXES_FAILURE_LIMIT


class SignInFailures(AxesDatabaseHandler):
    def get_failures(self, request, credentials=None):
        """The failures of the parameter nearest its limit, scaled to AXES_FAILURE_LIMIT."""
        limit = settings.AXES_FAILURE_LIMIT
        counted = zip(
            get_lockout_parameters(request, credentials),
            self.get_user_attempts(request, credentials),
            strict=True,
        )
        worst = 0
        for parameter, attempts in counted:
            failures = attempts.aggregate(total=Sum("failures_since_start"))["total"] or 0
            worst = max(worst, failures * limit // max(limit_of(parameter), 1))
        return worst
