"""Benchmark: the registration form with 30 questions of the conference's own, against the same
form without them.

Creates two open conferences in a scratch database, alike but for 30 questions on one (every
type, a third of them on a condition), and submits registrations to each in turn through the real
form (Django's full request handling, e-mails to memory), answering every question. Prints the
median time to render and to submit each form, their ratio, and the queries of each; the target
is a submission with 30 questions at most 1.5 times the one without.

    .venv/bin/python bench/questions.py                     # scratch SQLite file
    .venv/bin/python bench/questions.py --postgres          # scratch PostgreSQL database

The scratch database is created and dropped by the script; nothing else is touched.
"""

import argparse
import datetime
import statistics
import time
import uuid

from harness import scratch_database

QUESTIONS = 30
TARGET = 1.5


def parse_arguments():
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawTextHelpFormatter
    )
    parser.add_argument("--postgres", action="store_true", help="use PostgreSQL on 127.0.0.1:5432")
    parser.add_argument(
        "--submissions", type=int, default=200, help="submissions to each form (200)"
    )
    return parser.parse_args()


def open_conference(slug):
    from va_conference.models import Conference

    now = datetime.datetime.now(datetime.UTC)
    start = datetime.date.today() + datetime.timedelta(days=60)
    return Conference.objects.create(
        slug=slug,
        title_en=f"Benchmark {slug}",
        short_name_en=slug.upper(),
        reference_prefix=slug.upper()[:8],
        city_en="Amman",
        country="JO",
        start_date=start,
        end_date=start + datetime.timedelta(days=2),
        registration_opens_at=now - datetime.timedelta(days=1),
        registration_closes_at=now + datetime.timedelta(days=30),
        is_published=True,
    )


def ask_questions(conference):
    """30 questions of every type; each third one asked only on a yes to the one before it.
    Returns what a delegate answers to them, as the browser posts it."""
    from registrations.models import Question, QuestionChoice, QuestionType

    kinds = [kind for kind in QuestionType if kind != QuestionType.YES_NO]
    posted, previous = {}, None
    for n in range(QUESTIONS):
        kind = QuestionType.YES_NO if n % 3 == 0 else kinds[n % len(kinds)]
        depends = previous if n % 3 == 1 and previous is not None else None
        question = Question.objects.create(
            conference=conference,
            label_en=f"Question {n}",
            type=kind,
            order=n,
            required=n % 2 == 0,
            depends_on=depends,
            depends_on_values=["yes"] if depends else [],
        )
        choices = [
            QuestionChoice.objects.create(question=question, label_en=f"Choice {c}", order=c)
            for c in range(4)
            if kind in (QuestionType.CHOICE, QuestionType.CHOICES)
        ]
        posted[f"question_{question.pk}"] = answer(kind, choices)
        previous = question if kind == QuestionType.YES_NO else None
    return posted


def answer(kind, choices):
    from registrations.models import QuestionType

    return {
        QuestionType.TEXT: "Vegetarian",
        QuestionType.LONG_TEXT: "A wheelchair, 70 cm wide.\nA companion.",
        QuestionType.NUMBER: "3",
        QuestionType.YES_NO: "yes",
        QuestionType.CHOICE: str(choices[0].pk) if choices else "",
        QuestionType.CHOICES: [str(choice.pk) for choice in choices[:2]],
        QuestionType.DATE: "2030-09-14",
        QuestionType.COUNTRY: "JO",
        QuestionType.PHONE: "+962 6 123 4567",
    }[kind]


def delegate(n, organization, extra):
    return {
        "given_name": "Amina",
        "family_name": f"Haddad {n}",
        "email": f"delegate{n}@example.org",
        "phone": "+962 6 123 4567",
        "language": "en",
        "organization": str(organization.pk),
        "role": "delegate",
        "consents_to_public_listing": "on",
        "privacy_accepted": "on",
        "submission_key": str(uuid.uuid4()),
        **extra,
    }


def timed(client, method, path, data=None, expected=200):
    client.cookies.clear()
    began = time.perf_counter()
    response = client.post(path, data) if method == "post" else client.get(path)
    elapsed = time.perf_counter() - began
    assert response.status_code == expected, (path, response.status_code)
    return elapsed


def main():
    arguments = parse_arguments()
    with scratch_database(
        arguments.postgres,
        PUBLIC_FORM_RATE_LIMIT="0",
        EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend",
    ):
        run(arguments)


def run(arguments):
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from va_conference.models import Organization

    organization = Organization.objects.create(name_en="Org", name="Org", kind="ngo", country="JO")
    plain, asking = open_conference("plain"), open_conference("asking")
    posted = {plain: {}, asking: ask_questions(asking)}
    client = Client()
    renders = {plain: [], asking: []}
    submits = {plain: [], asking: []}
    queries = {}
    for conference in (plain, asking):
        client.get(f"/en/conferences/{conference.slug}/register/")  # warm up
    for n in range(arguments.submissions):
        for conference in (plain, asking):
            path = f"/en/conferences/{conference.slug}/register/"
            renders[conference].append(timed(client, "get", path))
            data = delegate(f"{conference.slug}{n}", organization, posted[conference])
            submits[conference].append(timed(client, "post", path, data, expected=302))
    for conference in (plain, asking):
        path = f"/en/conferences/{conference.slug}/register/"
        data = delegate(f"{conference.slug}-last", organization, posted[conference])
        with CaptureQueriesContext(connection) as captured:
            timed(client, "post", path, data, expected=302)
        queries[conference] = len(captured)
    stored = asking.registrations.first().answers.count()

    def median(timings):
        return statistics.median(timings) * 1000

    print(f"database: {connection.vendor}; {arguments.submissions} submissions to each form")
    print(f"{'form':<28} {'render ms':>10} {'submit ms':>10} {'queries':>8}")
    for conference, label in ((plain, "without questions"), (asking, f"{QUESTIONS} questions")):
        print(
            f"{label:<28} {median(renders[conference]):>10.1f} "
            f"{median(submits[conference]):>10.1f} {queries[conference]:>8}"
        )
    print(f"answers stored per registration with {QUESTIONS} questions: {stored}")
    ratio = median(submits[asking]) / median(submits[plain])
    met = "met" if ratio <= TARGET else "MISSED"
    print(f"submit with {QUESTIONS} questions / without: {ratio:.2f}x, at most {TARGET}x: {met}")
    render_ratio = median(renders[asking]) / median(renders[plain])
    print(f"render with {QUESTIONS} questions / without: {render_ratio:.2f}x")


if __name__ == "__main__":
    main()
