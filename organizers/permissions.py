"""Who may use each of the organizers' tools: one decorator that names the permission."""

from functools import wraps

from django.contrib import admin
from django.core.exceptions import PermissionDenied


def tool(permission):
    """An organizers' tool: an admin page (signed in to the admin, two-factor where on), for
    staff who hold `permission`; anyone else is refused."""

    def decorate(view):
        @wraps(view)
        def checked(request, *args, **kwargs):
            if not request.user.has_perm(permission):
                raise PermissionDenied
            return view(request, *args, **kwargs)

        return admin.site.admin_view(checked)

    return decorate
