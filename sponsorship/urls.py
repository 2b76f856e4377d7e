from django.urls import path

from . import views

# Under registrations/<token>/: the delegate's answer to an offer, through their private link.
own_registration_patterns = [
    path("sponsorship/", views.answer_offer, name="sponsorship_offer_answer"),
    path("sponsorship/e-ticket/", views.e_ticket, name="sponsorship_e_ticket"),
]
