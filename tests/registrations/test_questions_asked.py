"""The conference's own questions on the registration form and the delegate's change page: in
the delegate's language, below the built-in ones; answers kept, forged ones ignored, errors
naming the question with every answer kept."""

import pytest
from django.utils import timezone

from registrations.models import Answer, Asked, Question, QuestionChoice, QuestionType, Registration
from registrations.questions import field_name
from tests.factories import RegistrationFactory
from tests.registrations.conftest import answers

pytestmark = [pytest.mark.django_db, pytest.mark.shared_parts]


@pytest.fixture
def asked(conference):
    """What the Amman conference would ask: a diet, sign language and which one if so, a seat
    the organizers note, and a badge collected at the desk."""
    diet = Question.objects.create(
        conference=conference,
        label_en="Dietary needs",
        label_fr="Besoins alimentaires",
        type=QuestionType.TEXT,
        order=1,
    )
    sign = Question.objects.create(
        conference=conference,
        label_en="Do you need sign language interpretation?",
        label_fr="Avez-vous besoin d'une interprétation en langue des signes ?",
        type=QuestionType.YES_NO,
        required=True,
        order=2,
    )
    which = Question.objects.create(
        conference=conference,
        label_en="Which sign language?",
        label_fr="Quelle langue des signes ?",
        type=QuestionType.CHOICE,
        required=True,
        order=3,
        depends_on=sign,
        depends_on_values=["yes"],
    )
    for label in ("International Sign", "Arabic Sign Language"):
        QuestionChoice.objects.create(question=which, label_en=label)
    seat = Question.objects.create(
        conference=conference, label_en="Seat", type=QuestionType.TEXT, asked=Asked.ORGANIZERS
    )
    badge = Question.objects.create(
        conference=conference,
        label_en="Badge collected",
        type=QuestionType.YES_NO,
        asked=Asked.CHECK_IN,
    )
    Question.objects.create(
        conference=conference,
        label_en="An old question",
        type=QuestionType.TEXT,
        archived_at=timezone.now(),
    )
    return {"diet": diet, "sign": sign, "which": which, "seat": seat, "badge": badge}


def register_url(conference, language="en"):
    return f"/{language}/conferences/{conference.slug}/register/"


def test_the_form_asks_the_delegates_questions_in_their_language(client, conference, asked):
    page = client.get(register_url(conference, "fr")).content.decode()
    assert "Besoins alimentaires" in page
    assert "Quelle langue des signes" in page
    assert field_name(asked["seat"]) not in page
    assert field_name(asked["badge"]) not in page
    assert "An old question" not in page
    # Below the built-in questions.
    assert page.index("Besoins alimentaires") > page.index('name="role"')


def test_a_delegate_registers_with_answers_and_what_does_not_apply_is_not_stored(
    client, conference, jordan, asked
):
    which = asked["which"]
    posted = answers(
        jordan,
        **{
            field_name(asked["diet"]): "Halal",
            field_name(asked["sign"]): "no",
            field_name(which): str(which.choices.first().pk),
            field_name(asked["seat"]): "Front row",
        },
    )
    response = client.post(register_url(conference), posted)
    assert response.status_code == 302
    registration = Registration.objects.get()
    kept = dict(registration.answers.values_list("question__label_en", "value"))
    assert kept == {"Dietary needs": "Halal", "Do you need sign language interpretation?": "no"}


def test_a_yes_asks_the_question_that_follows_it(client, conference, jordan, asked):
    posted = answers(jordan, **{field_name(asked["sign"]): "yes"})
    response = client.post(register_url(conference), posted)
    assert response.status_code == 200
    page = response.content.decode()
    assert f'href="#id_{field_name(asked["which"])}_0"' in page
    assert "Which sign language?: Answer this question." in page
    # Nothing typed is lost.
    assert 'value="Haddad"' in page
    assert not Registration.objects.exists()


def test_a_forged_choice_is_refused_with_the_form(client, conference, jordan, asked):
    posted = answers(
        jordan, **{field_name(asked["sign"]): "yes", field_name(asked["which"]): "999999"}
    )
    response = client.post(register_url(conference), posted)
    assert response.status_code == 200
    assert "Which sign language?" in response.content.decode()
    assert not Answer.objects.exists()


