"""The editors' admin: review quotes and claims in context, correct speakers, keep the history of every change.

Modules: ``articles`` (articles and sentences, read only), ``speakers`` (search, create, merge), ``verification``
(quotes, claims, the review queue, bulk review); ``forms``, ``filters`` and ``in_context`` serve them.
"""

from django.contrib import admin

from newsfacts.admin import articles, history, speakers, verification

__all__ = ["articles", "history", "speakers", "verification"]

# The index page adds links to the review queues above the list of models.
admin.site.index_template = "admin/newsfacts/index.html"
