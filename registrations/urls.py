from django.urls import path

from . import views

urlpatterns = [
    path("participants/", views.participants, name="participants"),
]