def test_the_change_page_shows_and_changes_the_answers(client, conference, jordan, asked):
    registration = RegistrationFactory(conference=conference, organization=jordan)
    Answer.objects.create(registration=registration, question=asked["diet"], value="Halal")
    Answer.objects.create(registration=registration, question=asked["sign"], value="yes")
    Answer.objects.create(
        registration=registration,
        question=asked["which"],
        value=str(asked["which"].choices.first().pk),
    )
    Answer.objects.create(registration=registration, question=asked["seat"], value="Row 3")
    url = f"/en/registrations/{registration.token}/change/"
    page = client.get(url).content.decode()
    assert 'value="Halal"' in page

    form = client.get(url).context["form"]
    posted = {
        name: value
        for name, value in answers(jordan).items()
        if name in form.fields or name == "submission_key"
    }
    posted.update({field_name(asked["diet"]): "Vegetarian", field_name(asked["sign"]): "no"})
    # The organizers' own question, forged into the delegate's form, changes nothing.
    posted[field_name(asked["seat"])] = "Front row, forged"
    response = client.post(url, posted)
    assert response.status_code == 302, response.content.decode()[:2000]
    kept = dict(registration.answers.values_list("question__label_en", "value"))
    assert kept == {
        "Dietary needs": "Vegetarian",
        "Do you need sign language interpretation?": "no",
        "Seat": "Row 3",
    }


def test_a_question_that_depends_on_an_answer_says_which(client, conference, asked):
    page = client.get(register_url(conference)).content.decode()
    assert "Only if your answer to “Do you need sign language interpretation?” is Yes." in page


def test_the_private_page_shows_the_answers_and_asks_a_question_added_since(
    client, conference, jordan, asked
):
    registration = RegistrationFactory(conference=conference, organization=jordan)
    Answer.objects.create(registration=registration, question=asked["sign"], value="yes")
    url = f"/en/registrations/{registration.token}/"
    page = client.get(url).content.decode()
    assert "<dt>Do you need sign language interpretation?</dt><dd>Yes</dd>" in page
    # The diet, added since, and which sign language, which the yes brought in.
    assert "The organizers have 2 questions for you." in page
    assert "<li>Which sign language?</li>" in page
    assert f'href="/en/registrations/{registration.token}/change/"' in page
    # The organizers' own and the desk's are neither shown nor asked.
    Answer.objects.create(registration=registration, question=asked["seat"], value="Row 3")
    assert "Row 3" not in client.get(url).content.decode()


def test_the_exports_and_the_personal_data_hold_the_answers(
    client, organizer, conference, jordan, asked
):
    from registrations import exports, personal_data

    registration = RegistrationFactory(conference=conference, organization=jordan)
    Answer.objects.create(registration=registration, question=asked["diet"], value="=Halal")
    Answer.objects.create(
        registration=registration,
        question=asked["which"],
        value=str(asked["which"].choices.first().pk),
    )
    RegistrationFactory(conference=conference, organization=jordan)

    header, *rows = list(exports.rows(Registration.objects.order_by("pk")))
    assert header[-3:] == [
        "Dietary needs",
        "Do you need sign language interpretation?",
        "Which sign language?",
    ]
    first = dict(zip(header, rows[0], strict=True))
    # A formula typed as an answer never runs.
    assert first["Dietary needs"] == "'=Halal"
    assert first["Which sign language?"] == "International Sign"
    assert dict(zip(header, rows[1], strict=True))["Dietary needs"] == ""

    held = personal_data.everything_about(registration.delegate)["registrations"][0]["answers"]
    assert held == {"Dietary needs": "=Halal", "Which sign language?": "International Sign"}


def test_the_figures_count_each_answer_and_download_as_csv(
    client, organizer, conference, jordan, asked
):
    from registrations import figures

    which = asked["which"]
    international, arabic = which.choices.all()
    for sign, chosen in [("yes", international), ("yes", arabic), ("yes", international)]:
        registration = RegistrationFactory(conference=conference, organization=jordan)
        Answer.objects.create(registration=registration, question=asked["sign"], value=sign)
        Answer.objects.create(registration=registration, question=which, value=str(chosen.pk))
    RegistrationFactory(conference=conference, organization=jordan)

    tables = {table.key: table for table in figures.tables(conference)}
    assert [str(label) for label, _count in tables[f"question-{which.pk}"].rows] == [
        "International Sign",
        "Arabic Sign Language",
        "No answer",
    ]
    assert [count for _label, count in tables[f"question-{which.pk}"].rows] == [2, 1, 1]
    assert [count for _label, count in tables[f"question-{asked['sign'].pk}"].rows] == [3, 0, 1]
    # A text question is not counted here.
    assert f"question-{asked['diet'].pk}" not in tables

    client.force_login(organizer)
    url = f"/admin/conferences/{conference.slug}/figures/"
    csv = client.get(url, {"csv": f"question-{which.pk}"})
    assert csv.content.decode("utf-8-sig").splitlines()[1] == "International Sign,2"
