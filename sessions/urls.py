from django.urls import path

from . import feeds, views, widget

urlpatterns = [
    path("programme/", views.programme, name="programme"),
    path("programme.ics", views.programme_ics, name="programme_ics"),
    path("programme.json", widget.programme_json, name="programme_json"),
    path("programme/changes/", views.programme_changes, name="programme_changes"),
    path("programme/changes.atom", feeds.ProgrammeChangesFeed(), name="programme_changes_feed"),
    path("sessions/<slug:session_slug>/", views.session_detail, name="session_detail"),
    path("updates.atom", feeds.ConferenceFeed(), name="conference_feed"),
    path("documents/", views.documents, name="documents"),
    path("documents/files/<int:pk>/", views.document_file, name="document_file"),
    path("statements/", views.conference_statements, name="conference_statements"),
    path("statements/<int:pk>/file/", views.statement_file, name="statement_file"),
    path(
        "statements/<int:pk>/earlier/<int:version_pk>/file/",
        views.earlier_statement_file,
        name="earlier_statement_file",
    ),
]
