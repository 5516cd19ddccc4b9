"""Typer's parser in Vietnamese: one-line refusals (exit 2), help headings, `-c` for old forms.

Typer bundles its own Click (`typer._click`) whose texts are plain English f-strings, so a refusal
is reworded here from the exception's fields (wording in `cchc.wording.cli_parser`); the rich
help reads module constants and a usage prefix, set once by `install()`.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence
from typing import Any, NoReturn

import typer.core
import typer.rich_utils
from typer import _click
from typer._click import decorators, exceptions, formatting
from typer.core import TyperArgument, TyperGroup, TyperOption

from cchc.wording import cli_parser as text

_write_usage = formatting.HelpFormatter.write_usage
_help_option = decorators.help_option
_display_type = typer.core._TyperParameter.display_type


def _display_type_vi(self: typer.core._TyperParameter, ctx: _click.Context) -> str:
    """Show an option's value type in Vietnamese (`<số nguyên>`, not `<int>`)."""
    shown = _display_type(self, ctx)
    return text.TYPE_LABELS.get(shown, shown)


def _usage_vi(
    self: formatting.HelpFormatter, prog: str, args: str = "", prefix: str | None = None
) -> None:
    """Write the usage line with the Vietnamese prefix."""
    _write_usage(self, prog, args, text.USAGE if prefix is None else prefix)


def _help_option_vi(param_decls: list[str]) -> Callable[[_click.Command], _click.Command]:
    """Add the help option as Typer does, with Vietnamese help."""
    add = _help_option(param_decls)

    def apply(command: _click.Command) -> _click.Command:
        add(command)
        command.params[-1].help = text.HELP_OPTION  # type: ignore[attr-defined]
        return command

    return apply


def install() -> None:
    """Point Typer's help headings, usage prefix and help option at Vietnamese (idempotent)."""
    for constant, value in text.RICH_TEXTS.items():
        setattr(typer.rich_utils, constant, value)
    formatting.HelpFormatter.write_usage = _usage_vi  # type: ignore[method-assign]
    decorators.help_option = _help_option_vi
    typer.core._TyperParameter.display_type = _display_type_vi  # type: ignore[method-assign]


def _localise(command: _click.Command) -> None:
    """Give a command (and its subcommands) Vietnamese usage placeholders and completion help."""
    command.options_metavar = text.OPTIONS_METAVAR
    for param in command.params:
        if param.name in text.COMPLETION_HELP and isinstance(param, TyperOption):
            param.help = text.COMPLETION_HELP[param.name]
    if isinstance(command, TyperGroup):
        command.subcommand_metavar = text.COMMANDS_METAVAR
        for child in command.commands.values():
            _localise(child)


def reason(exc: exceptions.ClickException) -> str:
    """Return why the command line was refused, in Vietnamese."""
    if isinstance(exc, exceptions.NoSuchOption):
        return text.no_such_option(exc.option_name, exc.possibilities)
    if isinstance(exc, exceptions.MissingParameter):
        param = exc.param
        kind = param.param_type_name if param is not None else "argument"
        return text.missing(kind, param.get_error_hint() if param is not None else "")
    if isinstance(exc, exceptions.BadParameter) and exc.param is not None:
        return text.bad_value(exc.param.get_error_hint(), _why(exc))
    return text.message(exc.message)


def _why(exc: exceptions.BadParameter) -> str:
    """Say why a value was refused: pydantic's error type when Typer checked it, else the text."""
    cause = exc.__cause__
    errors = getattr(cause, "errors", None)
    if callable(errors) and errors():
        return text.value_error(errors()[0]) or text.FALLBACK
    return text.message(exc.message)


def refuse(exc: exceptions.ClickException) -> NoReturn:
    """Print a parser refusal as one Vietnamese line and exit 2."""
    ctx = getattr(exc, "ctx", None)
    _click.echo(text.one_line(reason(exc), ctx.command_path if ctx else None), err=True)
    sys.exit(2)


def _leaf(group: TyperGroup, args: Sequence[str]) -> tuple[_click.Command, int, str] | None:
    """Find the command the words name: it, where its own words start, its path."""
    command: _click.Command = group
    path, index = ["cchc"], 0
    while isinstance(command, TyperGroup) and index < len(args):
        word = args[index]
        if word.startswith("-"):
            index += 2 if word == "--as" else 1  # the root's one valued option
            continue
        found = command.commands.get(word)
        if found is None:
            return None
        command, path, index = found, [*path, word], index + 1
    return None if isinstance(command, TyperGroup) else (command, index, " ".join(path))


def _bare_words(command: _click.Command, args: Sequence[str]) -> list[int]:
    """Return the positions of words that are neither options nor option values."""
    valued = {
        opt
        for p in command.params
        if isinstance(p, TyperOption) and not p.is_flag and not p.count
        for opt in p.opts
    }
    positions, skip = [], False
    for i, word in enumerate(args):
        if skip:
            skip = False
        elif word.startswith("-"):
            skip = word in valued
        else:
            positions.append(i)
    return positions


def legacy_campaign(group: TyperGroup, args: list[str]) -> list[str]:
    """Rewrite an old `CMD CAMPAIGN` line to `CMD --campaign CAMPAIGN`, saying so on stderr."""
    found = _leaf(group, args)
    if found is None:
        return args
    command, start, path = found
    params = {p.name: p for p in command.params}
    if not isinstance(params.get("campaign"), TyperOption) or any(
        isinstance(p, TyperArgument) for p in command.params
    ):
        return args
    own = args[start:]
    given = any(w in ("--campaign", "-c") or w.startswith("--campaign=") for w in own)
    bare = _bare_words(command, own)
    if given or len(bare) != 1:
        return args
    at = start + bare[0]
    _click.echo(text.legacy_campaign(path), err=True)
    return [*args[:at], "--campaign", args[at], *args[at + 1 :]]


class CchcGroup(TyperGroup):
    """The root `cchc` group: Vietnamese texts, one-line refusals, old positional campaigns."""

    def main(
        self,
        args: Sequence[str] | None = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        windows_expand_args: bool = True,
        **extra: Any,
    ) -> Any:
        """Run the command line; any parser refusal is one Vietnamese line and exit code 2."""
        install()
        _localise(self)
        words = legacy_campaign(self, list(sys.argv[1:] if args is None else args))
        run = dict(prog_name=prog_name, complete_var=complete_var, **extra)
        if not standalone_mode:
            return super().main(words, standalone_mode=False, **run)
        try:
            done = super().main(words, standalone_mode=False, **run)
        except exceptions.NoArgsIsHelpError as exc:  # the help is already printed
            sys.exit(exc.exit_code)
        except exceptions.ClickException as exc:
            refuse(exc)
        except typer.Abort:
            _click.echo(text.ABORTED, err=True)
            sys.exit(1)
        sys.exit(done if isinstance(done, int) else 0)
