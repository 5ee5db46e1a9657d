"""The project's settings with the ceiling's views added to its URLs (``bench/ceiling.py``); for the load test only."""

from newsfacts.settings import *  # noqa: F403 - the project's settings, only the URLs changed

ROOT_URLCONF = "bench.ceiling"
