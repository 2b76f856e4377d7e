"""The conferences' own questions in the demonstration data, their follow-up forms and their own
words in the status e-mails."""

from modeltranslation.utils import build_localized_fieldname

from registrations.models import FollowUpForm, OwnWords, Question, QuestionChoice
from registrations.models.questions import NO, YES


def translated(field, texts):
    """{"en": "Norway", "fr": "Norvège", ...} as modeltranslation's columns name_en, name_fr..."""
    return {build_localized_fieldname(field, language): text for language, text in texts.items()}


def load_follow_up_forms(forms, conference):
    """{key: form} of the conference's follow-up forms."""
    loaded = {}
    for data in forms:
        form, _created = FollowUpForm.objects.update_or_create(
            conference=conference,
            title_en=data["title"]["en"],
            defaults={
                **translated("title", data["title"]),
                "deadline": data["deadline"],
                "reminder_days": data["reminder_days"],
                "is_open": data["is_open"],
            },
        )
        loaded[data["key"]] = form
    return loaded


def load_questions(questions, conference, forms):
    """The conference's own questions in the file's order, each with its choices; a condition
    names its question's key and, for a choice, its English label; a follow-up question names
    its form's key in `forms`."""
    loaded = {}
    for order, data in enumerate(questions, start=1):
        parent = loaded[data["depends_on"]] if data["depends_on"] else None
        question, _created = Question.objects.update_or_create(
            conference=conference,
            label_en=data["label"]["en"],
            defaults={
                **translated("label", data["label"]),
                **translated("help_text", data["help_text"]),
                "type": data["type"],
                "required": data["required"],
                "order": order,
                "asked": data["asked"],
                "follow_up": forms[data["follow_up"]] if data["follow_up"] else None,
                "organization_kinds": list(data["organization_kinds"]),
                "depends_on": parent,
                "depends_on_values": [
                    value_named(parent, value) for value in data["depends_on_values"]
                ],
            },
        )
        for position, labels in enumerate(data["choices"], start=1):
            QuestionChoice.objects.update_or_create(
                question=question,
                label_en=labels["en"],
                defaults={**translated("label", labels), "order": position},
            )
        loaded[data["key"]] = question
    return list(loaded.values())


def value_named(question, value):
    """A condition's value as stored: "yes" or "no", or the id of the choice so labelled."""
    if value in (YES, NO):
        return value
    return str(question.choices.get(label_en=value).pk)


def load_own_words(paragraphs, conference):
    for data in paragraphs:
        OwnWords.objects.update_or_create(
            conference=conference, kind=data["kind"], defaults=translated("text", data["text"])
        )
