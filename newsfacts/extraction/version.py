"""The version of the extraction pipeline: a digest of its source and its model, so it changes whenever either does.

Articles record the version that extracted them; ``manage.py reextract`` brings older ones up to date.
"""

from __future__ import annotations

import hashlib
from functools import cache
from pathlib import Path

ROOT = Path(__file__).parent


def pipeline_files() -> list[Path]:
    """The files whose bytes decide what the pipeline extracts: its Python files (subpackages too), the
    part-of-speech model and the dependency parser's checksum (its model is a folder of files), in path order."""
    return sorted([*ROOT.rglob("*.py"), *ROOT.rglob("*.json.gz"), *ROOT.rglob("*.sha256")])


@cache
def pipeline_version() -> str:
    """The first 12 hex digits of the sha256 of the pipeline's files (``pipeline_files``), in path order."""
    digest = hashlib.sha256()
    for path in pipeline_files():
        digest.update(path.relative_to(ROOT).as_posix().encode())
        digest.update(b"\0")
        digest.update(path.read_bytes())
        digest.update(b"\0")
    return digest.hexdigest()[:12]
