"""Root URLs: public pages under a language prefix; admin, health check and i18n without."""

from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path

from delegations.urls import conference_patterns as delegations_patterns
from delegations.urls import focal_point_patterns
from delegations.views import invitation
from floor.urls import session_patterns as floor_patterns
from floor.views import focal_point_floor, head_floor
from letters.urls import own_registration_patterns as letters_patterns
from letters.urls import verification_patterns
from organizers.metrics import metrics
from organizers.views import statements as statements_upload
from registrations.urls import agenda_calendar_patterns, own_registration_patterns
from sessions.feeds import SiteFeed
from sessions.views import search_statements
from sponsorship.urls import own_registration_patterns as sponsorship_patterns

from . import views

# The API's errors in JSON; the site's pages elsewhere.
handler404 = "api.errors.page_not_found"
handler500 = "api.errors.server_error"

urlpatterns = [
    path("admin/conferences/", include("organizers.urls")),
    path("admin/", admin.site.urls),
    path("healthz", views.healthz, name="healthz"),
    path("favicon.ico", views.favicon),
    path("metrics", metrics, name="metrics"),
    path("api/v1/", include("api.urls")),
]

urlpatterns += i18n_patterns(
    path("", views.conference_list, name="conference_list"),
    path("updates.atom", SiteFeed(), name="site_feed"),
    path("statements/", search_statements, name="search_statements"),
    path("conferences/<slug:slug>/", views.conference_detail, name="conference_detail"),
    path("conferences/<slug:slug>/updates/", views.updates, name="updates"),
    path("conferences/<slug:slug>/delegations/", include(delegations_patterns)),
    path("conferences/<slug:slug>/sessions/<slug:session_slug>/", include(floor_patterns)),
    # The organizers' tool of a session's statements, in the language of the site's address.
    path(
        "conferences/<slug:slug>/sessions/<slug:session_slug>/upload/",
        statements_upload.upload,
        name="upload_statements",
    ),
    path("conferences/<slug:slug>/", include("sessions.urls")),
    path("conferences/<slug:slug>/", include("registrations.urls")),
    path("registrations/<token:token>/floor/", head_floor, name="head_floor"),
    path("registrations/<token:token>/invitation/", invitation, name="registration_invitation"),
    path("registrations/<token:token>/", include(letters_patterns)),
    path("registrations/<token:token>/", include(sponsorship_patterns)),
    path("documents/", include(verification_patterns)),
    path("agendas/", include(agenda_calendar_patterns)),
    path("registrations/<token:token>/", include(own_registration_patterns)),
    path("delegations/<token:token>/floor/", focal_point_floor, name="focal_point_floor"),
    path("delegations/<token:token>/", include(focal_point_patterns)),
)
