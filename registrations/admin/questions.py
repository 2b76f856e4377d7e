"""A conference's own questions in the admin, reached from its dashboard: each with its label
and help in every language, its type and choices, whom it is asked and on what condition."""

from django import forms
from django.contrib import admin
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from modeltranslation.admin import TabbedTranslationAdmin, TranslationStackedInline

from va_conference.admin_site import FieldsInTheirLanguage
from va_conference.models import OrganizationKind

from .. import follow_ups, questions
from ..models import Answer, FollowUpForm, Question, QuestionChoice, Role
from ..models.questions import DEPENDABLE, Asked


class ChoiceInline(FieldsInTheirLanguage, TranslationStackedInline):
    model = QuestionChoice
    extra = 0
    fields = ("label", "order")


def kept(field):
    return "type_kept" if field == "type" else field


def condition_values(conference_id):
    """What a condition may name: "yes", "no", and each choice of the conference's questions
    that others may depend on, named after its question."""
    choices = QuestionChoice.objects.filter(
        question__conference_id=conference_id, question__type__in=DEPENDABLE
    ).select_related("question")
    return [
        *questions.YES_NO_LABELS.items(),
        *[(str(choice.pk), f"{choice.question.label}: {choice.label}") for choice in choices],
    ]


class QuestionForm(forms.ModelForm):
    organization_kinds = forms.MultipleChoiceField(
        label=_("only for organizations of these kinds"),
        choices=OrganizationKind.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text=_("None: asked of every organization."),
    )
    roles = forms.MultipleChoiceField(
        label=_("only for these roles"),
        choices=Role.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text=_("None: every role."),
    )
    depends_on_values = forms.MultipleChoiceField(
        label=_("is one of"),
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text=_("“yes” or “no”, or the choices of that question."),
    )

    class Meta:
        model = Question
        fields = "__all__"  # noqa: DJ007 - the admin's fieldsets choose the fields

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        conference = self.data.get("conference") or self.initial.get("conference")
        if self.instance.pk:
            conference = self.instance.conference_id
        self.fields["depends_on_values"].choices = condition_values(conference)
        if "depends_on" in self.fields:
            self.fields["depends_on"].queryset = Question.objects.filter(
                conference_id=conference, type__in=DEPENDABLE, depends_on=None
            ).exclude(pk=self.instance.pk)
        if "follow_up" in self.fields:
            self.fields["follow_up"].queryset = FollowUpForm.objects.filter(
                conference_id=conference
            )


class ArchivedFilter(admin.SimpleListFilter):
    title = _("archived")
    parameter_name = "archived"

    def lookups(self, request, model_admin):
        return [("no", _("Asked")), ("yes", _("Archived"))]

    def queryset(self, request, queryset):
        if self.value() == "no":
            return queryset.filter(archived_at=None)
        if self.value() == "yes":
            return queryset.exclude(archived_at=None)
        return queryset


@admin.register(Question)
class QuestionAdmin(FieldsInTheirLanguage, TabbedTranslationAdmin):
    form = QuestionForm
    list_display = ("label", "conference", "type", "asked", "required", "order", "archived_at")
    list_editable = ("order",)
    list_filter = ("conference", ArchivedFilter, "follow_up")
    list_select_related = ("conference",)
    search_fields = ("label",)
    inlines = (ChoiceInline,)
    actions = ("move_up", "move_down", "archive", "ask_again")
    fieldsets = (
        (None, {"fields": ("conference", "label", "help_text", "type", "required", "order")}),
        (
            _("Whom it is asked"),
            {"fields": ("asked", "follow_up", "organization_kinds", "roles")},
        ),
        (_("On a condition"), {"fields": ("depends_on", "depends_on_values")}),
        (_("Numbers"), {"fields": ("minimum", "maximum")}),
    )

    @staticmethod
    def is_answered(question):
        return question is not None and Answer.objects.filter(question=question).exists()

    def get_fieldsets(self, request, obj=None):
        """Once answered, the type is shown with the reason it stays, not offered."""
        fieldsets = super().get_fieldsets(request, obj)
        if not self.is_answered(obj):
            return fieldsets
        return [
            (name, {**options, "fields": [kept(field) for field in options["fields"]]})
            for name, options in fieldsets
        ]

    def get_readonly_fields(self, request, obj=None):
        if self.is_answered(obj):
            return ("conference", "type_kept")
        return ("conference",) if obj is not None else ()

    @admin.display(description=_("type"))
    def type_kept(self, question):
        return format_html(
            '{}<div class="help">{}</div>',
            question.get_type_display(),
            _(
                "Delegates have answered this question as it is: its type stays, so that "
                "their answers keep their meaning. To ask it otherwise, archive it and add "
                "another."
            ),
        )

    def has_delete_permission(self, request, obj=None):
        # A question answered is archived instead: its answers stay on record.
        if self.is_answered(obj):
            return False
        return super().has_delete_permission(request, obj)

    def get_changeform_initial_data(self, request):
        return {
            "conference": request.GET.get("conference"),
            "follow_up": request.GET.get("follow_up"),
        }

    @admin.action(description=_("Move the selected up one place"))
    def move_up(self, request, queryset):
        self.move(request, queryset, -1)

    @admin.action(description=_("Move the selected down one place"))
    def move_down(self, request, queryset):
        self.move(request, queryset, 1)

    def move(self, request, queryset, step):
        """Each selected question changes place with its neighbour among the questions asked
        on the same form of the same conference; they are then numbered 1, 2, 3..."""
        chosen = list(queryset.order_by("order", "pk"))
        for question in chosen if step < 0 else reversed(chosen):
            siblings = list(
                Question.objects.filter(
                    conference=question.conference_id, follow_up=question.follow_up_id
                ).order_by("order", "pk")
            )
            place = [sibling.pk for sibling in siblings].index(question.pk)
            other = place + step
            if 0 <= other < len(siblings):
                siblings[place], siblings[other] = siblings[other], siblings[place]
            for position, sibling in enumerate(siblings, start=1):
                sibling.order = position
            Question.objects.bulk_update(siblings, ["order"])
        self.message_user(
            request,
            ngettext("%(count)d question moved.", "%(count)d questions moved.", len(chosen))
            % {"count": len(chosen)},
        )

    @admin.action(description=_("Archive the selected: no longer asked, answers kept"))
    def archive(self, request, queryset):
        count = queryset.filter(archived_at=None).update(archived_at=timezone.now())
        self.message_user(
            request,
            ngettext("%(count)d question archived.", "%(count)d questions archived.", count)
            % {"count": count},
        )

    @admin.action(description=_("Ask the selected again"))
    def ask_again(self, request, queryset):
        count = queryset.exclude(archived_at=None).update(archived_at=None)
        self.message_user(
            request,
            ngettext("%(count)d question asked again.", "%(count)d questions asked again.", count)
            % {"count": count},
        )


