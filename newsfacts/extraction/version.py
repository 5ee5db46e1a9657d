"""The version of the extraction pipeline: a digest of its source, so it changes whenever the pipeline does.

Articles record the version that extracted them; ``manage.py reextract`` brings older ones up to date.
"""

from __future__ import annotations

import hashlib
from functools import cache
from pathlib import Path


@cache
def pipeline_version() -> str:
    """The first 12 hex digits of the sha256 of the pipeline's Python files (subpackages too), in path order."""
    root = Path(__file__).parent
    digest = hashlib.sha256()
    for path in sorted(root.rglob("*.py")):
        digest.update(path.relative_to(root).as_posix().encode())
        digest.update(b"\0")
        digest.update(path.read_bytes())
        digest.update(b"\0")
    return digest.hexdigest()[:12]
