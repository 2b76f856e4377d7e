"""The conference's own questions from start to finish, with the keyboard, axe-clean on the way:
an organizer adds four questions in English and French (one for States only, one asked only when
its answer is yes, one for the organizers only, one at check-in); a delegate registers in French
and sees the conditional one appear as they answer yes; the organizer opens a follow-up form,
"Travel and arrival", with a deadline; the delegate answers it from their private page; the
answers are in the XLSX export and the figures; the check-in question is answered at check-in."""

import datetime
import io
import re

import openpyxl
import pytest
from django.core import mail

from registrations import workflow
from registrations.models import Answer, FollowUpForm, Question, Registration, Status
from tests.browser.test_dashboard import PASSWORD, assert_no_violation, sign_in
from tests.browser.test_focal_point_page import submit_with_keyboard, tab_to
from tests.factories import StateFactory, conference_open_for_registration

pytestmark = pytest.mark.shared_parts


@pytest.fixture
def conference(transactional_db, settings, live_server, organizer):
    settings.SITE_URL = live_server.url
    organizer.set_password(PASSWORD)
    organizer.save()
    conference = conference_open_for_registration(
        slug="amman-2030",
        title_en="Global Conference on Victim Assistance",
        title_fr="Conférence mondiale sur l'assistance aux victimes",
        short_name_en="Amman 2030",
        reference_prefix="AMM30",
        time_zone="Asia/Amman",
    )
    StateFactory(country="JO", name_en="Jordan", name_fr="Jordanie")
    return conference


def add_question(page, live_server, conference, label_en, label_fr, kind, **options):
    """The organizer adds a question from the admin's form, with the keyboard."""
    page.goto(
        f"{live_server.url}/admin/registrations/question/add/?conference={conference.pk}"
        + (f"&follow_up={options['follow_up']}" if "follow_up" in options else "")
    )
    page.locator("#id_label_en").fill(label_en)
    page.locator("#id_label_fr").fill(label_fr)
    tab_to(page, page.locator("#id_type"))
    page.locator("#id_type").select_option(kind)
    if options.get("required"):
        tab_to(page, page.locator("#id_required"))
        page.keyboard.press("Space")
    if "asked" in options:
        page.locator("#id_asked").select_option(options["asked"])
    for kind_value in options.get("kinds", ()):
        box = page.locator(f"input[name=organization_kinds][value={kind_value}]")
        tab_to(page, box)
        page.keyboard.press("Space")
    if "depends_on" in options:
        page.locator("#id_depends_on").select_option(str(options["depends_on"].pk))
        box = page.locator("input[name=depends_on_values][value=yes]")
        tab_to(page, box)
        page.keyboard.press("Space")
    assert_no_violation(page)
    submit_with_keyboard(page, page.locator("input[name=_save]"))
    assert page.locator(".messagelist .success").count() == 1, page.content()[:3000]
    return Question.objects.get(label_en=label_en)


