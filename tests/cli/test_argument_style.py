"""Every `cchc` command names the campaign `--campaign/-c` and the unit `--unit/-u`, only so."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from typer._click import Command
from typer.core import TyperArgument, TyperGroup, TyperOption
from typer.main import get_command
from typer.testing import CliRunner

from cli.args import CAMPAIGN_OPTS, UNIT_OPTS
from cli.main import app

STYLE = {"campaign": set(CAMPAIGN_OPTS), "unit": set(UNIT_OPTS)}
RESERVED = {opt: name for name, opts in STYLE.items() for opt in opts}


def _commands(command: Command, path: str = "cchc") -> Iterator[tuple[str, Command]]:
    """Walk the command tree: every leaf command with its path."""
    if isinstance(command, TyperGroup):
        for name, child in command.commands.items():
            yield from _commands(child, f"{path} {name}")
    else:
        yield path, command


def test_every_campaign_and_unit_parameter_uses_the_one_option_style() -> None:
    seen = {"campaign": 0, "unit": 0}
    for path, command in _commands(get_command(app)):
        for param in command.params:
            if param.name in STYLE:
                seen[param.name] += 1
                assert isinstance(param, TyperOption), f"{path}: {param.name} is positional"
                assert set(param.opts) == STYLE[param.name], f"{path}: {param.opts}"
            else:
                assert not isinstance(param, TyperArgument) or param.name not in STYLE
                taken = set(param.opts) & set(RESERVED)
                assert not taken, f"{path}: {param.name} takes {taken}"
    # the walk reached the commands this style is about (tick, extend, fact …, template …)
    assert seen["campaign"] >= 15 and seen["unit"] >= 5, seen


def test_an_old_positional_campaign_still_works_once_with_a_vietnamese_notice() -> None:
    out = CliRunner().invoke(app, ["status", "khong-co-chien-dich"], env={"CCHC_DATABASE_URL": ""})
    assert "Lưu ý: «cchc status MÃ»" in out.output and "«-c MÃ»" in out.output, out.output
    assert "Traceback" not in out.output and "Missing" not in out.output


@pytest.mark.parametrize(
    "args",
    [["tick", "--at", "2024-01-02", "-c", "x", "y"], ["submit", "tep.xlsx", "-c", "x", "-u", "a"]],
)
def test_no_rewrite_when_the_line_is_not_an_old_form(args: list[str]) -> None:
    from cli.click_vi import legacy_campaign

    assert legacy_campaign(get_command(app), args) == args  # type: ignore[arg-type]
