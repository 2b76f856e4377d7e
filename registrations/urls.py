from django.urls import path

from . import agenda_views, follow_up_views, mode_views, public, views

# Under conferences/<slug>/.
urlpatterns = [
    path("participants/", public.participants, name="participants"),
    path("states/", public.states, name="states"),
    path("register/", views.register, name="register"),
    path("register/sent/", views.registration_sent, name="registration_sent"),
    path("register/lost-link/", views.lost_link, name="lost_link"),
]

# Under registrations/<token>/: a delegate's own registration, reached by its private link.
own_registration_patterns = [
    path("", views.registration_detail, name="registration_detail"),
    path("change/", views.registration_change, name="registration_change"),
    path("move/", views.registration_move, name="registration_move"),
    path("cancel/", views.registration_cancel, name="registration_cancel"),
    path("mode/", mode_views.registration_mode, name="registration_mode"),
    path("follow-up/<int:pk>/", follow_up_views.follow_up_form, name="follow_up_form"),
    path("agenda/", agenda_views.agenda, name="registration_agenda"),
    path(
        "agenda/calendar-address/",
        agenda_views.new_calendar_address,
        name="agenda_new_calendar_address",
    ),
    path("email/", views.registration_email, name="registration_email"),
    path("email/<str:key>/", views.registration_email_confirm, name="registration_email_confirm"),
]

# An agenda's calendar, at its own private address: not the registration's.
agenda_calendar_patterns = [
    path("<token:calendar_token>.ics", agenda_views.agenda_calendar, name="agenda_calendar"),
]
