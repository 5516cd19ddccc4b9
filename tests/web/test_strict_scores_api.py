"""Strict scores through the API (issue #14): each hostile score answered 422 in Vietnamese."""

from __future__ import annotations

import warnings
from collections.abc import Iterator
from typing import Any

import pytest
from sqlalchemy.engine import Engine

from tests.world.web import SA, World, build_world
from web.app import create_app

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

BAD: dict[str, Any] = {
    "json-true": True,
    "text-number": "1.5",
    "full-width": "１.５",
    "arabic-indic": "١",
    "off-step": 0.25000001,
    "above-max": 2.25,
}


@pytest.fixture
def lite(sqlite_only: Engine) -> Iterator[tuple[TestClient, World]]:
    """A client on the real app over SQLite, and its world."""
    world = build_world(sqlite_only)
    with TestClient(create_app(sqlite_only)) as c:
        yield c, world


def _put(lite: tuple[TestClient, World], body: Any) -> Any:
    """PUT a draft as unit A."""
    client, world = lite
    return client.put(SA.format(unit="so-a"), json=body, headers=world.auth("unit_a"))


@pytest.mark.parametrize("case", BAD, ids=list(BAD))
def test_bad_score_answered_422(lite: tuple[TestClient, World], case: str) -> None:
    answer = _put(lite, {"scores": [{"item_code": "1.1", "score": BAD[case]}]})
    assert answer.status_code == 422, answer.text
    error = answer.json()["error"]
    assert error["code"] in {"invalid_request", "invalid_score"}
    assert "1.1" in error["message"] or "score" in error["message"]


def test_repeated_code_answered_422_naming_it(lite: tuple[TestClient, World]) -> None:
    scores = [{"item_code": "1.1", "score": 2}, {"item_code": "1.1", "score": 0}]
    answer = _put(lite, {"scores": scores})
    assert answer.status_code == 422
    assert answer.json()["error"] == {
        "code": "invalid_score",
        "message": "1.1: mã tiêu chí lặp lại trong cùng một yêu cầu",
    }


def test_plain_numbers_still_accepted(lite: tuple[TestClient, World]) -> None:
    answer = _put(
        lite, {"scores": [{"item_code": "1.1", "score": 2}, {"item_code": "1.2.1", "score": 0.5}]}
    )
    assert answer.status_code == 200, answer.text
