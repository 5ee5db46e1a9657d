"""URLs: the editors' admin, the versioned REST API, and a redirect from / to the API root."""

from django.contrib import admin
from django.urls import include, path
from django.views.generic import RedirectView

admin.site.site_header = "newsfacts editorial"
admin.site.site_title = "newsfacts"
admin.site.index_title = "Curate the dataset"

urlpatterns = [
    path("", RedirectView.as_view(url="/api/v1/", permanent=False)),
    path("admin/", admin.site.urls),
    path("api/v1/", include("api.urls")),
]

# Under /api/ errors are JSON even when no API view answers (an unknown URL, a request refused before routing).
handler400 = "api.errors.bad_request"
handler404 = "api.errors.page_not_found"
handler500 = "api.errors.server_error"
