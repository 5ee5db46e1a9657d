"""The newsfacts domain app: articles, sentences, speakers, quotes and claims."""

from django.apps import AppConfig


class NewsfactsConfig(AppConfig):
    name = "newsfacts"
    verbose_name = "newsfacts"
