"""`cchc serve --workers`: the option, else the setting, 0 meaning one worker per core."""

from __future__ import annotations

import os

from typer.testing import CliRunner

from cli.web_cmds import worker_count


def test_option_wins_over_setting_and_zero_means_cores():
    cores = os.cpu_count() or 1
    assert worker_count(3, 0) == 3
    assert worker_count(None, 2) == 2
    assert worker_count(None, 0) == cores
    assert worker_count(0, 4) == cores


def test_serve_lists_and_checks_the_workers_option():
    from cli.main import app

    runner = CliRunner()
    assert "--workers" in runner.invoke(app, ["serve", "--help"]).output
    refused = runner.invoke(app, ["serve", "--workers", "-1"])
    assert refused.exit_code == 2
