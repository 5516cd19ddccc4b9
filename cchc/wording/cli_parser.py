"""The `cchc` parser's own texts in Vietnamese: refusals of a bad command line, help headings."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

_PATH = r"(?i:file|directory|path) (?P<x>.*) "
# Typer's English refusals (its bundled Click) that carry no structured fields, as patterns;
# a message matching none is still shown in Vietnamese, its English detail dropped.
_MESSAGES: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern, re.DOTALL), vietnamese)
    for pattern, vietnamese in (
        (r"No such command '(?P<x>.*)'\.", "không có lệnh «{x}»"),
        (r"Missing command\.", "thiếu tên lệnh"),
        (r"Got unexpected extra argument(?:s|\(s\))? \((?P<x>.*)\)", "thừa tham số ({x})"),
        (r"Option '(?P<x>[^']*)' requires an argument\.", "tùy chọn {x} cần một giá trị"),
        (r"Option '(?P<x>[^']*)' requires (?P<n>\d+) arguments\.", "tùy chọn {x} cần {n} giá trị"),
        (r"Option '(?P<x>[^']*)' does not take a value\.", "tùy chọn {x} không nhận giá trị"),
        (r"Argument '(?P<x>[^']*)' takes (?P<n>\d+) values\.", "tham số {x} cần {n} giá trị"),
        (_PATH + r"does not exist\.", "{x} không tồn tại"),
        (_PATH + r"is a file\.", "{x} là một tệp, cần thư mục"),
        (_PATH + r"is a directory\.", "{x} là một thư mục, cần tệp"),
        (_PATH + r"is not readable\.", "không đọc được {x}"),
        (_PATH + r"is not writable\.", "không ghi được {x}"),
        (r"Value (?P<x>.*) is not a valid .*\.", "giá trị {x} không hợp lệ"),
        (r"Value must be an iterable\.", "cần một danh sách giá trị"),
    )
)

# Pydantic's error types behind Typer's value checks → why the value is refused.
_VALUE_ERRORS: dict[str, str] = {
    "int_parsing": "«{input}» không phải số nguyên",
    "int_from_float": "«{input}» không phải số nguyên",
    "float_parsing": "«{input}» không phải số",
    "bool_parsing": "«{input}» không phải có/không",
    "greater_than_equal": "{input} nhỏ hơn {ge}",
    "greater_than": "{input} phải lớn hơn {gt}",
    "less_than_equal": "{input} lớn hơn {le}",
    "less_than": "{input} phải nhỏ hơn {lt}",
    "literal_error": "«{input}» không thuộc {expected}",
    "enum": "«{input}» không thuộc {expected}",
    "date_from_datetime_parsing": "«{input}» không phải ngày",
    "datetime_from_date_parsing": "«{input}» không phải ngày giờ",
    "uuid_parsing": "«{input}» không phải UUID",
}
KINDS = {"option": "tùy chọn", "argument": "tham số"}
FALLBACK = "dòng lệnh không hợp lệ"

# Typer's rich help: headings and markers it reads from module constants at render time.
RICH_TEXTS = {
    "ARGUMENTS_PANEL_TITLE": "Tham số",
    "OPTIONS_PANEL_TITLE": "Tùy chọn",
    "COMMANDS_PANEL_TITLE": "Lệnh",
    "ERRORS_PANEL_TITLE": "Lỗi",
    "ABORTED_TEXT": "Đã huỷ.",
    "DEPRECATED_STRING": "(sắp bỏ) ",
    "DEFAULT_STRING": "[mặc định: {}]",
    "ENVVAR_STRING": "[biến môi trường: {}]",
    "REQUIRED_LONG_STRING": "[bắt buộc]",
    "RICH_HELP": "Xem [blue]'{command_path} {help_option}'[/].",
}
USAGE = "Cách dùng: "
OPTIONS_METAVAR = "[TÙY CHỌN]"
COMMANDS_METAVAR = "LỆNH [THAM SỐ]..."
HELP_OPTION = "Hiện hướng dẫn này rồi thoát."
COMPLETION_HELP = {
    "install_completion": "Cài gợi ý lệnh (phím Tab) cho shell đang dùng.",
    "show_completion": "In mã gợi ý lệnh của shell đang dùng (để chép hoặc sửa).",
}
ABORTED = "Đã huỷ."
# The value types the help shows beside each option (Typer writes Python's type names).
TYPE_LABELS = {
    "<str>": "<chuỗi>",
    "<int>": "<số nguyên>",
    "<int range>": "<số nguyên>",
    "<float>": "<số>",
    "<float range>": "<số>",
    "<bool>": "<có/không>",
    "<Path>": "<đường dẫn>",
    "<file>": "<tệp>",
    "<directory>": "<thư mục>",
    "<path>": "<đường dẫn>",
    "<datetime>": "<ngày giờ>",
    "<list[str]>": "<danh sách>",
    "<list[Path]>": "<danh sách đường dẫn>",
}


def message(english: str) -> str:
    """Return the Vietnamese form of one of Typer's free-text refusals."""
    for pattern, vietnamese in _MESSAGES:
        found = pattern.fullmatch(english.strip())
        if found:
            return vietnamese.format(**found.groupdict())
    return FALLBACK


def value_error(error: dict[str, Any]) -> str | None:
    """Say why a value was refused, from one pydantic error (None: a type not listed)."""
    template = _VALUE_ERRORS.get(str(error.get("type")))
    if template is None:
        return None
    return template.format(input=error.get("input"), **(error.get("ctx") or {}))


def no_such_option(name: str, possibilities: Sequence[str] | None) -> str:
    """Say that an option does not exist, with the close ones."""
    near = f" (có phải: {', '.join(sorted(possibilities))}?)" if possibilities else ""
    return f"không có tùy chọn {name}{near}"


def missing(kind: str, hint: str) -> str:
    """Say that a required option or argument was not given."""
    return f"thiếu {KINDS.get(kind, 'tham số')} {hint}".strip()


def bad_value(hint: str, why: str) -> str:
    """Say that an option's or argument's value was refused, and why."""
    return f"giá trị không hợp lệ cho {hint}: {why}"


def one_line(reason: str, command_path: str | None) -> str:
    """Return the one line a refused command line prints: the reason, then where help is."""
    where = f" (xem «{command_path} --help»)" if command_path else ""
    return " ".join(f"Lỗi: {reason}{where}.".split())


def legacy_campaign(command_path: str) -> str:
    """Say that a positional campaign code works this release only; `-c` is the form."""
    return (
        f"Lưu ý: «{command_path} MÃ» (mã chiến dịch không kèm tùy chọn) sẽ bị bỏ ở phiên bản "
        "sau; dùng «-c MÃ» hoặc «--campaign MÃ»."
    )
