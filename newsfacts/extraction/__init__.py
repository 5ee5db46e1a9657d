"""The extraction pipeline: plain Python over text and offsets, no Django.

Each step takes a string (or the previous step's values) and returns frozen dataclasses with ``start``/``end``
offsets into the article text. ``pipeline.extract`` runs them all; only ``newsfacts.ingestion`` touches models.
"""
