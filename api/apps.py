"""The REST layer. It holds no models."""

from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "api"
    verbose_name = "REST API"

    def ready(self) -> None:
        from api.schema import annotate_filters

        annotate_filters()
