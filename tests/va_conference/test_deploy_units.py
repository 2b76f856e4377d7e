"""deploy/ holds systemd units for each process docs/operations.md's production table names:
the web server, the worker, and a timer for each command run on schedule; each unit runs a
command the project has."""

import configparser
from pathlib import Path

from django.core.management import get_commands

DEPLOY = Path(__file__).resolve().parents[2] / "deploy"


def unit(name):
    parser = configparser.ConfigParser(interpolation=None, strict=False)
    parser.optionxform = str
    parser.read(DEPLOY / name)
    return parser


def test_every_process_and_scheduled_command_has_its_unit():
    services = {path.name for path in DEPLOY.glob("*.service")}
    timers = {path.stem for path in DEPLOY.glob("*.timer")}
    assert {"va-conference-web.service", "va-conference-worker.service"} <= services
    scheduled = {}
    for name in services:
        command = unit(name)["Service"]["ExecStart"].split()
        if "manage.py" in command:
            managed = command[command.index("manage.py") + 1]
            assert managed in get_commands(), name
            scheduled[Path(name).stem] = managed
        else:
            assert command[0].endswith("/gunicorn"), name
    assert {scheduled[timer] for timer in timers} == {
        "requeue_interrupted_emails",
        "anonymise_personal_data",
        "send_focal_point_reminders",
        "send_follow_up_reminders",
        "lapse_sponsorship_offers",
    }


def test_the_long_running_processes_are_restarted_when_they_stop():
    for name in ("va-conference-web.service", "va-conference-worker.service"):
        assert unit(name)["Service"]["Restart"] == "always"
