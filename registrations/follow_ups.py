"""Follow-up forms: questions asked of confirmed delegates after registration, on their private
page, by a deadline. Who is asked, who has not answered yet, and the one reminder each of them
gets, in their language, through the worker like every e-mail.

"Once" is a rule of the database (a delegate has one reminder of a form at most): running the
reminders daily, twice, or on two machines at once reminds nobody twice.
"""

import datetime

from django.db import IntegrityError, transaction
from django.db.models import Count, Exists, OuterRef, Q
from django.utils import timezone

from . import questions, status_emails
from .models import Delivery, EmailKind, FollowUpForm, FollowUpReply, Registration, Status


def open_forms(conference):
    """The conference's follow-up forms open to confirmed delegates, by deadline."""
    return conference.follow_up_forms.filter(is_open=True).order_by("deadline", "pk")


def asks(registration):
    """Whether a registration is asked follow-up forms at all: once confirmed."""
    return registration.status == Status.CONFIRMED


def forms_for(registration):
    """[(form, whether they sent it)] of the open follow-up forms a registration is asked."""
    if not asks(registration):
        return []
    sent = FollowUpReply.objects.filter(registration=registration, form=OuterRef("pk"))
    return [
        (form, form.sent)
        for form in open_forms(registration.conference).annotate(sent=Exists(sent))
    ]


def questions_of(form):
    """The form's current questions, in their order, with their choices."""
    return questions.asked_of_delegates(form.conference, follow_up=form)


@transaction.atomic
def send(registration, form, answers):
    """Keep a delegate's answers to `form` ({question: stored value}) and that they sent it."""
    questions.save_answers(registration, list(questions_of(form)), answers)
    FollowUpReply.objects.update_or_create(registration=registration, form=form)


def not_answered(conference, confirmed):
    """[(form, how many of the `confirmed` delegates have not sent it)] for each open form, in
    one query."""
    forms = open_forms(conference).annotate(
        sent=Count("replies", filter=Q(replies__registration__status=Status.CONFIRMED))
    )
    return [(form, confirmed - form.sent) for form in forms]


def waiting(form):
    """The confirmed registrations that have not sent `form`."""
    return Registration.objects.filter(
        conference=form.conference_id, status=Status.CONFIRMED
    ).exclude(follow_up_replies__form=form)


def forms_due(today):
    """Open forms whose delegates are reminded today: from `reminder_days` before the deadline
    up to the deadline itself (a day missed by the schedule is caught up)."""
    return [
        form
        for form in FollowUpForm.objects.filter(is_open=True, deadline__gte=today)
        if today >= form.deadline - datetime.timedelta(form.reminder_days)
    ]


def send_reminders(today=None):
    """Queue the reminders due `today` (the site's date by default); the number queued."""
    today = today or timezone.localdate()
    queued = 0
    for form in forms_due(today):
        reminded = Delivery.objects.filter(
            kind=EmailKind.FOLLOW_UP_REMINDER, follow_up=form
        ).values("registration")
        for registration in waiting(form).exclude(pk__in=reminded):
            try:
                with transaction.atomic():
                    status_emails.queue(registration, EmailKind.FOLLOW_UP_REMINDER, follow_up=form)
            except IntegrityError:
                continue  # reminded at the same moment by another run
            queued += 1
    return queued
