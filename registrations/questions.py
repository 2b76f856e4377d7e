"""Which of a conference's own questions a registration is asked, and how each answer is read,
checked and stored (the questions themselves are in registrations/models/questions.py).

The server decides what applies, from the organization's kind, the role and the answers given in
the same form: a question that does not apply is neither required nor stored, whatever was
posted for it. Every answer is checked by its type, its range and its choices.
"""

import json

from crispy_forms.helper import FormHelper
from crispy_forms.layout import Div, Fieldset, Layout
from django import forms
from django.core.validators import RegexValidator
from django.db import transaction
from django.db.models import Max, Prefetch
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from .models.questions import NO, YES, Answer, Asked, QuestionType

# A telephone number as delegates write it: digits, spaces, dots, dashes, brackets, a leading +.
PHONE = RegexValidator(
    r"^\+?[0-9 .()\-]{6,30}$",
    _("Enter a telephone number: digits, spaces and dashes, with + and the country code."),
)
LONG_TEXT_LENGTH = 5000
YES_NO_LABELS = {YES: _("Yes"), NO: _("No")}


def applies(question, kind, role, answers):
    """Whether `question` is asked of a delegate of an organization of `kind`, in `role`, who
    gave `answers` ({question id: stored value}) to the questions it may depend on."""
    if question.organization_kinds and kind not in question.organization_kinds:
        return False
    if question.roles and role not in question.roles:
        return False
    if question.depends_on_id is None:
        return True
    given = answers.get(question.depends_on_id)
    values = given if isinstance(given, list) else [given]
    return any(value in question.depends_on_values for value in values if value is not None)


def field_for(question):
    """The form field asking `question`. A required one is marked so, and QuestionsForm keeps
    its error only where the question applies."""
    common = {
        "label": question.label,
        "help_text": " ".join(filter(None, [question.help_text, condition_of(question)])),
        "required": question.required,
        "error_messages": {"required": _("Answer this question.")},
    }
    if question.type == QuestionType.LONG_TEXT:
        return forms.CharField(max_length=LONG_TEXT_LENGTH, widget=forms.Textarea, **common)
    if question.type == QuestionType.NUMBER:
        return forms.DecimalField(
            min_value=question.minimum,
            max_value=question.maximum,
            max_digits=12,
            decimal_places=2,
            **common,
        )
    if question.type == QuestionType.YES_NO:
        return forms.ChoiceField(
            choices=list(YES_NO_LABELS.items()), widget=forms.RadioSelect, **common
        )
    if question.type == QuestionType.CHOICE:
        return forms.ChoiceField(choices=choices_of(question), widget=forms.RadioSelect, **common)
    if question.type == QuestionType.CHOICES:
        return forms.MultipleChoiceField(
            choices=choices_of(question), widget=forms.CheckboxSelectMultiple, **common
        )
    if question.type == QuestionType.DATE:
        return forms.DateField(
            widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"), **common
        )
    if question.type == QuestionType.COUNTRY:
        return forms.ChoiceField(choices=country_choices, **common)
    if question.type == QuestionType.PHONE:
        return forms.CharField(
            max_length=30,
            validators=[PHONE],
            widget=forms.TextInput(attrs={"type": "tel", "autocomplete": "tel"}),
            **common,
        )
    return forms.CharField(max_length=300, **common)


def condition_of(question):
    """When a question depending on another applies, in words: the form shows every question,
    and says of those that depend on an answer which answer that is."""
    if question.depends_on_id is None:
        return ""
    parent = question.depends_on
    labels = answer_labels(parent)
    return _("Only if your answer to “%(question)s” is %(answers)s.") % {
        "question": parent.label,
        "answers": " / ".join(
            str(labels[value]) for value in question.depends_on_values if value in labels
        ),
    }


def answer_labels(question):
    """{stored value: label} of the answers to a yes-or-no or choice question."""
    if question.type == QuestionType.YES_NO:
        return YES_NO_LABELS
    return dict(choices_of(question))


