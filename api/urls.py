"""Routes of the REST API, mounted under /api/v1/."""

from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerView
from rest_framework.routers import DefaultRouter

from api import views
from api.docs import RedocView
from api.releases import ReleaseViewSet

app_name = "api"

router = DefaultRouter()
router.register("articles", views.ArticleViewSet)
router.register("sentences", views.SentenceViewSet)
router.register("speakers", views.SpeakerViewSet)
router.register("quotes", views.QuoteViewSet)
router.register("claims", views.ClaimViewSet)
router.register("exports", ReleaseViewSet, basename="export")

urlpatterns = [
    path("", include(router.urls)),
    path("schema/", SpectacularAPIView.as_view(), name="schema"),
    path("docs/", SpectacularSwaggerView.as_view(url_name="api:schema"), name="docs"),
    path("redoc/", RedocView.as_view(url_name="api:schema"), name="redoc"),
]
