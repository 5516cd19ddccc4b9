"""From nothing to a launched 2-tier campaign for a province not shipped (Lạng Sơn, 2025).

Only commands: `cchc units init` (national catalogue), `cchc plan import` of a .docx plan built
here, `cchc validate`, `cchc launch`. The criteria sets are the shipped 2025 sample retargeted
to the province by code, standing in for `cchc criteria import` (another branch); no YAML is
edited by hand.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import docx
import pytest
import yaml
from sqlalchemy.engine import Engine
from sqlmodel import Session, select
from typer.testing import CliRunner

from cchc.db import get_engine
from cchc.settings import get_settings
from cli.main import app
from models import Assignment, Campaign, OrgUnit, Stage

runner = CliRunner()
CONFIG = Path(__file__).resolve().parents[2] / "config"
ROWS = [
    ("TT", "Nội dung công việc", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian thực hiện"),
    (
        "1",
        "Hướng dẫn tự đánh giá, chấm điểm Chỉ số CCHC năm 2025",
        "Sở Nội vụ",
        "Văn phòng UBND tỉnh",
        "chậm nhất ngày 28/11/2025",
    ),
    (
        "2",
        "Tự đánh giá, chấm điểm, gửi báo cáo về Sở Nội vụ",
        "Các sở, ban, ngành",
        "Sở Nội vụ",
        "chậm nhất ngày 15/12/2025",
    ),
    (
        "3",
        "Tự đánh giá, chấm điểm, gửi báo cáo về Sở Nội vụ",
        "UBND các xã, phường",
        "Sở Nội vụ",
        "chậm nhất ngày 15/12/2025",
    ),
    (
        "4",
        "Thẩm định kết quả tự đánh giá",
        "Hội đồng thẩm định",
        "Sở Nội vụ",
        "chậm nhất ngày 20/01/2026",
    ),
    ("5", "Công bố Chỉ số CCHC năm 2025", "UBND tỉnh", "Sở Nội vụ", "chậm nhất ngày 27/02/2026"),
]


@pytest.fixture
def workspace(
    sqlite_only: Engine, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[Path]:
    """A config folder with only what ships (no Lạng Sơn), an empty database, cwd at tmp."""
    shutil.copytree(
        CONFIG,
        tmp_path / "config",
        ignore=shutil.ignore_patterns("*.py", "__pycache__", "tools", "national"),
    )
    monkeypatch.setenv("CCHC_DATABASE_URL", sqlite_only.url.render_as_string(hide_password=False))
    monkeypatch.setenv("CCHC_CONFIG_DIR", str(tmp_path / "config"))
    monkeypatch.setenv("CCHC_VAR_DIR", str(tmp_path / "var"))
    monkeypatch.chdir(tmp_path)
    get_settings.cache_clear()
    get_engine.cache_clear()
    yield tmp_path
    get_settings.cache_clear()
    get_engine.cache_clear()


def _plan_docx(path: Path) -> Path:
    """Write the plan as a People's Committee issues it: header, number, date, table, signature."""
    document = docx.Document()
    for text in (
        "UBND TỈNH LẠNG SƠN",
        "Số: 215/KH-UBND",
        "Lạng Sơn, ngày 10 tháng 11 năm 2025",
        "KẾ HOẠCH",
        "Xác định Chỉ số cải cách hành chính năm 2025 của các sở, ban, ngành"
        " và UBND các xã, phường trên địa bàn tỉnh",
    ):
        document.add_paragraph(text)
    table = document.add_table(rows=len(ROWS), cols=len(ROWS[0]))
    for r, values in enumerate(ROWS):
        for c, value in enumerate(values):
            table.cell(r, c).text = value
    for text in ("TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"):
        document.add_paragraph(text)
    document.save(str(path))
    return path


def _retarget_criteria(config: Path) -> list[str]:
    """Write the shipped 2025 sample sets for Lạng Sơn (stands in for `cchc criteria import`)."""
    codes = []
    for suffix in ("so", "xa"):
        doc = yaml.safe_load(
            (config / "criteria" / f"lai-chau-2025-{suffix}.yaml").read_text(encoding="utf-8")
        )
        doc.update(code=f"lang-son-2025-{suffix}", province="lang-son", units="lang-son-2025")
        (config / "criteria" / f"lang-son-2025-{suffix}.yaml").write_text(
            yaml.safe_dump(doc, allow_unicode=True, sort_keys=False), encoding="utf-8"
        )
        codes.append(doc["code"])
    return codes


def test_new_province_goes_from_nothing_to_a_launched_two_tier_campaign(
    workspace: Path, sqlite_only: Engine
) -> None:
    config = workspace / "config"
    assert not list(config.glob("units/lang-son*"))

    made = runner.invoke(app, ["units", "init", "--province", "tỉnh Lạng Sơn", "--year", "2025"])
    assert made.exit_code == 0, made.output
    units_file = config / "units" / "lang-son-2025.yaml"
    assert units_file.is_file() and "65 đơn vị cấp xã" in made.output

    sets = _retarget_criteria(config)
    plan_file = config / "plans" / "lang-son-2025.yaml"
    criteria = [arg for code in sets for arg in ("--criteria", code)]
    imported = runner.invoke(
        app,
        [
            "plan",
            "import",
            str(_plan_docx(workspace / "ke-hoach.docx")),
            "--strict",
            "-o",
            str(plan_file),
            *criteria,
        ],
    )
    assert imported.exit_code == 0, imported.output
    plan = yaml.safe_load(plan_file.read_text(encoding="utf-8"))
    assert (plan["province"], plan["units"], plan["decision_no"]) == (
        "lang-son",
        "lang-son-2025",
        "215/KH-UBND",
    )
    assert str(plan["issued_on"]) == "2025-11-10" and len(plan["stages"]) == 5
    assert [s["scope"] for s in plan["stages"][1:3]] == [
        {"kinds": ["department"]},
        {"kinds": ["commune"]},
    ]

    checked = runner.invoke(app, ["validate", str(config)])
    assert checked.exit_code == 0, checked.output

    launched = runner.invoke(app, ["launch", str(plan_file), "--replay", "--no-schedule"])
    assert launched.exit_code == 0, launched.output
    with Session(sqlite_only) as s:
        campaign = s.exec(select(Campaign)).one()
        stage = s.exec(
            select(Stage).where(Stage.campaign_id == campaign.id, Stage.code == "s03")
        ).one()
        duties = s.exec(
            select(OrgUnit)
            .join(Assignment, Assignment.unit_id == OrgUnit.id)
            .where(Assignment.stage_id == stage.id)
        ).all()
    assert campaign.code == "lang-son-2025"
    # every xã and phường of Lạng Sơn from 1/7/2025 self-assesses, each with its official name
    assert len(duties) == 65 and {u.commune_type for u in duties} == {"xa", "phuong"}
    assert {u.rank_group for u in duties} == {"commune", "ward"}
