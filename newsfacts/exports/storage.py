"""Published releases, kept through Django's storage API (the ``releases`` alias of ``settings.STORAGES``).

The file system by default (``RELEASES_DIR``); any backend will do, so several servers behind a load balancer can
share one S3-compatible bucket (django-storages) with no code change. A release is a folder ``NAME/`` of files; it is
published when its ``datapackage.json`` is there, which is uploaded last, so nobody lists a half-written release.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import IO, Any

from django.core.files import File
from django.core.files.storage import Storage, storages

from newsfacts.exports import datapackage

ALIAS = "releases"

# Release folders and file names: no separators, no leading dot (temporary folders of a running export).
RELEASE_NAME = r"[A-Za-z0-9][A-Za-z0-9._-]*"
_RELEASE_NAME = re.compile(rf"^{RELEASE_NAME}$")


class PublishError(Exception):
    """A release that cannot be published as asked; the message tells the user what to change."""


def releases() -> Storage:
    return storages[ALIAS]


def is_release_name(name: str) -> bool:
    return bool(_RELEASE_NAME.match(name))


def exists(name: str) -> bool:
    return is_release_name(name) and releases().exists(f"{name}/{datapackage.FILENAME}")


def names() -> list[str]:
    """The folders of the releases storage (published or not), sorted."""
    try:
        folders, _files = releases().listdir("")
    except (FileNotFoundError, NotADirectoryError):
        return []
    return sorted(name for name in folders if is_release_name(name))


def read_package(name: str) -> dict[str, Any] | None:
    """The data package of a published release; None when there is none (or it cannot be read)."""
    if not is_release_name(name):
        return None
    try:
        with releases().open(f"{name}/{datapackage.FILENAME}", "rb") as stream:
            package = json.loads(stream.read())
    except (OSError, ValueError):
        return None
    return package if isinstance(package, dict) else None


def open_file(name: str, path: str) -> IO[bytes]:
    """One file of a release, opened for reading; OSError when missing."""
    if not (is_release_name(name) and is_release_name(path)):
        raise FileNotFoundError(path)
    return releases().open(f"{name}/{path}", "rb")


def check_name(name: str, *, overwrite: bool) -> None:
    if not is_release_name(name):
        raise PublishError(f"{name!r} is not a release name: use letters, digits, '.', '_' and '-'")
    if not overwrite and (exists(name) or _files_of(name)):
        raise PublishError(f"release {name} is already published: choose another name or use --force to replace it")


def _files_of(name: str) -> list[str]:
    try:
        return releases().listdir(name)[1]
    except (FileNotFoundError, NotADirectoryError):
        return []


def publish(staging: Path, name: str, *, overwrite: bool) -> None:
    """Upload the files of the finished release folder `staging` as release `name`, data package last.

    Replacing a release first withdraws its data package (it stops being listed), then its files.
    """
    check_name(name, overwrite=overwrite)
    storage = releases()
    stale = _files_of(name)
    if datapackage.FILENAME in stale:
        storage.delete(f"{name}/{datapackage.FILENAME}")
    for file in stale:
        if file != datapackage.FILENAME:
            storage.delete(f"{name}/{file}")
    files = sorted(p.name for p in staging.iterdir() if p.is_file() and p.name != datapackage.FILENAME)
    for file in [*files, datapackage.FILENAME]:
        with (staging / file).open("rb") as stream:
            saved = storage.save(f"{name}/{file}", File(stream, name=file))
        if saved != f"{name}/{file}":
            raise PublishError(f"the releases storage saved {file} as {saved}: another export is publishing {name}")
