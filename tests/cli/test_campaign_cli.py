"""`cchc fact`, `extend`, `status`, `users add`, refused `submit`: exit codes, no traceback."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from openpyxl import load_workbook
from sqlalchemy.engine import Engine
from sqlmodel import Session, select
from typer.testing import CliRunner

from cchc.clock import now
from cchc.db import get_engine
from cchc.errors import ValidationError
from cchc.settings import get_settings
from cli.main import app
from models import Assignment, Fact, SelfAssessment, SelfScore
from tests.world.campaigns import make_stage
from tests.world.scoring import scoring_campaign

runner = CliRunner()


@pytest.fixture
def cli_db(
    sqlite_only: Engine, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[Engine]:
    """Point the CLI at the test database: campaign `test-2024`, units a, b, a guidance stage."""
    monkeypatch.setenv("CCHC_DATABASE_URL", sqlite_only.url.render_as_string(hide_password=False))
    monkeypatch.setenv("CCHC_VAR_DIR", str(tmp_path / "var"))
    get_settings.cache_clear()
    get_engine.cache_clear()
    with Session(sqlite_only, expire_on_commit=False) as session:
        campaign, _units = scoring_campaign(session, ["a", "b"])
        start = now()
        make_stage(
            session, campaign, "huong-dan", "guidance", opens=start, due=start + timedelta(1)
        )
        session.commit()
    yield sqlite_only
    get_settings.cache_clear()
    get_engine.cache_clear()


def _ok(args: list[str]) -> str:
    """Run a command that must succeed; return its output."""
    out = runner.invoke(app, args)
    assert out.exit_code == 0 and "Traceback" not in out.output, out.output
    return out.output


def _refused(args: list[str]) -> str:
    """Run a command that must fail with exit code 2 and a message; return its output."""
    out = runner.invoke(app, args)
    assert out.exit_code == 2 and "Traceback" not in out.output, out.output
    assert out.exception is None or isinstance(out.exception, SystemExit)
    return out.output


def test_fact_commands_record_and_refuse_bad_dates(cli_db: Engine) -> None:
    said = _ok(["fact", "guidance", "-c", "test-2024", "--document", "45/HD"])
    assert said == "Đã ghi nhận «Đã ban hành hướng dẫn».\n"
    with Session(cli_db) as s:
        assert [f.kind for f in s.exec(select(Fact)).all()] == ["guidance_issued"]
    council = ["fact", "council", "-c", "test-2024", "--held-on", "2024-13-01", "--members", "5"]
    assert "--held-on" in _refused([*council, "--present", "x,y,z", "--for", "3"])
    approve = ["fact", "approve", "-c", "test-2024", "--decision-no", "1/QĐ"]
    assert "--decided-on" in _refused([*approve, "--decided-on", "hôm qua"])
    assert "khong-co" in _refused(["fact", "guidance", "-c", "khong-co"])


def test_extend_and_status(cli_db: Engine) -> None:
    base = ["extend", "--campaign", "test-2024", "--stage", "tu-danh-gia", "--unit", "a"]
    base += ["--reason", "Thiên tai", "--document", "12/SNV"]
    assert "15/01/2099" in _ok([*base, "--until", "2099-01-15"])
    with Session(cli_db) as s:
        assert any(a.extended for a in s.exec(select(Assignment)).all())
    assert "--until" in _refused([*base, "--until", "15/01/2099"])
    other = [a if a != "a" else "z" for a in base]
    assert "đơn vị «z»" in _refused([*other, "--until", "2099-01-15"])
    assert "Kế hoạch test-2024" in _ok(["status", "-c", "test-2024"])
    assert "khong-co" in _refused(["status", "-c", "khong-co"])


def test_users_add_prints_password_once_and_refuses_a_duplicate(cli_db: Engine) -> None:
    assert "Mật khẩu lần đầu" in _ok(["users", "add", "lan", "--role", "viewer"])
    _refused(["users", "add", "lan", "--role", "viewer"])
    _refused(["users", "add", "minh", "--role", "vua"])


def test_refused_submission_keeps_the_saved_draft(cli_db: Engine, tmp_path: Path) -> None:
    path = tmp_path / "a.xlsx"
    _ok(["template", "--campaign", "test-2024", "--unit", "a", "-o", str(path)])
    book = load_workbook(path)
    for row in book["Tự đánh giá"].iter_rows(min_row=6):
        if row[0].value in {"1.1", "1.2.1"}:  # 1.2.2 left unscored: submission is refused
            row[3].value, row[4].value = 1, "Theo báo cáo"
    book.save(path)
    assert "1.2.2" in _refused(["submit", str(path), "--campaign", "test-2024", "--unit", "a"])
    with Session(cli_db) as s:
        draft = s.exec(select(SelfAssessment)).one()
        assert draft.status == "draft"
        assert (
            len(s.exec(select(SelfScore).where(SelfScore.self_assessment_id == draft.id)).all())
            == 2
        )


def test_local_instants_read_days_as_start_or_end_in_vietnam() -> None:
    from cli.parse import parse_local_instant

    assert parse_local_instant("2024-11-05", "--at").isoformat() == "2024-11-04T17:00:00+00:00"
    end = parse_local_instant("2024-11-05", "--until", day_end=True)
    assert end.isoformat() == "2024-11-05T16:59:59+00:00"
    assert parse_local_instant("2024-11-05T08:00", "--at").hour == 1
    with pytest.raises(ValidationError, match="--until"):
        parse_local_instant("05/11/2024", "--until")


UNTIL = ["--until", "2099-01-15", "--reason", "Thiên tai", "--document", "12/SNV"]


@pytest.mark.parametrize(
    "args",
    [
        ["extend", "-c", "test-2024", "--stage", "khong-co", "-u", "a", *UNTIL],
        ["extend", "-c", "test-2024", "--stage", "tu-danh-gia", "-u", "khong-co", *UNTIL],
        ["fact", "done", "-c", "test-2024", "--stage", "khong-co"],
        ["fact", "done", "-c", "test-2024", "--stage", "huong-dan", "-u", "khong-co"],
        ["users", "add", "moi", "--role", "unit", "-u", "khong-co"],
        ["notify", "retry", "-c", "khong-co"],
    ],
)
def test_an_unknown_code_on_the_command_line_exits_2_naming_it(
    cli_db: Engine, args: list[str]
) -> None:
    assert "«khong-co»" in _refused(args)
