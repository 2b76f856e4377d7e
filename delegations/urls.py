from django.urls import path

from . import views
from .public import delegations_registered

# Under conferences/<slug>/delegations/: the delegations registered, and the request to be a
# focal point.
conference_patterns = [
    path("", delegations_registered, name="delegations_registered"),
    path("focal-point/", views.ask_for_focal_point, name="ask_for_focal_point"),
    path("focal-point/asked/", views.focal_point_asked, name="focal_point_asked"),
]

# Under delegations/<token>/: a focal point's page, reached by their private link.
focal_point_patterns = [
    path("", views.focal_point_page, name="focal_point_page"),
    path("members/", views.nominate_member, name="focal_point_nominate"),
    path("members/list/", views.nominate_list, name="focal_point_nominate_list"),
    path("members/<int:pk>/endorse/", views.endorse_member, name="focal_point_endorse"),
    path("members/<int:pk>/withdraw/", views.withdraw_member, name="focal_point_withdraw"),
    path("members/<int:pk>/role/", views.change_role, name="focal_point_role"),
    path("documents/", views.upload_document, name="focal_point_upload"),
    path("documents/<int:pk>/", views.download_document, name="focal_point_document"),
]
