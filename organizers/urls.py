"""The organizers' tools, under /admin/conferences/<slug>/: the root URLs put them in the admin."""

from django.urls import path

from . import delegations, views

app_name = "organizers"

urlpatterns = [
    path("", views.choose, name="choose"),
    path("<slug:slug>/", views.dashboard, name="dashboard"),
    path("<slug:slug>/check-in/", views.check_in, name="check_in"),
    path("<slug:slug>/credentials/", delegations.credentials_report, name="credentials_report"),
    path("<slug:slug>/figures/", views.figures, name="figures"),
    path("<slug:slug>/participants-list/", delegations.participants_list, name="participants_list"),
    path("<slug:slug>/participants-list/list/", delegations.set_list, name="set_participants_list"),
    path("<slug:slug>/participants-list/addenda/", delegations.add_addendum, name="add_addendum"),
    path(
        "<slug:slug>/participants-list/<int:pk>/publish/",
        delegations.publish,
        name="publish_participants_list",
    ),
    path("<slug:slug>/statements/", views.upload_statements, name="upload_statements"),
    path("<slug:slug>/write/", views.write_to_delegates, name="write_to_delegates"),
]
