"""Year-over-year across the 2025 reorganisation, as the results API and the unit page show it."""

from __future__ import annotations

from sqlalchemy.engine import Engine
from sqlmodel import Session

from models.accounts.ops import create_user
from tests.world.accounts import login_as
from tests.world.lineage import merged_province


def _admin(engine: Engine) -> str:
    """Build the merged province (tests/world/lineage.py) and an admin; return its token."""
    with Session(engine, expire_on_commit=False) as s:
        merged_province(s)
        _user, token = create_user(session=s, name="admin", role="admin", actor="test")
        s.commit()
    return token


def test_results_api_gives_basis_previous_index_and_not_comparable(engine: Engine, client) -> None:
    """Figures by hand in tests/models/test_lineage.py: Sở NN&MT (84 + 90) / 2 = 87 → 89."""
    token = _admin(engine)
    answer = client.get(
        "/api/campaigns/tinh-a-2025/results", headers={"Authorization": f"Bearer {token}"}
    )
    assert answer.status_code == 200
    rows = {r["unit_code"]: r for r in answer.json()}
    merged = rows["so-nn-mt"]
    assert (merged["comparison"], merged["previous_index"], merged["change"]) == ("merged", 87, 2)
    assert merged["change_text"] == "+2,00"
    assert "Sở Nông nghiệp và Phát triển nông thôn" not in merged["comparison_text"]  # world names
    assert {(s["province"], s["unit_code"], s["weight"]) for s in merged["compared_with"]} == {
        ("tinh-a", "so-nn-ptnt", 0.5),
        ("tinh-a", "so-tn-mt", 0.5),
    }
    cross = rows["xa-dong"]
    assert (cross["comparison"], cross["change"]) == ("not_comparable", None)
    assert cross["change_text"] == "không so sánh được"
    assert rows["so-noi-vu"]["change_text"] == "+5,50"


def test_unit_page_says_what_the_change_is_measured_against(engine: Engine, client) -> None:
    _admin(engine)
    login_as(client, "admin")
    html = client.get("/campaigns/tinh-a-2025/units/so-nn-mt").text
    assert "so với năm trước: <b" in html and "+2,00" in html
    assert "bình quân các đơn vị hợp nhất (so-nn-ptnt 2024: 84,00; so-tn-mt 2024: 90,00)" in html
    own = client.get("/campaigns/tinh-a-2025/units/so-noi-vu").text
    assert "+5,50" in own and "so với chính đơn vị năm trước" in own
