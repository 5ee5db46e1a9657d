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
