"""`manage.py db_worker`: django-tasks-db's worker, which first waits for the database.

django-tasks-db's own exits with a traceback when the database cannot be reached as it starts
(a database restarting, a machine booting before it): this one tries again, every few seconds
and up to half a minute apart, saying so once a try, until the database answers. It comes
before django-tasks-db's in INSTALLED_APPS, so that `db_worker` is this one.
"""

import logging
import time

from django.db import OperationalError, connections
from django_tasks_db.management.commands import db_worker

logger = logging.getLogger(__name__)

FIRST_WAIT_SECONDS = 1
LONGEST_WAIT_SECONDS = 30


def wait_for_the_database(sleep=time.sleep):
    """Return once the default database answers; each failed try is logged."""
    wait = FIRST_WAIT_SECONDS
    while True:
        try:
            connections["default"].ensure_connection()
            return
        except OperationalError as error:
            logger.warning("The database does not answer (%s): trying again in %s s.", error, wait)
            connections["default"].close()
            sleep(wait)
            wait = min(wait * 2, LONGEST_WAIT_SECONDS)


class Command(db_worker.Command):
    help = db_worker.Command.help + ", once the database answers (tried again until it does)"

    def handle(self, *args, **options):
        wait_for_the_database()
        return super().handle(*args, **options)
