"""Every error a JSON body in Vietnamese (#14): 404, 405, 422 naming the field, 500, 503."""

from __future__ import annotations

import warnings
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy.engine import Engine

from cchc.settings import get_settings
from tests.world.web import SA, World, build_world
from web.app import create_app

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient


@pytest.fixture
def lite(sqlite_only: Engine) -> Iterator[TestClient]:
    """A client on the real app over SQLite that answers server errors instead of raising them."""
    app = create_app(sqlite_only)

    @app.get("/api/test-boom")
    def boom() -> None:
        raise RuntimeError("unforeseen")

    with TestClient(app, raise_server_exceptions=False) as c:
        yield c


@pytest.fixture
def lite_world(sqlite_only: Engine) -> World:
    """The small province on SQLite."""
    return build_world(sqlite_only)


def _error(answer, status: int) -> dict:
    """Return the error of a JSON answer, checking its status and content type."""
    assert answer.status_code == status, answer.text
    assert answer.headers["content-type"].startswith("application/json")
    return answer.json()["error"]


def test_unknown_route_is_a_vietnamese_404(lite: TestClient) -> None:
    assert _error(lite.get("/api/khong-co"), 404)["message"] == "Không tìm thấy địa chỉ này"


def test_wrong_method_is_a_vietnamese_405(lite: TestClient) -> None:
    error = _error(lite.delete("/api/me"), 405)
    assert error["message"] == "Phương thức không được hỗ trợ cho địa chỉ này"


def test_missing_field_names_the_field_in_vietnamese(lite: TestClient, lite_world: World) -> None:
    answer = lite.put(SA.format(unit="so-a"), json={}, headers=lite_world.auth("unit_a"))
    error = _error(answer, 422)
    assert error["message"] == "Yêu cầu không hợp lệ: thiếu trường bắt buộc «scores»"
    assert "Field required" not in answer.text


def test_wrong_type_and_unknown_field_named(lite: TestClient, lite_world: World) -> None:
    body = {"scores": [{"item_code": "1.1", "score": "nhiều"}], "extra": 1}
    answer = lite.put(SA.format(unit="so-a"), json=body, headers=lite_world.auth("unit_a"))
    problems = _error(answer, 422)["problems"]
    assert "«scores[0].score» phải là số" in problems
    assert "trường «extra» không được nhận" in problems


def test_unforeseen_error_is_a_vietnamese_500_body(lite: TestClient) -> None:
    error = _error(lite.get("/api/test-boom"), 500)
    assert error == {
        "code": "internal",
        "message": "Lỗi máy chủ; sự cố đã được ghi lại, vui lòng thử lại sau",
    }
    assert "unforeseen" not in lite.get("/api/test-boom").text  # no internals leak


def test_storage_write_error_is_a_vietnamese_503(
    lite: TestClient, lite_world: World, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the var folder should be", encoding="utf-8")
    monkeypatch.setenv("CCHC_VAR_DIR", str(blocker / "var"))  # mkdir there fails for real
    get_settings.cache_clear()
    answer = lite.post(
        "/api/campaigns/test-2024/units/so-a/evidence",
        files={"file": ("a.pdf", b"%PDF-1.4 test")},
        headers=lite_world.auth("unit_a"),
    )
    error = _error(answer, 503)
    assert error["code"] == "storage_unavailable" and "kho lưu trữ" in error["message"].lower()
    assert answer.headers["retry-after"] == "5"
