"""What happens on a list of speakers: opened, put in order, moved, added to from the floor, and
each speaker called, done or withdrawn.

Changes to one list are made under its row's lock (select_for_update), so that two organizers
moving speakers at once leave positions that still count 1, 2, 3. Only waiting speakers move;
those done keep the place they spoke in, the record of the session.
"""

from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from delegations.models import FocalPoint, delegation_of
from registrations import status_emails
from sessions.models import Statement

from . import ordering
from .models import DONE, STILL_TO_SPEAK, FloorRequest, SpeakersList, Turn


class NotWaiting(Exception):
    """The speaker has already spoken, withdrawn or the floor."""


class RequestsClosed(Exception):
    """The list takes no more requests: closed by the organizer, or its time is past."""


class AlreadyOnTheList(Exception):
    """The delegation is on the list already, still to speak."""


def locked(speakers_list):
    return SpeakersList.objects.select_for_update().get(pk=speakers_list.pk)


def requests_of(speakers_list):
    return speakers_list.requests.select_related("delegation__organization").order_by(
        "position", "requested_at", "pk"
    )


def renumber(requests):
    """Positions 1, 2, 3... in the order of `requests`, saving only those that moved."""
    for position, request in enumerate(requests, start=1):
        if request.position != position:
            request.position = position
            request.save(update_fields=["position"])


@transaction.atomic
def apply_order(speakers_list):
    """Put the waiting speakers in the list's rule of order, after those already done."""
    speakers_list = locked(speakers_list)
    requests = list(requests_of(speakers_list))
    done = [request for request in requests if request.turn != Turn.WAITING]
    waiting = ordering.in_order(
        [request for request in requests if request.turn == Turn.WAITING],
        speakers_list.order,
        speakers_list.session.conference,
    )
    renumber(done + waiting)


@transaction.atomic
def move(request, offset):
    """Move a waiting speaker `offset` places (-1 up, 1 down) among the waiting ones."""
    locked(request.speakers_list)
    requests = list(requests_of(request.speakers_list))
    waiting = [each for each in requests if each.turn == Turn.WAITING]
    index = next((i for i, each in enumerate(waiting) if each.pk == request.pk), None)
    if index is None:
        raise NotWaiting
    target = min(max(index + offset, 0), len(waiting) - 1)
    waiting.insert(target, waiting.pop(index))
    renumber([each for each in requests if each.turn != Turn.WAITING] + waiting)


@transaction.atomic
def add(speakers_list, request):
    """Add `request` (unsaved, for this list) at the end of the list."""
    speakers_list = locked(speakers_list)
    last = speakers_list.requests.aggregate(last=Max("position"))["last"] or 0
    request.speakers_list = speakers_list
    request.position = last + 1
    request.save()
    return request


@transaction.atomic
def ask(speakers_list, request, on_behalf, text=None):
    """A delegation's request for the floor (`request`, unsaved), made `on_behalf` of it by its
    focal point (a FocalPoint) or its head of delegation (a Registration), with the text of the
    statement if sent (`text`, an unsaved Statement whose file was checked): a draft, read by
    the interpreters until delivered. Whoever asked is told by e-mail."""
    speakers_list = locked(speakers_list)
    if not speakers_list.takes_requests(timezone.now()):
        raise RequestsClosed
    delegation = on_behalf.delegation
    on_the_list = speakers_list.requests.filter(delegation=delegation, turn__in=STILL_TO_SPEAK)
    # Checked under the list's lock, before the text is stored: no file is left behind by a
    # request the database would refuse.
    if on_the_list.exists():
        raise AlreadyOnTheList
    request.delegation = delegation
    if isinstance(on_behalf, FocalPoint):
        request.requested_by_focal_point = on_behalf
    else:
        request.requested_by_head = on_behalf
    if text is not None:
        text.is_published = False
        text.sent_ahead = True
        text.save()
        request.statement = text
    add(speakers_list, request)
    if isinstance(on_behalf, FocalPoint):
        status_emails.queue_to_focal_point(on_behalf, status_emails.FLOOR_REQUESTED)
    else:
        status_emails.queue(on_behalf, status_emails.HEAD_FLOOR_REQUESTED)
    return request


def add_from_the_floor(
    speakers_list, organization, speaker, rank, language, by, speaks_online=False
):
    """A delegation that asks for the floor during the session, in the room or on the meeting
    platform (`speaks_online`): last on the list."""
    request = FloorRequest(
        delegation=delegation_of(speakers_list.session.conference, organization),
        speaker=speaker,
        rank=rank,
        language=language,
        speaks_online=speaks_online,
        from_the_floor=True,
        requested_by=by,
    )
    return add(speakers_list, request)


@transaction.atomic
def give_the_floor(request):
    """The chair calls `request`'s speaker; whoever had the floor has spoken."""
    locked(request.speakers_list)
    request.refresh_from_db()
    if request.turn != Turn.WAITING:
        raise NotWaiting
    for speaking in request.speakers_list.requests.filter(turn=Turn.SPEAKING):
        end_turn(speaking, Turn.SPOKE)
    request.turn = Turn.SPEAKING
    request.given_the_floor_at = timezone.now()
    request.save(update_fields=["turn", "given_the_floor_at"])


@transaction.atomic
def finish(request, turn):
    """`request`'s speaker spoke, withdrew or delivered their statement in writing only."""
    if turn not in DONE:
        raise ValueError(turn)
    locked(request.speakers_list)
    request.refresh_from_db()
    if request.is_done:
        raise NotWaiting
    end_turn(request, turn)


def end_turn(request, turn):
    """`request`'s turn is over: a text it sent ahead is published as the delegation's
    statement in the session, once delivered aloud or in writing, unless it asked otherwise
    (then it stays confidential, as sent)."""
    request.turn = turn
    request.save(update_fields=["turn"])
    delivered = turn in (Turn.SPOKE, Turn.IN_WRITING)
    if delivered and request.statement_id and request.publish_when_delivered:
        text = Statement.objects.filter(pk=request.statement_id)
        text.update(sent_ahead=False)
        text.publish()


def display(speakers_list, coming=3):
    """(who has the floor or None, the next `coming` speakers, how many more wait after them)."""
    requests = list(requests_of(speakers_list).exclude(turn__in=DONE))
    speaking = next((r for r in requests if r.turn == Turn.SPEAKING), None)
    waiting = [r for r in requests if r.turn == Turn.WAITING]
    return speaking, waiting[:coming], max(len(waiting) - coming, 0)
