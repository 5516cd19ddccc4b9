"""Every CLI command facing a missing schema or a refusing database: one Vietnamese line, exit 2."""

from __future__ import annotations

import socket

import pytest

from tests.ops.conftest import RunCli


def _closed_port() -> int:
    """A local port nobody listens on."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.mark.parametrize(
    "args", [("report", "-c", "bac-kan-2023"), ("results", "-c", "bac-kan-2023")]
)
def test_command_on_database_without_tables_prints_one_line(point_at, run_cli: RunCli, args):
    point_at("")
    code, _out, err = run_cli(*args)
    assert code == 2
    lines = err.strip().splitlines()
    assert len(lines) == 1 and "chưa có bảng nào" in lines[0] and "cchc setup" in lines[0]
    assert "Traceback" not in err


@pytest.mark.parametrize(
    "args",
    [
        ("report", "-c", "bac-kan-2023"),
        ("results", "--all"),
        ("users", "add", "x", "--role", "admin"),
        ("serve", "--port", "1"),
        ("setup",),
        ("backup",),
        ("launch", "config/plans/bac-kan-2023.yaml", "--dry-run"),
    ],
)
def test_command_with_database_refusing_connections_prints_one_line(point_at, run_cli, args):
    point_at(f"postgresql+psycopg://postgres:secret@127.0.0.1:{_closed_port()}/cchc")
    code, _out, err = run_cli(*args)
    assert code == 2
    lines = err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("Lỗi: không kết nối được cơ sở dữ liệu")
    assert "secret" not in err and "Traceback" not in err
