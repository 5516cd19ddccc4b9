"""An unknown code in an admin request body is a Vietnamese 422 naming it; nothing is stored."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import func
from sqlalchemy.engine import Engine
from sqlmodel import Session, select

from models.audit.log import AuditEntry

BASE = "/api/campaigns/test-2024"
CASES: dict[str, tuple[str, dict[str, Any]]] = {
    "user: unit": ("/api/users", {"name": "moi", "role": "unit", "unit_code": "so-khong-co"}),
    "fact: stage": (f"{BASE}/facts", {"kind": "guidance_issued", "stage_code": "so-khong-co"}),
    "fact: unit": (
        f"{BASE}/facts",
        {"kind": "guidance_issued", "stage_code": "huong-dan", "unit_code": "so-khong-co"},
    ),
    "extension: stage": (
        f"{BASE}/units/so-a/extensions",
        {"stage_code": "so-khong-co", "new_due": "2099-01-15", "reason": "x", "document_no": "1"},
    ),
}


@pytest.mark.parametrize("case", list(CASES))
def test_unknown_code_in_a_body_is_a_422_naming_it(world, client, engine: Engine, case: str):
    path, body = CASES[case]
    with Session(engine) as s:
        before = s.exec(select(func.count()).select_from(AuditEntry)).one()
    answer = client.post(path, json=body, headers=world.auth("admin"))
    assert answer.status_code == 422, answer.text
    assert "so-khong-co" in answer.json()["error"]["message"]
    with Session(engine) as s:
        assert s.exec(select(func.count()).select_from(AuditEntry)).one() == before
