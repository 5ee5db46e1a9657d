"""Releases written and served through Django's storage API (the ``releases`` alias), here an in-memory backend."""

from __future__ import annotations

import json

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import storages
from django.core.management import CommandError, call_command

from newsfacts.exports import storage
from tests.exports.conftest import export


@pytest.fixture
def memory_releases(settings):
    """The releases storage in memory, as a deployment would point it at a shared bucket."""
    settings.STORAGES = {**settings.STORAGES, "releases": {"BACKEND": "django.core.files.storage.InMemoryStorage"}}
    return storages["releases"]


def publish(name: str, *args: str) -> None:
    call_command("export_dataset", "--publish", name, *args, verbosity=0)


def test_publish_uploads_every_file_of_the_release_to_the_releases_storage(dataset, memory_releases, tmp_path):
    publish("2026-11", "--format", "jsonl,parquet,fever")
    local = export(tmp_path / "local", "--format", "jsonl,parquet,fever")

    _folders, files = memory_releases.listdir("2026-11")

    assert sorted(files) == sorted(p.name for p in local.iterdir())
    with memory_releases.open("2026-11/claims.parquet", "rb") as stream:
        assert stream.read() == (local / "claims.parquet").read_bytes()


def test_the_api_lists_and_serves_releases_from_the_releases_storage(dataset, memory_releases, api_client):
    publish("2026-11", "--format", "fever", "--release-version", "7")
    with memory_releases.open("2026-11/fever.jsonl", "rb") as stream:
        stored = stream.read()

    listed = api_client.get("/api/v1/exports/").json()
    (release,) = listed
    download = api_client.get(release["files"][0]["url"])

    assert (release["name"], release["version"]) == ("2026-11", "7")
    assert download.status_code == 200
    assert b"".join(download.streaming_content) == stored


def test_publishing_a_name_twice_needs_force_and_then_replaces_the_files(dataset, memory_releases):
    publish("r", "--format", "fever")

    with pytest.raises(CommandError, match="already published"):
        publish("r", "--format", "claimreview")
    publish("r", "--format", "claimreview", "--force")

    assert sorted(memory_releases.listdir("r")[1]) == ["README.md", "claimreview.jsonld", "datapackage.json"]


def test_a_folder_without_its_data_package_is_not_listed(dataset, memory_releases, api_client):
    publish("done", "--format", "fever")
    memory_releases.save("half/claims.jsonl", ContentFile(b"{}\n"))

    assert [r["name"] for r in api_client.get("/api/v1/exports/").json()] == ["done"]


@pytest.mark.parametrize("name", ["../up", ".hidden", "a/b"])
def test_a_release_name_with_separators_or_a_leading_dot_is_refused(dataset, memory_releases, name):
    with pytest.raises(CommandError, match="not a release name"):
        publish(name)


def test_since_release_takes_the_name_of_a_published_release(dataset, memory_releases, tmp_path):
    publish("first", "--format", "jsonl")
    dataset["claims"][0].delete()

    outdir = export(tmp_path / "second", "--format", "jsonl", "--since-release", "first")

    changes = [json.loads(line) for line in (outdir / "changes.jsonl").read_text().splitlines()]
    assert {(c["table"], c["change"]) for c in changes} == {("claims", "removed")}
    assert storage.read_package("first")["version"]


def test_either_a_folder_or_a_name_to_publish(dataset, memory_releases, tmp_path):
    with pytest.raises(CommandError, match="either OUTDIR or --publish"):
        call_command("export_dataset", str(tmp_path / "x"), "--publish", "x", verbosity=0)
    with pytest.raises(CommandError, match="either OUTDIR or --publish"):
        call_command("export_dataset", verbosity=0)


def test_since_release_that_does_not_exist_is_a_one_line_error(dataset, memory_releases, tmp_path):
    with pytest.raises(CommandError, match="no such release folder or published release"):
        export(tmp_path / "r", "--since-release", str(tmp_path / "nowhere"))
    assert not (tmp_path / "r").exists()
