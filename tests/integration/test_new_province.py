"""From nothing to a launched 2-tier campaign for a province not shipped (Lạng Sơn, 2025).

Only commands: `cchc units init` (national catalogue), `cchc criteria import` of the two .docx
appendices built here (departments; xã and phường), `cchc plan import` of a .docx plan built
here, `cchc validate`, `cchc launch`. No YAML is edited by hand.
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
from models import Assignment, Campaign, CriteriaSet, OrgUnit, Stage

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


HEAD = ["STT", "Lĩnh vực/Tiêu chí/Tiêu chí thành phần", "Điểm tối đa", "Cơ quan thẩm định"]
FIELDS = [
    ["I", "CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CẢI CÁCH HÀNH CHÍNH", "6", "Sở Nội vụ"],
    ["1", "Kế hoạch cải cách hành chính năm", "2", ""],
    ["a)", "Ban hành kế hoạch đúng thời hạn", "1", ""],
    ["b)", "Xác định đầy đủ nhiệm vụ, sản phẩm", "1", ""],
    ["2", "Báo cáo cải cách hành chính định kỳ", "1,5", ""],
    ["3", "Đánh giá của người dân về công tác chỉ đạo (Điều tra XHH)", "2,5", ""],
    ["II", "CẢI CÁCH THỂ CHẾ", "4", "Sở Tư pháp"],
    ["1", "Xây dựng và ban hành văn bản quy phạm pháp luật", "2", ""],
    ["2", "Kiểm tra, rà soát văn bản quy phạm pháp luật", "2", ""],
    ["III", "HIỆN ĐẠI HÓA NỀN HÀNH CHÍNH", "4", "Sở Khoa học và Công nghệ"],
    ["1", "Ứng dụng công nghệ thông tin trong xử lý công việc", "2", ""],
    ["2", "Mức độ hài lòng về dịch vụ công trực tuyến (Điều tra XHH)", "2", ""],
    ["", "Tổng cộng", "14", ""],
]


def _appendix_docx(path: Path, whom: str) -> Path:
    """Write a decision's criteria appendix for `whom` (its title names the tier)."""
    document = docx.Document()
    for text in (
        "ỦY BAN NHÂN DÂN TỈNH LẠNG SƠN",
        "Số: 1802/QĐ-UBND",
        "Lạng Sơn, ngày 05 tháng 11 năm 2025",
        "BỘ CHỈ SỐ",
        f"Đánh giá công tác cải cách hành chính hàng năm của {whom} tỉnh Lạng Sơn năm 2025",
    ):
        document.add_paragraph(text)
    rows = [HEAD, *FIELDS]
    table = document.add_table(rows=len(rows), cols=len(HEAD))
    for r, values in enumerate(rows):
        for c, value in enumerate(values):
            table.cell(r, c).text = value
    document.save(str(path))
    return path


def _import_criteria(workspace: Path) -> list[str]:
    """`cchc criteria import` each appendix into config/criteria/ and return the sets' codes."""
    codes = []
    for name, whom in (("so", "các sở, ban, ngành"), ("xa", "UBND các xã, phường")):
        target = workspace / "config" / "criteria" / f"lang-son-2025-{name}.yaml"
        source = _appendix_docx(workspace / f"phu-luc-{name}.docx", whom)
        out = runner.invoke(app, ["criteria", "import", str(source), "--strict", "-o", str(target)])
        assert out.exit_code == 0, out.output
        codes.append(yaml.safe_load(target.read_text(encoding="utf-8"))["code"])
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

    sets = _import_criteria(workspace)
    assert sets == ["lang-son-2025-so", "lang-son-2025-xa"]
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
        imported = set(s.exec(select(CriteriaSet.code)).all())
        duties = s.exec(
            select(OrgUnit)
            .join(Assignment, Assignment.unit_id == OrgUnit.id)
            .where(Assignment.stage_id == stage.id)
        ).all()
    assert campaign.code == "lang-son-2025"
    assert {"lang-son-2025-so", "lang-son-2025-xa"} <= imported
    # every xã and phường of Lạng Sơn from 1/7/2025 self-assesses, each with its official name
    assert len(duties) == 65 and {u.commune_type for u in duties} == {"xa", "phuong"}
    assert {u.rank_group for u in duties} == {"commune", "ward"}