def test_the_questions_from_the_organizer_to_the_delegate_and_back(
    page, browser, live_server, conference
):
    sign_in(page, live_server, f"/admin/conferences/{conference.slug}/")
    focal = add_question(
        page,
        live_server,
        conference,
        "Has your State named a victim assistance focal point?",
        "Votre État a-t-il désigné un point focal pour l'assistance aux victimes ?",
        "yes_no",
        kinds=["state"],
    )
    who = add_question(
        page,
        live_server,
        conference,
        "Name of the focal point",
        "Nom du point focal",
        "text",
        depends_on=focal,
    )
    add_question(
        page,
        live_server,
        conference,
        "Hotel booked",
        "Hôtel réservé",
        "text",
        asked="organizers",
    )
    receiver = add_question(
        page,
        live_server,
        conference,
        "Receiver handed out",
        "Récepteur remis",
        "text",
        asked="check_in",
    )
    assert focal.organization_kinds == ["state"]
    assert (who.depends_on, who.depends_on_values) == (focal, ["yes"])

    # A delegate of Jordan registers in French: the conditional question appears on "Oui".
    delegate = browser.new_context(locale="fr")
    form = delegate.new_page()
    form.goto(f"{live_server.url}/fr/conferences/amman-2030/register/")
    assert form.get_by_text("Hôtel réservé").count() == 0
    assert form.get_by_text("Récepteur remis").count() == 0
    form.get_by_label("Prénom").fill("Amina")
    form.get_by_label("Nom de famille").fill("Haddad")
    form.get_by_label("Courriel").first.fill("amina.haddad@example.org")
    form.locator("#id_organization").select_option(label="Jordanie")
    name_of_focal_point = form.locator(f"#id_question_{who.pk}")
    assert not name_of_focal_point.is_visible()
    yes = form.locator(f"#id_question_{focal.pk}_0")
    tab_to(form, yes)
    form.keyboard.press("Space")
    assert name_of_focal_point.is_visible()
    announced = form.locator(".registration-form [aria-live=polite]")
    assert "Nom du point focal" in announced.inner_text()
    assert_no_violation(form)
    tab_to(form, name_of_focal_point)
    form.keyboard.type("Rania Al-Abdallah")
    privacy = form.locator("#id_privacy_accepted")
    tab_to(form, privacy)
    form.keyboard.press("Space")
    submit_with_keyboard(form, form.locator(".registration-form [type=submit]").last)
    form.wait_for_url("**/fr/conferences/amman-2030/register/sent/")
    registration = Registration.objects.get()
    assert dict(registration.answers.values_list("question__label_en", "value")) == {
        "Has your State named a victim assistance focal point?": "yes",
        "Name of the focal point": "Rania Al-Abdallah",
    }
    workflow.change_status(registration, Status.CONFIRMED)

    # The organizer opens a follow-up form with a deadline, and adds its question.
    page.goto(f"{live_server.url}/admin/registrations/followupform/add/?conference={conference.pk}")
    page.locator("#id_title_en").fill("Travel and arrival")
    page.locator("#id_title_fr").fill("Voyage et arrivée")
    page.locator("#id_deadline").fill("2030-09-01")
    tab_to(page, page.locator("#id_is_open"))
    page.keyboard.press("Space")
    assert_no_violation(page)
    submit_with_keyboard(page, page.locator("input[name=_save]"))
    travel = FollowUpForm.objects.get()
    assert travel.is_open and travel.deadline == datetime.date(2030, 9, 1)
    arrival = add_question(
        page,
        live_server,
        conference,
        "Arrival date",
        "Date d'arrivée",
        "date",
        required=True,
        follow_up=travel.pk,
    )
    assert arrival.follow_up == travel

    # The delegate answers it from the private page.
    link = re.search(r"https?://\S+/registrations/\S+/", mail.outbox[0].body).group(0)
    form.goto(link)
    assert_no_violation(form)
    to_answer = form.get_by_role("link", name="Voyage et arrivée")
    tab_to(form, to_answer)
    with form.expect_navigation():
        form.keyboard.press("Enter")
    assert_no_violation(form)
    tab_to(form, form.locator("input[type=date]"))
    form.locator("input[type=date]").fill("2030-09-14")
    submit_with_keyboard(form, form.locator("main form [type=submit]"))
    assert form.get_by_text("répondu").count() >= 1
    assert_no_violation(form)
    assert Answer.objects.get(question=arrival).value == "2030-09-14"
    delegate.close()

    # The answers are in the XLSX export and in the figures.
    page.goto(
        f"{live_server.url}/admin/registrations/registration/?conference__id__exact={conference.pk}"
    )
    export = page.get_by_role("link", name="Export these as XLSX")
    tab_to(page, export)
    with page.expect_download() as downloaded:
        page.keyboard.press("Enter")
    book = openpyxl.load_workbook(io.BytesIO(downloaded.value.path().read_bytes()))
    rows = list(book.active.values)
    header, row = rows[0], rows[1]
    assert row[header.index("Name of the focal point")] == "Rania Al-Abdallah"
    assert row[header.index("Arrival date")] == "2030-09-14"
    page.goto(f"{live_server.url}/admin/conferences/{conference.slug}/figures/")
    figures = page.locator("#content").inner_text()
    assert "Has your State named a victim assistance focal point?" in figures
    assert_no_violation(page)

    # At check-in, the desk is asked the check-in question right after checking her in.
    page.goto(f"{live_server.url}/admin/conferences/{conference.slug}/check-in/")
    page.locator("#id_q").fill(registration.reference)
    with page.expect_navigation():
        page.locator("#id_q").press("Enter")
    submit_with_keyboard(page, page.get_by_role("button", name="Check Amina Haddad in"))
    assert page.get_by_label("Receiver handed out").count() == 1
    assert_no_violation(page)
    tab_to(page, page.get_by_label("Receiver handed out"))
    page.keyboard.type("Channel 2, French")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.url.endswith("/check-in/")
    assert Answer.objects.get(question=receiver).value == "Channel 2, French"
