"""Every tool of a conference's desk, declared once: its name, its label, the permission it
asks, where it opens and under which heading of the dashboard. The permission decorator
(`organizers/permissions.py`), the conference chooser and the dashboard all read it.

A tool is either a page of ours under the conference's URL (`organizers:<name>`), which the
conference chooser can open on another conference, or a list, form or page of the admin,
opened on the conference's own entries.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _

from va_conference import roles

# The dashboard's headings, in their order.
GROUPS = {
    "registration": _("Registration"),
    "delegations": _("Delegations"),
    "floor": _("The floor"),
    "letters": _("Letters"),
    "sponsorship": _("Sponsorship programme"),
    "programme": _("Programme and statements"),
    "conference": _("The conference"),
}


@dataclass(frozen=True)
class Tool:
    name: str
    label: str
    permission: str
    group: str
    # Where the tool opens on a conference; None for a page of ours, `organizers:<name>`.
    address: Callable | None = None

    @property
    def is_page(self):
        """Whether the tool is a page under the conference's URL, which the chooser opens."""
        return self.address is None

    def url(self, conference):
        if self.address is None:
            return reverse(f"organizers:{self.name}", args=[conference.slug])
        return self.address(conference)


def admin_list(url_name, **filters):
    """The address of the admin's list `url_name`, filtered."""
    url = reverse(f"admin:{url_name}_changelist")
    return f"{url}?{urlencode(filters)}" if filters else url


def changelist(url_name, lookup="conference__id__exact"):
    """The admin's list `url_name` showing the conference's entries only: `lookup` is the path
    from the list's model to the conference's primary key."""
    return lambda conference: admin_list(url_name, **{lookup: conference.pk})


def add_form(url_name):
    """The admin's form adding a `url_name` to the conference."""
    return lambda conference: reverse(f"admin:{url_name}_add") + f"?conference={conference.pk}"


def letterhead(conference):
    existing = getattr(conference, "letterhead", None)
    if existing is None:
        return add_form("letters_letterhead")(conference)
    return reverse("admin:letters_letterhead_change", args=[existing.pk])


def sponsorship_budget(conference):
    existing = getattr(conference, "sponsorship_budget", None)
    if existing is None:
        return add_form("sponsorship_budget")(conference)
    return reverse("admin:sponsorship_budget_change", args=[existing.pk])


def settings_of(conference):
    return reverse("admin:va_conference_conference_change", args=[conference.pk])


OF_REGISTRATION = "registration__conference__id__exact"

# The dashboard itself: every other tool is reached from it.
DASHBOARD = Tool("dashboard", _("Dashboard"), "registrations.view_registration", "conference")

