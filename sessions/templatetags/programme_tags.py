"""The sessions of a programme, drawn in Python.

A programme lists tens or hundreds of sessions, and Django's template language spends about a
quarter of a millisecond on each one's heading and facts; written out here, with each value
escaped once, they cost a small part of that (bench/throughput.py). The same facts serve the
session's own page.
"""

from html import escape

from django import template
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.safestring import mark_safe
from django.utils.translation import gettext, ngettext

from va_conference.templatetags.conference_tags import lang_of

register = template.Library()
# Stands for a session's slug in the address of its page, reversed once for a whole list.
SLUG = "session-slug"


@register.simple_tag
def session_items(sessions, conference):
    """Each session as an item of the programme's list: its title, linked, and its facts."""
    before, _slug, after = reverse("session_detail", args=[conference.slug, SLUG]).rpartition(SLUG)
    draft = f' <span class="badge text-bg-warning">{escape(gettext("Draft"))}</span>'
    labels = fact_labels()
    return mark_safe(
        "".join(
            f'<li>\n  <h3 class="h5 mb-2"><a href="{escape(before + session.slug + after)}">'
            f"<span{lang_of(session, 'title')}>{escape(session.title)}</span></a>"
            f"{'' if session.is_public else draft}</h3>\n"
            f"  {facts(session, conference, labels, in_list=True)}\n</li>\n"
            for session in sessions
        )
    )


@register.simple_tag
def session_facts(session, conference):
    """The facts of a session on its own page: its date and time zone too."""
    return mark_safe(facts(session, conference, fact_labels(), in_list=False))


def fact_labels():
    """The terms of a session's facts, translated and escaped once for a whole list."""
    labels = {
        "Date": gettext("Date"),
        "Time": gettext("Time"),
        "Kind": gettext("Kind"),
        "Room": gettext("Room"),
        "Chair(s)": gettext("Chair(s)"),
        "Agenda item": gettext("Agenda item"),
        "Statements": gettext("Statements"),
    }
    return {name: escape(label) for name, label in labels.items()}


def facts(session, conference, labels, *, in_list):
    """The <dl> of a session's facts, as HTML: every value in it is escaped here."""
    terms = []
    if not in_list:
        day = (
            f'<time datetime="{date_format(session.date, "Y-m-d")}">'
            f"{escape(date_format(session.date, 'l'))},"
            f" {escape(date_format(session.date, 'DATE_FORMAT'))}</time>"
        )
        terms.append(("Date", "", day))
    zone = "" if in_list else f" (<bdi>{escape(conference.time_zone)}</bdi>)"
    times = (
        f'<time datetime="{session.starts_at.isoformat()}">'
        f"{session.start_time:%H:%M}</time>–"  # noqa: RUF001
        f'<time datetime="{session.ends_at.isoformat()}">'
        f"{session.end_time:%H:%M}</time>{zone}"
    )
    terms.append(("Time", ' class="session-time"', times))
    terms.append(("Kind", "", escape(session.get_kind_display())))
    if session.room:
        room = session.room
        terms.append(("Room", "", f"<span{lang_of(room, 'name')}>{escape(room.name)}</span>"))
    if session.chairs:
        terms.append(("Chair(s)", "", escape(session.chairs)))
    if session.agenda_item:
        item = escape(session.agenda_item)
        terms.append(("Agenda item", "", f"<span{lang_of(session, 'agenda_item')}>{item}</span>"))
    if in_list:
        count = session.published_statement_count
        statements = ngettext("%(counter)s statement", "%(counter)s statements", count)
        terms.append(("Statements", "", escape(statements % {"counter": count})))
    listed = "".join(
        f"  <dt>{labels[name]}</dt>\n  <dd{attributes}>{value}</dd>\n"
        for name, attributes, value in terms
    )
    return f'<dl class="session-facts{" mb-0" if in_list else ""}">\n{listed}</dl>'