def choices_of(question):
    """[(stored value, label)] of a question's choices: from the list `asked()` fetched for all
    its questions at once (Prefetch's to_attr, read without making a queryset per question), or
    from the question's own choices."""
    listed = getattr(question, "listed_choices", None)
    if listed is None:
        listed = question.choices.all()
    return [(str(choice.pk), choice.label) for choice in listed]


def country_choices():
    """Every country, named in the active language; called when the field is read, so that a
    form with country questions does not sort the list of countries as it is built."""
    return [("", "—"), *countries]


def stored(question, value):
    """A cleaned answer as it is stored (JSON), or None for no answer."""
    if value in (None, "", []):
        return None
    if question.type == QuestionType.NUMBER:
        return str(int(value)) if value == value.to_integral() else format(value.normalize(), "f")
    if question.type == QuestionType.DATE:
        return value.isoformat()
    if question.type == QuestionType.CHOICES:
        return sorted(value, key=int)
    return value.strip() if isinstance(value, str) else value


def field_name(question):
    return f"question_{question.pk}"


def shown_if(question):
    """A question in the form's layout; one depending on another's answer in a block that
    static/js/questions.js shows once that answer is given."""
    if question.depends_on_id is None:
        return field_name(question)
    return Div(
        field_name(question),
        data_depends_on=field_name(question.depends_on),
        data_depends_values=json.dumps(question.depends_on_values),
    )


class QuestionsForm(forms.Form):
    """A conference's questions asked of one delegate: the delegate's own on the registration
    form and the private page, the desk's at check-in. `questions` are in their order, with their
    choices; `kind` and `role` are the registration's, or those chosen in the same form. Every
    question is shown (without JavaScript nobody can know which apply before the form is sent);
    the server keeps the answers to those that apply."""

    def __init__(self, *args, questions, kind=None, role=None, answers=None, **kwargs):
        initial = {
            field_name(question): answers[question.pk]
            for question in questions
            if answers and question.pk in answers
        }
        super().__init__(*args, initial={**initial, **kwargs.pop("initial", {})}, **kwargs)
        self.questions = list(questions)
        self.kind, self.role = kind, role
        # The answers given before to the conference's other questions, which some of these
        # may depend on.
        own = {question.pk for question in self.questions}
        self.known = {pk: value for pk, value in (answers or {}).items() if pk not in own}
        for question in self.questions:
            self.fields[field_name(question)] = field_for(question)
        self.helper = FormHelper()
        self.helper.form_tag = False
        self.helper.disable_csrf = True
        self.helper.layout = Layout(
            Fieldset(_("The organizers' questions"), *[shown_if(q) for q in self.questions])
        )

    def clean(self):
        """Keep the answers to the questions that apply, in their order, each after the one
        it may depend on; forget whatever was posted, and any error, for the others."""
        cleaned = super().clean()
        self.given, self.applying = dict(self.known), []
        for question in self.questions:
            name = field_name(question)
            if not applies(question, self.kind, self.role, self.given):
                cleaned.pop(name, None)
                self.errors.pop(name, None)
                continue
            self.applying.append(question)
            self.given[question.pk] = stored(question, cleaned.get(name))
        return cleaned

    def answers(self):
        """{question: stored value} for each question that applies and was answered."""
        return {
            question: self.given[question.pk]
            for question in self.applying
            if self.given.get(question.pk) is not None
        }


def asked_of_delegates(conference, follow_up=None):
    """The conference's questions a delegate answers when registering, or in the follow-up form
    `follow_up`, in their order, with their choices."""
    return asked(conference, Asked.DELEGATE).filter(follow_up=follow_up)


def asked(conference, *whom):
    """The conference's current questions asked as `whom` say (Asked), in their order, with
    their choices and those of the questions they depend on."""
    return (
        conference.questions.current()
        .filter(asked__in=whom)
        .select_related("depends_on")
        .prefetch_related(
            Prefetch("choices", to_attr="listed_choices"),
            Prefetch("depends_on__choices", to_attr="listed_choices"),
        )
        .order_by("order", "pk")
    )


