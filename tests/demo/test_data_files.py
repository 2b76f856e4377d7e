"""The demonstration data files: every one is read, and a file at fault is refused by name."""

import datetime
import shutil
import tomllib

import pytest
from django.contrib.auth import get_user_model

from demo.data_files import FOLDER, DataFileError, data_files
from demo.loader import load_demo
from registrations.models import Registration
from sessions.models import Statement
from va_conference.models import Conference, Organization


@pytest.fixture
def data_folder(tmp_path):
    """A copy of the data files, to spoil."""
    folder = tmp_path / "data"
    shutil.copytree(FOLDER, folder, ignore=shutil.ignore_patterns("*.py", "__pycache__"))
    return folder


def read(path):
    with path.open("rb") as file:
        return tomllib.load(file)


def replace_in(path, old, new):
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_every_file_of_the_data_folder_is_one_the_loader_reads():
    on_disk = {
        path
        for path in FOLDER.rglob("*")
        if path.is_file() and path.suffix != ".py" and "__pycache__" not in path.parts
    }

    assert on_disk == set(data_files())


@pytest.mark.shared_parts
@pytest.mark.django_db
def test_every_entry_of_every_file_is_stored(demo_media):
    conferences = [read(path) for path in (FOLDER / "conferences").glob("*.toml")]

    load_demo()

    assert Organization.objects.count() == len(read(FOLDER / "organizations.toml")["organizations"])
    usernames = [user["username"] for user in read(FOLDER / "users.toml")["users"]]
    assert get_user_model().objects.filter(username__in=usernames).count() == len(usernames)
    assert sorted(Conference.objects.values_list("slug", flat=True)) == sorted(
        conference["slug"] for conference in conferences
    )
    assert Registration.objects.count() == sum(
        len(conference.get("registrations", [])) for conference in conferences
    )
    assert Statement.objects.count() == sum(
        1 + len(statement.get("translations", []))
        for conference in conferences
        for statement in conference.get("statements", [])
    )


@pytest.mark.django_db
def test_an_unknown_key_is_refused_with_a_message_naming_the_file_and_the_key(data_folder):
    amman = data_folder / "conferences" / "amman-2019.toml"
    replace_in(
        amman,
        'delegate = "omar.alzoubi@example.org"\n',
        'delegate = "omar.alzoubi@example.org"\nfavourite_colour = "blue"\n',
    )

    with pytest.raises(DataFileError) as refusal:
        load_demo(folder=data_folder)

    assert str(refusal.value).startswith(
        f"{amman}: registrations[0].favourite_colour: unknown key; the keys here are delegate, "
    )
    assert not Organization.objects.exists()
    assert not Conference.objects.exists()


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("file", "old", "new", "message"),
    [
        (
            "organizations.toml",
            'kind = "state"\ncountry = "NO"',
            'kind = "country"\ncountry = "NO"',
            "organizations[0].kind: 'country' is not one of state, un, international,",
        ),
        (
            "users.toml",
            "is_superuser = true",
            'is_superuser = "yes"',
            "users[0].is_superuser: expected true or false, not 'yes'",
        ),
        (
            "delegates.toml",
            'language = "en"',
            'language = "de"',
            "delegates[0].language: 'de' is not one of en, fr, es, ar",
        ),
        (
            "delegates.toml",
            'given_name = "Ingrid"\n',
            "",
            "delegates[0].given_name: missing",
        ),
        (
            "conferences/3msp-oslo-2012.toml",
            'organization = "NO"\nrole = "head"',
            'organization = "NX"\nrole = "head"',
            "registrations[0].organization: no organization is named 'NX'",
        ),
        (
            "conferences/3msp-oslo-2012.toml",
            "registration_opens_at = 2012-06-01 09:00:00",
            "registration_opens_at = 2012-06-01 09:00:00+02:00",
            "registration_opens_at: write the local time of the conference's time zone, "
            "without an offset",
        ),
        (
            "conferences/3msp-oslo-2012.toml",
            'time_zone = "Europe/Oslo"',
            'time_zone = "Europe/Olso"',
            "time_zone: 'Europe/Olso' is not a time zone such as Europe/Oslo",
        ),
        (
            "conferences/va-workshop-demo.toml",
            'room = "main-room"',
            'room = "main"',
            "sessions[0].room: no room is named 'main'",
        ),
        (
            "conferences/va-workshop-demo.toml",
            'ar = "الجلسة العامة الافتتاحية"\n',
            "",
            "sessions[0].title.ar: missing",
        ),
        (
            "conferences/va-workshop-demo.toml",
            "start_date = { days_from_loading = 60 }",
            'start_date = { days_from_loading = "60" }',
            "start_date.days_from_loading: expected a whole number, not '60'",
        ),
        (
            "conferences/va-workshop-demo.toml",
            "capacity = 40\n",
            "capacity = forty\n",
            "Invalid value (at line ",
        ),
    ],
)
def test_a_value_at_fault_is_refused_with_its_file_and_key_before_anything_is_stored(
    data_folder, file, old, new, message
):
    replace_in(data_folder / file, old, new)

    with pytest.raises(DataFileError) as refusal:
        load_demo(folder=data_folder)

    assert str(refusal.value).startswith(f"{data_folder / file}: {message}")
    assert not Organization.objects.exists()


@pytest.mark.shared_parts
@pytest.mark.django_db
def test_the_times_of_a_conference_file_are_local_times_of_its_time_zone(demo_media):
    load_demo()

    oslo = Conference.objects.get(slug="3msp-oslo-2012")
    amman = Conference.objects.get(slug="amman-2019")
    first_registration = Registration.objects.get(
        conference=oslo, delegate__email="ingrid.odegard@example.org"
    )
    # Summer time: Oslo is two hours ahead of UTC, Amman three.
    assert oslo.registration_opens_at == datetime.datetime(2012, 6, 1, 7, 0, tzinfo=datetime.UTC)
    assert first_registration.created_at == datetime.datetime(
        2012, 6, 4, 8, 12, tzinfo=datetime.UTC
    )
    assert amman.registration_opens_at == datetime.datetime(2019, 5, 15, 6, 0, tzinfo=datetime.UTC)
