"""Who may use each of the organizers' tools: one decorator, which reads the tool's permission
from its declaration (`organizers/tools.py`)."""

from functools import wraps

from django.contrib import admin
from django.core.exceptions import PermissionDenied

from . import tools


def tool(name, permission=None):
    """A page of the organizers' tool `name`: an admin page (signed in to the admin, two-factor
    where on), for staff who hold the tool's permission, or `permission` where the page does
    more than the tool's first page (change a list, publish); anyone else is refused. The page
    knows its tool as `request.tool`, to open the same tool on another conference."""
    declared = tools.named(name)
    needed = permission or declared.permission

    def decorate(view):
        @wraps(view)
        def checked(request, *args, **kwargs):
            if not request.user.has_perm(needed):
                raise PermissionDenied
            request.tool = declared
            return view(request, *args, **kwargs)

        return admin.site.admin_view(checked)

    return decorate
