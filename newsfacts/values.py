"""Plain values read and written the same way everywhere: strict booleans and ISO 8601 datetimes.

No Django models here: the settings read their booleans with it too.
"""

from __future__ import annotations

import datetime

TRUE_VALUES = frozenset({"true", "1", "yes", "on"})
FALSE_VALUES = frozenset({"false", "0", "no", "off"})


def parse_bool(text: str) -> bool | None:
    """True or False for the usual spellings (any case, surrounding blanks ignored); None for anything else."""
    word = text.strip().lower()
    if word in TRUE_VALUES:
        return True
    if word in FALSE_VALUES:
        return False
    return None


def iso_datetime(value: datetime.datetime, zone: datetime.tzinfo = datetime.UTC) -> str:
    """ISO 8601 in ``zone`` (UTC by default), UTC written as ``Z``: DRF's form, and the one Table Schema reads."""
    text = value.astimezone(zone).isoformat()
    return text[:-6] + "Z" if text.endswith("+00:00") else text
