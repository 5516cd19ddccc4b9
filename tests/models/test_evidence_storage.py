"""The evidence store: local folder and S3 (a real moto server), signed expiring links."""

from __future__ import annotations

import hashlib
import uuid
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest

from cchc.clock import frozen_at
from cchc.errors import NotFound, PermissionDenied, StorageUnavailable
from cchc.settings import get_settings
from models.scoring.storage import get_store, links
from models.scoring.storage.local import LocalStore
from models.scoring.storage.s3 import S3Store
from tests.world.s3 import free_port, make_bucket, s3_env, s3_server

DATA = b"%PDF-1.4 bien ban"
KEY = hashlib.sha256(DATA).hexdigest()


@pytest.fixture(scope="module")
def endpoint() -> Iterator[str]:
    """One moto server for the module's tests."""
    with s3_server() as url:
        make_bucket(url, "evidence-test")
        yield url


@pytest.fixture
def settings_env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[pytest.MonkeyPatch]:
    """Settings read afresh, var_dir in a temporary folder."""
    monkeypatch.setenv("CCHC_VAR_DIR", str(tmp_path))
    get_settings.cache_clear()
    yield monkeypatch
    get_settings.cache_clear()


def _use(monkeypatch: pytest.MonkeyPatch, env: dict[str, str]) -> None:
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    get_settings.cache_clear()


def test_local_store_keeps_one_file_per_content(tmp_path: Path) -> None:
    store = LocalStore(tmp_path / "evidence")
    store.put(KEY, DATA)
    store.put(KEY, DATA)
    assert store.get(KEY) == DATA and store.exists(KEY)
    assert [p.name for p in (tmp_path / "evidence").iterdir()] == [KEY]


def test_local_store_refuses_a_key_that_names_a_path(tmp_path: Path) -> None:
    with pytest.raises(NotFound):
        LocalStore(tmp_path).get("../../etc/passwd")


def test_local_store_write_failure_is_storage_unavailable(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    with pytest.raises(StorageUnavailable):
        LocalStore(blocker / "evidence").put(KEY, DATA)


def test_s3_store_round_trips_through_a_real_s3_server(
    endpoint: str, settings_env: pytest.MonkeyPatch
) -> None:
    _use(settings_env, s3_env(endpoint, "evidence-test"))
    store = get_store()
    assert isinstance(store, S3Store) and not store.exists(KEY)
    store.put(KEY, DATA)
    store.put(KEY, DATA)
    assert store.get(KEY) == DATA and store.exists(KEY)
    with pytest.raises(NotFound):
        store.get("0" * 64)


def test_s3_store_unreachable_is_storage_unavailable(settings_env: pytest.MonkeyPatch) -> None:
    _use(settings_env, s3_env(f"http://127.0.0.1:{free_port()}", "evidence-test"))
    with pytest.raises(StorageUnavailable, match="tạm thời không truy cập được"):
        get_store().put(KEY, DATA)


def test_s3_store_missing_bucket_is_storage_unavailable(
    endpoint: str, settings_env: pytest.MonkeyPatch
) -> None:
    _use(settings_env, s3_env(endpoint, "no-such-bucket"))
    with pytest.raises(StorageUnavailable):
        get_store().put(KEY, DATA)


def test_signed_link_opens_until_it_expires(settings_env: pytest.MonkeyPatch) -> None:
    evidence_id = uuid.uuid4()
    url, expires_at = links.sign(evidence_id, ttl=timedelta(minutes=15))
    expires = int(url.split("exp=")[1].split("&")[0])
    signature = url.split("sig=")[1]
    links.verify(evidence_id, expires, signature)
    with pytest.raises(PermissionDenied):
        links.verify(uuid.uuid4(), expires, signature)  # a signature names one document
    with pytest.raises(PermissionDenied):
        links.verify(evidence_id, expires + 3600, signature)  # the moment is signed too
    with frozen_at(expires_at + timedelta(seconds=1)):
        with pytest.raises(PermissionDenied, match="hết hạn"):
            links.verify(evidence_id, expires, signature)
