"""A session falls within its conference's dates, enforced by the database.

A check constraint cannot read another table, so triggers do it: one on sessions (insert, or a
change of date or conference) and one on conferences (a change of dates that would leave a
session outside). Both report a check violation, which Django raises as IntegrityError.
"""

from django.db import migrations

POSTGRESQL = [
    """
    CREATE FUNCTION programme_session_within_conference() RETURNS trigger AS $$
    BEGIN
        IF NOT EXISTS (
            SELECT 1 FROM va_conference_conference c
            WHERE c.id = NEW.conference_id AND NEW.date BETWEEN c.start_date AND c.end_date
        ) THEN
            RAISE EXCEPTION 'session_within_conference_dates: % is outside the conference''s dates',
                NEW.date USING ERRCODE = 'check_violation';
        END IF;
        RETURN NEW;
    END;
    $$ LANGUAGE plpgsql
    """,
    """
    CREATE TRIGGER programme_session_within_conference
    BEFORE INSERT OR UPDATE OF date, conference_id ON programme_session
    FOR EACH ROW EXECUTE FUNCTION programme_session_within_conference()
    """,
    """
    CREATE FUNCTION programme_conference_keeps_sessions() RETURNS trigger AS $$
    BEGIN
        IF EXISTS (
            SELECT 1 FROM programme_session s
            WHERE s.conference_id = NEW.id AND s.date NOT BETWEEN NEW.start_date AND NEW.end_date
        ) THEN
            RAISE EXCEPTION 'session_within_conference_dates: a session would fall outside % to %',
                NEW.start_date, NEW.end_date USING ERRCODE = 'check_violation';
        END IF;
        RETURN NEW;
    END;
    $$ LANGUAGE plpgsql
    """,
    """
    CREATE TRIGGER programme_conference_keeps_sessions
    BEFORE UPDATE OF start_date, end_date ON va_conference_conference
    FOR EACH ROW EXECUTE FUNCTION programme_conference_keeps_sessions()
    """,
]

POSTGRESQL_REVERSE = [
    "DROP TRIGGER programme_conference_keeps_sessions ON va_conference_conference",
    "DROP FUNCTION programme_conference_keeps_sessions()",
    "DROP TRIGGER programme_session_within_conference ON programme_session",
    "DROP FUNCTION programme_session_within_conference()",
]

SESSION_OUTSIDE = """
    NOT EXISTS (
        SELECT 1 FROM va_conference_conference c
        WHERE c.id = NEW.conference_id AND NEW.date BETWEEN c.start_date AND c.end_date
    )
"""
RAISE = "BEGIN SELECT RAISE(ABORT, 'CHECK constraint failed: session_within_conference_dates'); END"

SQLITE = [
    f"""
    CREATE TRIGGER programme_session_within_conference_insert
    BEFORE INSERT ON programme_session WHEN {SESSION_OUTSIDE} {RAISE}
    """,
    f"""
    CREATE TRIGGER programme_session_within_conference_update
    BEFORE UPDATE OF date, conference_id ON programme_session WHEN {SESSION_OUTSIDE} {RAISE}
    """,
    f"""
    CREATE TRIGGER programme_conference_keeps_sessions
    BEFORE UPDATE OF start_date, end_date ON va_conference_conference
    WHEN EXISTS (
        SELECT 1 FROM programme_session s
        WHERE s.conference_id = NEW.id AND s.date NOT BETWEEN NEW.start_date AND NEW.end_date
    ) {RAISE}
    """,
]

SQLITE_REVERSE = [
    "DROP TRIGGER programme_conference_keeps_sessions",
    "DROP TRIGGER programme_session_within_conference_update",
    "DROP TRIGGER programme_session_within_conference_insert",
]


def run(statements_by_vendor):
    def operation(apps, schema_editor):
        statements = statements_by_vendor.get(schema_editor.connection.vendor)
        if statements is None:
            raise NotImplementedError(
                f"No trigger for {schema_editor.connection.vendor}: use PostgreSQL or SQLite."
            )
        for statement in statements:
            schema_editor.execute(statement, params=None)

    return operation


class Migration(migrations.Migration):
    dependencies = [
        ("programme", "0001_initial"),
        ("va_conference", "0001_initial"),
    ]

    operations = [
        migrations.RunPython(
            run({"postgresql": POSTGRESQL, "sqlite": SQLITE}),
            run({"postgresql": POSTGRESQL_REVERSE, "sqlite": SQLITE_REVERSE}),
        ),
    ]
