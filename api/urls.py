from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerView
from rest_framework.routers import DefaultRouter

from . import views

router = DefaultRouter()
router.register("conferences", views.ConferenceViewSet)
router.register("sessions", views.SessionViewSet)
router.register("statements", views.StatementViewSet)
router.register("documents", views.DocumentViewSet)
router.register("organizations", views.OrganizationViewSet)

urlpatterns = [
    path("schema/", SpectacularAPIView.as_view(), name="api_schema"),
    path(
        "docs/",
        # A page to read: DRF's answer to OPTIONS, a description of the API, has no template.
        SpectacularSwaggerView.as_view(url_name="api_schema", http_method_names=["get", "head"]),
        name="api_docs",
    ),
    path("", include(router.urls)),
]
