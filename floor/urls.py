from django.urls import path

from . import views

# Under conferences/<slug>/sessions/<session_slug>/.
session_patterns = [
    path("speakers/", views.room_display, name="speakers_display"),
    path("speakers.json", views.room_display_data, name="speakers_display_data"),
]
