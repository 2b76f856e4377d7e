"""What the registrations' rules tell the apps above them, which this app never imports: a
registration left its delegation, or joined one. The delegations app records each change for
the Addendum and tells the focal points (delegations/receivers.py)."""

from django.dispatch import Signal

# A registration left `delegation`: cancelled, declined or withdrawn (`by` an organizer or
# `by_focal_point`), or `moved` to another. Sent before the registration changes.
member_left = Signal()
# A registration joined its delegation by moving from another.
member_joined = Signal()
