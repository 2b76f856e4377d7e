"""A conference's own questions, beyond the built-in ones, and each registration's answers.

A question has a label and help in each of the site's languages, a type, and says whom it is
asked: the delegate on the registration form (and their private page), only the organizers (an
internal field), or the desk at check-in; to delegates of some organization kinds or roles only;
and, one level deep, only when another question's answer is one of some values. Which questions
apply to a registration, and how each answer is read and checked, is in
registrations/questions.py.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from va_conference.models import OrganizationKind

from .choices import Role


class QuestionType(models.TextChoices):
    TEXT = "text", _("Short text")
    LONG_TEXT = "long_text", _("Long text")
    NUMBER = "number", _("Number")
    YES_NO = "yes_no", _("Yes or no")
    CHOICE = "choice", _("One choice")
    CHOICES = "choices", _("Several choices")
    DATE = "date", _("Date")
    COUNTRY = "country", _("Country")
    PHONE = "phone", _("Phone number")


# The types whose answers are among the question's choices.
WITH_CHOICES = (QuestionType.CHOICE, QuestionType.CHOICES)
# The types another question may depend on: their answers are among known values.
DEPENDABLE = (QuestionType.YES_NO, *WITH_CHOICES)
# The values of a yes/no answer, as stored and as a condition names them.
YES, NO = "yes", "no"


class Asked(models.TextChoices):
    DELEGATE = "delegate", _("To the delegate, when registering")
    ORGANIZERS = "organizers", _("Only to the organizers (an internal field)")
    CHECK_IN = "check_in", _("At check-in, by the desk")


class QuestionQuerySet(models.QuerySet):
    def current(self):
        """The questions still asked: archived ones keep their answers, and are not asked."""
        return self.filter(archived_at=None)


class FollowUpForm(models.Model):
    """Questions asked of confirmed delegates after registration, on their private page, to be
    answered by a deadline ("Travel and arrival": arrival, flight, hotel). Those who have not
    answered are reminded once, a number of days before it (registrations/follow_ups.py)."""

    conference = models.ForeignKey(
        "va_conference.Conference",
        verbose_name=_("conference"),
        on_delete=models.CASCADE,
        related_name="follow_up_forms",
    )
    title = models.CharField(_("title"), max_length=200)
    deadline = models.DateField(_("answer by"))
    reminder_days = models.PositiveSmallIntegerField(
        _("reminder, days before the deadline"),
        default=3,
        help_text=_("Delegates who have not answered by then are reminded once, by e-mail."),
    )
    is_open = models.BooleanField(
        _("open to confirmed delegates"),
        default=False,
        help_text=_("Add its questions first: once open, confirmed delegates are asked them."),
    )

    class Meta:
        verbose_name = _("follow-up form")
        verbose_name_plural = _("follow-up forms")
        ordering = ["conference", "deadline", "pk"]

    def __str__(self):
        return self.title


class FollowUpReply(models.Model):
    """A delegate has sent a follow-up form: they are not counted or reminded any more."""

    registration = models.ForeignKey(
        "Registration",
        verbose_name=_("registration"),
        on_delete=models.CASCADE,
        related_name="follow_up_replies",
    )
    form = models.ForeignKey(
        FollowUpForm,
        verbose_name=_("follow-up form"),
        on_delete=models.CASCADE,
        related_name="replies",
    )
    sent_at = models.DateTimeField(_("sent"), auto_now=True)

    class Meta:
        verbose_name = _("reply to a follow-up form")
        verbose_name_plural = _("replies to follow-up forms")
        constraints = [
            models.UniqueConstraint(fields=["registration", "form"], name="one_reply_per_form"),
        ]

    def __str__(self):
        return f"{self.form} ← {self.registration}"


class Question(models.Model):
    conference = models.ForeignKey(
        "va_conference.Conference",
        verbose_name=_("conference"),
        on_delete=models.CASCADE,
        related_name="questions",
    )
    label = models.CharField(_("question"), max_length=300)
    help_text = models.CharField(_("help text"), max_length=500, blank=True)
    type = models.CharField(_("type"), max_length=10, choices=QuestionType.choices)
    required = models.BooleanField(_("required"), default=False)
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    asked = models.CharField(
        _("asked"), max_length=10, choices=Asked.choices, default=Asked.DELEGATE
    )
    minimum = models.DecimalField(
        _("minimum"), max_digits=12, decimal_places=2, null=True, blank=True
    )
    maximum = models.DecimalField(
        _("maximum"), max_digits=12, decimal_places=2, null=True, blank=True
    )
    organization_kinds = models.JSONField(
        _("only for organizations of these kinds"),
        default=list,
        blank=True,
        help_text=_("None: asked of every organization."),
    )
    roles = models.JSONField(
        _("only for these roles"), default=list, blank=True, help_text=_("None: every role.")
    )
    depends_on = models.ForeignKey(
        "self",
        verbose_name=_("only when the answer to"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="dependent_questions",
    )
    depends_on_values = models.JSONField(
        _("is one of"),
        default=list,
        blank=True,
        help_text=_("“yes” or “no”, or the choices of that question."),
    )
    follow_up = models.ForeignKey(
        FollowUpForm,
        verbose_name=_("follow-up form"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="questions",
        help_text=_(
            "Asked of confirmed delegates in this form, on their private page, rather than "
            "when they register."
        ),
    )
    archived_at = models.DateTimeField(_("archived"), null=True, blank=True)

    objects = QuestionQuerySet.as_manager()

    class Meta:
        verbose_name = _("question")
        verbose_name_plural = _("questions")
        ordering = ["conference", "order", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(minimum__isnull=True)
                | Q(maximum__isnull=True)
                | Q(maximum__gte=models.F("minimum")),
                name="question_maximum_not_below_minimum",
                violation_error_message=_("The maximum cannot be below the minimum."),
            ),
        ]

    def __str__(self):
        return self.label

    def clean(self):
        super().clean()
        kinds = set(OrganizationKind.values)
        if (
            not isinstance(self.organization_kinds, list)
            or not set(self.organization_kinds) <= kinds
        ):
            raise ValidationError({"organization_kinds": _("Choose among the kinds offered.")})
        if not isinstance(self.roles, list) or not set(self.roles) <= set(Role.values):
            raise ValidationError({"roles": _("Choose among the roles offered.")})
        if self.type != QuestionType.NUMBER and (
            self.minimum is not None or self.maximum is not None
        ):
            raise ValidationError(_("Only a number has a minimum and a maximum."))
        if self.follow_up_id is not None:
            if self.follow_up.conference_id != self.conference_id:
                raise ValidationError({"follow_up": _("Choose a form of the same conference.")})
            if self.asked != Asked.DELEGATE:
                raise ValidationError(
                    {"follow_up": _("A follow-up form asks delegates: choose “To the delegate”.")}
                )
        self.clean_dependency()

    def clean_dependency(self):
        if self.depends_on_id is None:
            if self.depends_on_values:
                raise ValidationError(
                    {"depends_on": _("Choose the question whose answer this one depends on.")}
                )
            return
        parent = self.depends_on
        if parent.pk == self.pk or parent.conference_id != self.conference_id:
            raise ValidationError(
                {"depends_on": _("Choose another question of the same conference.")}
            )
        if parent.depends_on_id is not None:
            raise ValidationError(
                {"depends_on": _("That question depends on another: one level only.")}
            )
        if parent.type not in DEPENDABLE:
            raise ValidationError(
                {"depends_on": _("Only a yes-or-no or a choice question can be depended on.")}
            )
        if not self.depends_on_values or not set(self.depends_on_values) <= set(
            parent.answer_values()
        ):
            raise ValidationError({"depends_on_values": _("Choose among that question's answers.")})

    def answer_values(self):
        """The values an answer to a yes/no or choice question is among, as stored."""
        if self.type == QuestionType.YES_NO:
            return [YES, NO]
        return [str(choice.pk) for choice in self.choices.all()]


class QuestionChoice(models.Model):
    question = models.ForeignKey(
        Question, verbose_name=_("question"), on_delete=models.CASCADE, related_name="choices"
    )
    label = models.CharField(_("choice"), max_length=200)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("choice")
        verbose_name_plural = _("choices")
        ordering = ["question", "order", "pk"]

    def __str__(self):
        return self.label


class Answer(models.Model):
    """A registration's answer to one question: text, a number, a date, "yes" or "no", a
    choice's id or a list of them, as registrations/questions.py reads and checks it."""

    registration = models.ForeignKey(
        "Registration",
        verbose_name=_("registration"),
        on_delete=models.CASCADE,
        related_name="answers",
    )
    question = models.ForeignKey(
        Question, verbose_name=_("question"), on_delete=models.CASCADE, related_name="answers"
    )
    value = models.JSONField(_("answer"))
    answered_at = models.DateTimeField(_("answered"), auto_now=True)
    # Every answer given, changed or withdrawn, with when and by which organizer (none: the
    # delegate): registrations/questions.py writes it as it saves the answers.
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("answer")
        verbose_name_plural = _("answers")
        constraints = [
            models.UniqueConstraint(
                fields=["registration", "question"], name="one_answer_per_question"
            ),
        ]

    def __str__(self):
        return f"{self.question}: {self.value}"