def answers_of(registration):
    """{question id: stored value} of the registration's answers."""
    return dict(registration.answers.values_list("question_id", "value"))


def save_answers(registration, questions, answers, by=None, held=None):
    """Keep `answers` ({question: stored value}) as the registration's answers to `questions`,
    within the workflow's transaction (registrations/workflow.py), in a number of queries that
    does not grow with the questions, and record each change in the answers' history, as given
    `by` an organizer or (None) the delegate. An answer to one of `questions` not given any more,
    because it no longer applies or was emptied, is deleted; answers to other questions (the
    organizers', the desk's) are left alone. `held` are the answers to `questions` the
    registration has ({question id: answer}), when known: none for a new one."""
    given = {question.pk: value for question, value in answers.items()}
    if held is None:
        held = {
            answer.question_id: answer
            for answer in registration.answers.filter(question__in=questions)
        }
    withdrawn = [answer for pk, answer in held.items() if pk not in given]
    changed = [
        Answer(registration=registration, question=question, value=value)
        for question, value in answers.items()
        if question.pk not in held or held[question.pk].value != value
    ]
    if withdrawn:
        Answer.objects.filter(pk__in=[answer.pk for answer in withdrawn]).delete()
    Answer.objects.bulk_create(
        changed,
        update_conflicts=True,
        unique_fields=["registration", "question"],
        update_fields=["value", "answered_at"],
    )
    record_history(changed, held, by)


def record_history(changed, held, by):
    """One history row for each answer given (+) or changed (~), in one query. The rows are
    built here because the answers are written in bulk, which sends no signal; an answer
    withdrawn is deleted one by one, and the history records it of itself."""
    history = Answer.history.model
    now = timezone.now()
    rows = [
        history(
            id=answer.pk or held[answer.question_id].pk,
            registration_id=answer.registration_id,
            question_id=answer.question_id,
            value=answer.value,
            answered_at=now,
            history_date=now,
            history_user=by,
            history_type=kind,
        )
        for answers, kind in (
            ([a for a in changed if a.question_id not in held], "+"),
            ([a for a in changed if a.question_id in held], "~"),
        )
        for answer in answers
    ]
    history.objects.bulk_create(rows)


def to_answer(questions, kind, role, answers):
    """The questions that apply to a delegate of an organization of `kind`, in `role`, who gave
    `answers` ({question id: stored value}), and are not answered yet: those added after they
    registered, or that a later answer brought in."""
    return [
        question
        for question in questions
        if applies(question, kind, role, answers) and answers.get(question.pk) is None
    ]


def shown(question, value):
    """An answer as people read it: a choice's label rather than its number, "Yes" rather than
    "yes"; several choices joined."""
    labels = answer_labels(question)
    values = value if isinstance(value, list) else [value]
    return ", ".join(str(labels.get(each, each)) for each in values)


@transaction.atomic
def copy_questions(source, target):
    """Give `target` the current questions of `source`, with their choices, conditions and
    translations, after its own: the same meeting comes back every year. Returns how many."""
    copied = {}
    last = target.questions.aggregate(last=Max("order"))["last"] or 0
    originals = source.questions.current().prefetch_related("choices").order_by("order", "pk")
    # Those depended on first, so that a condition names its copy.
    for question in sorted(originals, key=lambda question: question.depends_on_id is not None):
        choices = list(question.choices.all())
        old_pk = question.pk
        question.pk = None
        question.conference = target
        question.order += last
        if question.depends_on_id is not None:
            parent, by_choice = copied[question.depends_on_id]
            question.depends_on = parent
            question.depends_on_values = [
                by_choice.get(value, value) for value in question.depends_on_values
            ]
        question.save()
        by_choice = {}
        for choice in choices:
            old_choice = str(choice.pk)
            choice.pk = None
            choice.question = question
            choice.save()
            by_choice[old_choice] = str(choice.pk)
        copied[old_pk] = (question, by_choice)
    return len(copied)
