"""Streamed open formats of any filtered list (``?format=csv``, ``?format=ndjson``) and the releases endpoint.

Owned by the exports work; list viewsets inherit ``StreamedFormatsMixin``.
"""


class StreamedFormatsMixin:
    """Placeholder until the streamed formats land: adds nothing."""
