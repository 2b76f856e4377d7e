"""What the organizer is told after issuing letters: how many were issued, and why the others
were not."""

from django.contrib import messages
from django.utils.translation import ngettext

from .models import Kind


def tell(request, issued, kind):
    count = len(issued.letters)
    if kind == Kind.VISA:
        said = ngettext("%(count)d visa letter issued.", "%(count)d visa letters issued.", count)
    else:
        said = ngettext("%(count)d certificate issued.", "%(count)d certificates issued.", count)
    messages.add_message(
        request, messages.SUCCESS if count else messages.WARNING, said % {"count": count}
    )
    for reason, skipped in issued.skipped.items():
        messages.warning(
            request,
            ngettext(
                "%(count)d not issued: %(reason)s.", "%(count)d not issued: %(reason)s.", skipped
            )
            % {"count": skipped, "reason": reason},
        )
