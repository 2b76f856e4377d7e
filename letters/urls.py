from django.urls import path

from . import views

# Under registrations/<token>/: the delegate's letters, through their private link.
own_registration_patterns = [
    path("visa/", views.visa_request, name="visa_request"),
    path("visa/delete/", views.visa_request_withdraw, name="visa_request_withdraw"),
    path("certificate/", views.certificate, name="certificate"),
    path("letters/<token:reference>/", views.letter_download, name="letter_download"),
]

# Under documents/: verifying a letter or certificate by its reference, for anyone.
verification_patterns = [
    path("", views.verification_form, name="letter_verification_form"),
    path("<token:reference>/", views.verification, name="letter_verification"),
]