@admin.register(FollowUpForm)
class FollowUpFormAdmin(FieldsInTheirLanguage, TabbedTranslationAdmin):
    list_display = ("title", "conference", "deadline", "is_open", "not_answered")
    list_filter = ("conference", "is_open")
    list_select_related = ("conference",)
    fields = ("conference", "title", "deadline", "reminder_days", "is_open", "its_questions")
    readonly_fields = ("its_questions",)

    def get_readonly_fields(self, request, obj=None):
        return ("conference", "its_questions") if obj is not None else ("its_questions",)

    def get_changeform_initial_data(self, request):
        return {"conference": request.GET.get("conference")}

    @admin.display(description=_("not answered"))
    def not_answered(self, form):
        if not form.is_open:
            return "—"
        count = follow_ups.waiting(form).count()
        return format_html(
            '<a href="{}">{}</a>',
            reverse("admin:registrations_registration_changelist")
            + f"?conference__id__exact={form.conference_id}&not_answered={form.pk}",
            count,
        )

    @admin.display(description=_("questions"))
    def its_questions(self, form):
        if form.pk is None:
            return _("Save the form, then add its questions: choose it as a question's form.")
        labels = [str(question) for question in form.questions.current().order_by("order", "pk")]
        return format_html(
            '{}<p><a href="{}">{}</a></p>',
            ", ".join(labels) or _("None yet."),
            reverse("admin:registrations_question_add")
            + f"?conference={form.conference_id}&follow_up={form.pk}",
            _("Add a question to this form"),
        )


def answers_table(registration):
    """A registration's answers to the conference's questions, for its page, and every change
    to them: given on the delegate's forms, typed by organizers, asked at check-in. Tables, not
    an inline: nothing is typed here."""
    answers = (
        registration.answers.select_related("question")
        .prefetch_related("question__choices")
        .order_by("question__order", "question__pk")
    )
    rows = [
        (answer.question.label, questions.shown(answer.question, answer.value), answer.answered_at)
        for answer in answers
    ]
    changes = (
        Answer.history.filter(registration_id=registration.pk)
        .select_related("question", "history_user")
        .prefetch_related("question__choices")
        .order_by("-history_date", "-history_id")
    )
    conference = registration.conference
    return render_to_string(
        "admin/registrations/answers.html",
        {
            "answers": {
                "caption": _("answers to the conference's questions"),
                "headers": (_("question"), _("answer"), _("answered")),
                "rows": rows,
            },
            "changes": {
                "caption": _("history of the answers"),
                "headers": (_("when"), _("question"), _("change"), _("answer"), _("by")),
                "rows": [
                    (
                        change.history_date,
                        change.question.label,
                        change.get_history_type_display(),
                        questions.shown(change.question, change.value),
                        change.history_user or _("the delegate"),
                    )
                    for change in changes
                ],
            },
            "answer_url": reverse(
                "organizers:organizers_answers", args=[conference.slug, registration.reference]
            )
            if questions.asked(conference, Asked.ORGANIZERS, Asked.CHECK_IN).exists()
            else "",
        },
    )
