"""`cchc template / submit / survey import / results / report` against a real SQLite database."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from openpyxl import load_workbook
from sqlalchemy.engine import Engine
from sqlmodel import Session, select
from typer.testing import CliRunner

from cchc.db import get_engine
from cchc.settings import get_settings
from cli.main import app
from tests.world.scoring import scoring_campaign

runner = CliRunner()


@pytest.fixture
def cli_db(sqlite_only: Engine, monkeypatch: pytest.MonkeyPatch) -> Iterator[Engine]:
    """Point the CLI at the test database, with a campaign `test-2024` and units a, b."""
    monkeypatch.setenv("CCHC_DATABASE_URL", sqlite_only.url.render_as_string(hide_password=False))
    get_settings.cache_clear()
    get_engine.cache_clear()
    with Session(sqlite_only, expire_on_commit=False) as session:
        scoring_campaign(session, ["a", "b"])
    yield sqlite_only
    get_settings.cache_clear()
    get_engine.cache_clear()


def _fill(path: Path, values: dict[str, object]) -> None:
    book = load_workbook(path)
    for row in book["Tự đánh giá"].iter_rows(min_row=6):
        if row[0].value in values:
            row[3].value, row[4].value = values[row[0].value], "Theo báo cáo"
    book.save(path)


def test_template_submit_results_report(cli_db: Engine, tmp_path: Path) -> None:
    path = tmp_path / "a.xlsx"
    out = runner.invoke(
        app, ["template", "--campaign", "test-2024", "--unit", "a", "-o", str(path)]
    )
    assert out.exit_code == 0, out.output
    _fill(path, {"1.1": 2, "1.2.1": 1, "1.2.2": 3})
    bad = runner.invoke(app, ["submit", str(path), "--campaign", "test-2024", "--unit", "a"])
    assert bad.exit_code == 2
    assert "Tự đánh giá!D10 1.2.2: điểm 3 ngoài khoảng 0 – 1" in bad.output
    assert "Traceback" not in bad.output
    _fill(path, {"1.2.2": 0.5})
    ok = runner.invoke(app, ["submit", str(path), "--campaign", "test-2024", "--unit", "a"])
    assert ok.exit_code == 0 and "Đã nộp phiên bản 1" in ok.output, ok.output
    survey = tmp_path / "xhh.csv"
    survey.write_text("unit,item,points\na,2.1,3\nb,2.1,1.5\n", encoding="utf-8")
    imported = runner.invoke(app, ["survey", "import", str(survey), "--campaign", "test-2024"])
    assert "Đã nhập 2 điểm" in imported.output, imported.output
    shown = runner.invoke(app, ["results", "-c", "test-2024", "--json"])
    rows = {r["unit_code"]: r for r in json.loads(shown.output)}
    # JSON prints the index rounded at the published precision (models/results/README.md)
    assert (rows["a"]["index_value"], rows["a"]["rank"], rows["b"]["rank"]) == (92.86, 1, 2)
    table = runner.invoke(app, ["results", "-c", "test-2024"])
    assert "92,86" in table.output
    report = runner.invoke(app, ["report", "-c", "test-2024", "-o", str(tmp_path / "bc")])
    assert report.exit_code == 0 and (tmp_path / "bc" / "chi-so-cchc-test-2024.html").exists()


def test_unknown_campaign_exits_2_with_a_message(cli_db: Engine) -> None:
    out = runner.invoke(app, ["results", "-c", "khong-co"])
    assert out.exit_code == 2 and "không có chiến dịch «khong-co»" in out.output


def test_fact_survey_file_imports_points_through_the_service(cli_db: Engine, tmp_path) -> None:
    from sqlmodel import select

    from models import SurveyScore
    from models.audit.log import AuditEntry

    survey = tmp_path / "xhh.csv"
    survey.write_text("unit,item,points\na,2.1,3\nb,2.1,1.5\n", encoding="utf-8")
    args = ["--as", "snv.lan", "fact", "survey", "-c", "test-2024", "--file", str(survey)]
    out = runner.invoke(app, args)
    assert out.exit_code == 0 and "Đã nhập 2 điểm điều tra." in out.output, out.output
    with Session(cli_db) as session:
        points = sorted(s.points for s in session.exec(select(SurveyScore)).all())
        actors = {a.actor for a in session.exec(select(AuditEntry)).all()}
    assert points == [1.5, 3.0] and "snv.lan" in actors  # --as names the person


def test_results_all_computes_every_running_campaign_in_one_call(
    sqlite_only: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`cchc results --all`: one line per campaign, a total; an approved campaign is left alone."""
    from models import Result
    from models.results.compute import compute_results
    from tests.world.many import many_campaigns

    monkeypatch.setenv("CCHC_DATABASE_URL", sqlite_only.url.render_as_string(hide_password=False))
    get_settings.cache_clear()
    get_engine.cache_clear()
    with Session(sqlite_only, expire_on_commit=False) as session:
        first, later, other = many_campaigns(session)
        compute_results(session=session, campaign_id=later.id)
        for row in session.exec(select(Result).where(Result.campaign_id == later.id)):
            row.frozen_at = row.computed_at  # approved: --all must not recompute it
            session.add(row)
        session.commit()
    try:
        shown = runner.invoke(app, ["results", "--all", "--json"])
        assert shown.exit_code == 0, shown.output
        assert json.loads(shown.output) == {"hg-2024": 3, "test-2024": 3}
        table = runner.invoke(app, ["results", "--all"])
        assert "test-2024: đã tính 3 đơn vị" in table.output
        assert "Đã tính Chỉ số CCHC của 2 chiến dịch, 6 đơn vị." in table.output
        bare = runner.invoke(app, ["results"])
        assert bare.exit_code == 2 and "--all" in bare.output
    finally:
        get_settings.cache_clear()
        get_engine.cache_clear()


def test_not_applicable_marks_and_refuses_with_one_line(cli_db: Engine) -> None:
    """1.2.1 may be not applicable; 1.1 may not (exit 2, one Vietnamese line, no traceback)."""
    from models import CriteriaItem

    with Session(cli_db) as s:
        item = s.exec(select(CriteriaItem).where(CriteriaItem.code == "1.2.1")).one()
        item.allow_not_applicable = True
        s.add(item)
        s.commit()
    base = ["not-applicable", "--campaign", "test-2024", "--unit", "a"]
    ok = runner.invoke(app, [*base, "--item", "1.2.1", "--reason", "Không có thanh tra"])
    assert ok.exit_code == 0 and "1.2.1: không áp dụng đối với a." in ok.output, ok.output
    bad = runner.invoke(app, [*base, "--item", "1.1", "--reason", "x"])
    assert bad.exit_code == 2 and "Traceback" not in bad.output
    assert "1.1: bộ chỉ số không cho phép đánh dấu «không áp dụng» tiêu chí này" in bad.output
    cleared = runner.invoke(app, [*base, "--item", "1.2.1", "--clear"])
    assert cleared.exit_code == 0 and "đã bỏ đánh dấu" in cleared.output