TOOLS = (
    DASHBOARD,
    Tool(
        "registrations",
        _("Registrations"),
        "registrations.view_registration",
        "registration",
        changelist("registrations_registration"),
    ),
    Tool("check_in", _("Check-in"), "registrations.add_attendance", "registration"),
    Tool("figures", _("Figures"), roles.FIGURES, "registration"),
    Tool(
        "online_attendance",
        _("Online attendance"),
        "registrations.add_onlineattendance",
        "registration",
    ),
    Tool(
        "write_to_delegates", _("Write to delegates"), "registrations.add_message", "registration"
    ),
    Tool(
        "questions",
        _("The conference's own questions"),
        "registrations.view_question",
        "registration",
        changelist("registrations_question"),
    ),
    Tool(
        "add_question",
        _("Add a question"),
        "registrations.add_question",
        "registration",
        add_form("registrations_question"),
    ),
    Tool(
        "own_words",
        _("The conference's own words in its e-mails"),
        "registrations.change_ownwords",
        "registration",
    ),
    Tool(
        "follow_up_forms",
        _("Follow-up forms"),
        "registrations.view_followupform",
        "registration",
        changelist("registrations_followupform"),
    ),
    Tool(
        "copy_questions",
        _("Copy the questions of another conference"),
        "registrations.add_question",
        "registration",
    ),
    Tool(
        "deliveries",
        _("E-mails to delegates"),
        "registrations.view_delivery",
        "registration",
        changelist("registrations_delivery", OF_REGISTRATION),
    ),
    Tool(
        "messages",
        _("Messages written to delegates"),
        "registrations.view_message",
        "registration",
        changelist("registrations_message"),
    ),
    Tool(
        "delegations",
        _("Delegations and their credentials"),
        "delegations.view_delegation",
        "delegations",
        changelist("delegations_delegation"),
    ),
    Tool(
        "focal_points",
        _("Focal points"),
        "delegations.view_focalpoint",
        "delegations",
        changelist("delegations_focalpoint", "delegation__conference__id__exact"),
    ),
    Tool(
        "name_focal_point",
        _("Name a focal point"),
        "delegations.add_focalpoint",
        "delegations",
        add_form("delegations_focalpoint"),
    ),
    Tool("participants_list", _("List of Participants"), roles.PARTICIPANTS_LISTS, "delegations"),
    Tool("credentials_report", _("Credentials report"), roles.CREDENTIALS_REPORT, "delegations"),
    Tool("speakers_sessions", _("Lists of speakers"), "floor.view_speakerslist", "floor"),
    Tool("interpreters", _("Texts for the interpreters"), "floor.read_texts_sent_ahead", "floor"),
    Tool(
        "visa_requests",
        _("Visa letter requests"),
        "registrations.view_visarequest",
        "letters",
        changelist("registrations_visarequest", OF_REGISTRATION),
    ),
    Tool(
        "letters",
        _("Letters and certificates issued"),
        "letters.view_letter",
        "letters",
        changelist("letters_letter"),
    ),
    Tool("letterhead", _("Letterhead"), "letters.change_letterhead", "letters", letterhead),
    Tool(
        "sponsorship_candidates",
        _("Candidates for sponsorship"),
        "sponsorship.view_candidacy",
        "sponsorship",
    ),
    Tool(
        "sponsorship_report",
        _("Report to donors"),
        "sponsorship.view_offer",
        "sponsorship",
    ),
    Tool(
        "funds",
        _("Funds"),
        "sponsorship.view_fund",
        "sponsorship",
        changelist("sponsorship_fund"),
    ),
    Tool(
        "fare_estimates",
        _("Fare estimates"),
        "sponsorship.view_fareestimate",
        "sponsorship",
        changelist("sponsorship_fareestimate"),
    ),
    Tool(
        "sponsorship_budget",
        _("DSA rate and nights paid"),
        "sponsorship.change_budget",
        "sponsorship",
        sponsorship_budget,
    ),
    Tool(
        "sessions",
        _("Sessions"),
        "programme.view_session",
        "programme",
        changelist("programme_session"),
    ),
    Tool(
        "add_session",
        _("Add a session"),
        "programme.add_session",
        "programme",
        add_form("programme_session"),
    ),
    Tool(
        "programme_release",
        _("Release the programme"),
        "programme.add_programmerelease",
        "programme",
    ),
    Tool(
        "programme_widget",
        _("The programme on another website"),
        "programme.view_session",
        "programme",
    ),
    Tool(
        "rooms",
        _("Rooms"),
        "programme.view_room",
        "programme",
        changelist("programme_room"),
    ),
    Tool(
        "statements",
        _("Statements"),
        "programme.view_statement",
        "programme",
        changelist("programme_statement", "session__conference__id__exact"),
    ),
    Tool(
        "upload_statements",
        _("Upload a session's statements"),
        "programme.add_statement",
        "programme",
    ),
    Tool(
        "documents",
        _("Official documents"),
        "programme.view_document",
        "programme",
        changelist("programme_document"),
    ),
    Tool(
        "updates",
        _("Updates"),
        "va_conference.view_update",
        "programme",
        changelist("va_conference_update"),
    ),
    Tool(
        "settings",
        _("The conference's settings"),
        "va_conference.change_conference",
        "conference",
        settings_of,
    ),
    Tool(
        "next_conference",
        _("Start a new conference from this one"),
        "va_conference.add_conference",
        "conference",
    ),
)

BY_NAME = {each.name: each for each in TOOLS}


def named(name):
    return BY_NAME[name]
