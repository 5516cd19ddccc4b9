"""`cchc validate`'s problem messages in Vietnamese: pydantic errors and semantic rules.

Every "file:line path: message" line a user reads is worded here. YAML keys are quoted
as `khóa "parent"`; codes keep their `'so-noi-vu'` quotes; decimals read 92,18; dates
dd/mm/yyyy.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date, datetime
from typing import Any

from cchc.wording.dates import day, moment, weekday
from cchc.wording.labels import ITEM_KIND
from cchc.wording.numbers import fmt_points

SCALARS = (str, int, float, bool)
SHOWN_MAX = 80  # a hostile 2 MB value is quoted by its start only

# Pydantic error types → Vietnamese; "{…}" names a ctx entry (limits are shown as numbers).
PYDANTIC = {
    "missing": "thiếu khóa bắt buộc",
    "extra_forbidden": "khóa không được phép ở đây",
    "string_type": "phải là một chuỗi ký tự",
    "string_too_short": "phải có ít nhất {min_length} ký tự",
    "string_too_long": "dài quá {max_length} ký tự",
    "int_type": "phải là một số nguyên",
    "int_parsing": "phải là một số nguyên",
    "int_from_float": "phải là một số nguyên (không có phần thập phân)",
    "float_type": "phải là một số",
    "float_parsing": "phải là một số",
    "finite_number": "phải là một số hữu hạn",
    "bool_type": "phải là true hoặc false",
    "bool_parsing": "phải là true hoặc false",
    "greater_than": "phải lớn hơn {gt}",
    "greater_than_equal": "phải lớn hơn hoặc bằng {ge}",
    "less_than": "phải nhỏ hơn {lt}",
    "less_than_equal": "phải nhỏ hơn hoặc bằng {le}",
    "multiple_of": "phải là bội số của {multiple_of}",
    "literal_error": "phải là một trong các giá trị {expected}",
    "enum": "phải là một trong các giá trị {expected}",
    "date_type": "phải là một ngày, viết năm-tháng-ngày như 2024-02-16",
    "date_parsing": "phải là một ngày, viết năm-tháng-ngày như 2024-02-16",
    "date_from_datetime_parsing": "phải là một ngày, viết năm-tháng-ngày như 2024-02-16",
    "date_from_datetime_inexact": "phải là một ngày, không kèm giờ",
    "datetime_type": "phải là ngày giờ, viết như 2024-02-16 17:00",
    "datetime_parsing": "phải là ngày giờ, viết như 2024-02-16 17:00",
    "datetime_from_date_parsing": "phải là ngày giờ, viết như 2024-02-16 17:00",
    "list_type": "phải là một danh sách",
    "tuple_type": "phải là một danh sách",
    "set_type": "phải là một danh sách",
    "dict_type": "phải là một bảng các cặp khóa: giá trị",
    "model_type": "phải là một bảng các cặp khóa: giá trị",
    "model_attributes_type": "phải là một bảng các cặp khóa: giá trị",
    "too_short": "phải có ít nhất {min_length} mục, hiện có {actual_length}",
    "too_long": "có tối đa {max_length} mục, hiện có {actual_length}",
    "union_tag_invalid": "loại {tag} không hợp lệ; dùng một trong {expected_tags}",
    "union_tag_not_found": "thiếu khóa phân loại {discriminator}",
    "none_required": "phải để trống",
}
KEYED = {  # the key itself, when the loc ends in one
    "missing": 'thiếu khóa bắt buộc "{key}"',
    "extra_forbidden": 'khóa "{key}" không được phép ở đây',
}
FALLBACK = "giá trị không hợp lệ (lỗi {kind})"
# Patterns of the schema (config/schema/*.py) and how to write a value that matches.
PATTERN_HINTS = (
    (r"\d{2,5}", "phải là mã số thống kê gồm 2–5 chữ số"),
    ("appraised_points", "phải là appraised_points, survey_points, self_points hoặc field:<mã>"),
    (".", "phải là một mã dạng 1.2.3"),
    ("_", "phải là mã chữ thường không dấu, nối bằng '-' hoặc '_', như so-noi-vu"),
)
SLUG_HINT = "phải là mã chữ thường không dấu, nối bằng dấu '-', như so-noi-vu"


def shown(value: object) -> str:
    """Quote a bad value as the user wrote it, cutting a long one: 'abc… (N ký tự)'."""
    text = str(value).lower() if isinstance(value, bool) else repr(value)  # YAML's true/false
    if len(text) <= SHOWN_MAX:
        return text
    return f"{text[:60]}… ({len(str(value))} ký tự)"


def got(message: str, value: object) -> str:
    """Append the bad value to a message: "… (nhận được 'x')"."""
    return f"{message} (nhận được {shown(value)})"


def pydantic_error(kind: str, ctx: Mapping[str, Any], key: str | None, text: str) -> str:
    """Word one pydantic error of type `kind` (`text`: a ValueError's own, ours, message)."""
    if kind in KEYED and key is not None:
        return KEYED[kind].format(key=key)
    if kind in ("value_error", "assertion_error"):
        return text
    if kind == "string_pattern_mismatch":
        return _pattern_hint(str(ctx.get("pattern", "")))
    if kind not in PYDANTIC:
        return FALLBACK.format(kind=kind)
    shown_ctx = _Blank({k: _ctx_value(k, v) for k, v in ctx.items()})
    return PYDANTIC[kind].format_map(shown_ctx)


class _Blank(dict[str, str]):
    """A ctx that shows "…" for an entry pydantic did not give (never a KeyError)."""

    def __missing__(self, key: str) -> str:
        return "…"


def _pattern_hint(pattern: str) -> str:
    """Say what a code matching `pattern` looks like."""
    return next((hint for mark, hint in PATTERN_HINTS if mark in pattern), SLUG_HINT)


def _ctx_value(name: str, value: Any) -> str:
    """Show a ctx entry: numbers the Vietnamese way, pydantic's "a or b" lists with "hoặc"."""
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, int | float):
        return fmt_points(value)
    return choices(str(value)) if name in ("expected", "expected_tags") else str(value)


# Files and YAML (config/source.py, catalog.py, validate.py, loader.py).
YAML_PROBLEMS = {  # PyYAML's and libyaml's English problems, by a telling part of them
    "',' or ']'": "thiếu dấu ',' hoặc ']'",
    "',' or '}'": "thiếu dấu ',' hoặc '}'",
    "mapping values are not allowed": "dấu ':' không đúng chỗ (thiếu nháy hay thụt lề sai?)",
    "block sequence entries are not allowed": "dấu '-' không đúng chỗ (thụt lề sai?)",
    "could not find expected ':'": "thiếu dấu ':' sau khóa",
    "expected key": "thụt lề sai hoặc thiếu khóa",
    "expected '-' indicator": "thụt lề sai trong danh sách",
    "<block end>": "thụt lề không khớp với các dòng trên",
    "tab character": "dùng ký tự tab; hãy thụt lề bằng dấu cách",
    "'\\t'": "dùng ký tự tab; hãy thụt lề bằng dấu cách",
    "end of stream": "tệp kết thúc giữa chừng (thiếu dấu nháy đóng?)",
    "undefined alias": "bí danh (*tên) chưa được định nghĩa",
    "escape character": "ký tự thoát (\\) không hợp lệ trong chuỗi",
    "node content": "thiếu giá trị",
    "cannot start any token": "ký tự không được mở đầu giá trị (hãy đặt giá trị trong nháy)",
}
YAML_OTHER = "cú pháp sai"


def yaml_problem(problem: str) -> str:
    """Put PyYAML's English problem in Vietnamese."""
    return next((vi for en, vi in YAML_PROBLEMS.items() if en in problem), YAML_OTHER)


def yaml_unreadable(label: str, line: int, problem: str) -> str:
    """A file PyYAML cannot parse, at the line of its problem."""
    return f"{label}:{line} YAML không đọc được: {yaml_problem(problem)}"


# Jinja's English problems with a message template (config/messages/), first match wins;
# "{0}" is the quoted name the problem mentions.
TEMPLATE_PROBLEMS = (
    (r"unexpected end of template", "mẫu kết thúc giữa chừng: thiếu }}, %} hoặc {% end… %}"),
    (r"unknown tag '([^']*)'", "thẻ '{0}' không có"),
    (r"no filter named '([^']*)'", "bộ lọc '{0}' không có"),
    (r"expected token .*got '([^']*)'", "'{0}' không đúng chỗ"),
    (r"unexpected '([^']*)'", "ký tự '{0}' không đúng chỗ"),
    (r"is unsafe", "mẫu dùng thuộc tính hoặc hàm không được phép"),
    (r"'([^']*)' is undefined", "biến '{0}' chưa có giá trị"),
    (r"expected an expression", "thiếu biểu thức"),
)
TEMPLATE_OTHER = "cú pháp mẫu sai"


def template_problem(message: str | None) -> str:
    """Put a Jinja syntax or sandbox problem in Vietnamese."""
    for pattern, said in TEMPLATE_PROBLEMS:
        found = re.search(pattern, message or "", re.IGNORECASE)
        if found:
            return said.format(*found.groups()) if found.groups() else said
    return TEMPLATE_OTHER


def choices(expected: str) -> str:
    """Turn pydantic's "'a', 'b' or 'c'" into "'a', 'b' hoặc 'c'"."""
    head, sep, tail = expected.rpartition(" or ")
    return f"{head} hoặc {tail}" if sep else expected


def duplicate_key(key: object) -> str:
    """The same key twice in one mapping."""
    return f'khóa "{key}" bị lặp lại'


def not_a_mapping(label: str) -> str:
    """A file whose top is not a mapping of keys."""
    return f"{label}:1 đầu tệp phải là các cặp khóa: giá trị"


def unknown_kind(label: str) -> str:
    """A file whose kind of config cannot be told."""
    return (
        f"{label}:1 không nhận ra đây là loại cấu hình nào "
        "(hãy đặt tệp trong units/, criteria/, plans/ hoặc survey/)"
    )


def no_file(folder: str, code: str) -> str:
    """A referenced file found neither beside the file nor in the config folder."""
    return f"không tìm thấy tệp {folder}/{code}.yaml cạnh tệp này hay trong thư mục cấu hình"


def file_invalid(label: str, count: int) -> str:
    """A referenced file that has problems of its own."""
    return f"{label} không hợp lệ ({count} lỗi; hãy kiểm tra riêng tệp đó)"


INVALID_CONFIG = "cấu hình không hợp lệ"


# Units files (config/schema/units.py).
def province_count(found: int) -> str:
    """A units file without exactly one province unit."""
    return f'cần đúng một đơn vị có kind "province" (UBND tỉnh), hiện có {found}'


def duplicate_unit(code: str) -> str:
    """Two units with one code."""
    return f"mã đơn vị {code!r} bị trùng"


def unknown_parent(code: str) -> str:
    """A parent code that is no unit of the file."""
    return f"đơn vị cấp trên {code!r} không có trong tệp đơn vị"


def predecessor_twice(code: str, year: int) -> str:
    """One predecessor listed twice."""
    return f"đơn vị tiền thân {code!r} năm {year} được ghi hai lần"


OWN_PROVINCE = 'bỏ khóa "province": đơn vị tiền thân thuộc chính tỉnh này'
RENAME_ONE = 'đổi tên (rename) chỉ có một đơn vị tiền thân; hãy dùng "merge" (hợp nhất)'
PROVINCE_NO_PARENT = 'đơn vị cấp tỉnh không có đơn vị cấp trên (bỏ khóa "parent")'
TWO_TIERS_NO_DISTRICT = "tỉnh tổ chức chính quyền 2 cấp không có đơn vị cấp huyện"
COMMUNE_TYPE_NEEDED = 'đơn vị cấp xã phải có khóa "commune_type"'
COMMUNE_TYPE_ONLY = 'chỉ đơn vị cấp xã mới có khóa "commune_type"'


def parent_must_be_province(kind: str) -> str:
    """A department, district, agency or body under something else than the province."""
    return f'đơn vị có kind "{kind}" phải trực thuộc UBND tỉnh'


def commune_parent(want: str, tiers: int) -> str:
    """A commune under the wrong kind of unit."""
    return f'đơn vị cấp xã phải trực thuộc đơn vị có kind "{want}" (tỉnh {tiers} cấp)'


def rank_group_not_allowed(kind: str, allowed: list[str], group: str) -> str:
    """A rank group that the unit's kind may not be ranked in."""
    groups = ", ".join(f'"{g}"' for g in allowed)
    return f'đơn vị có kind "{kind}" chỉ xếp hạng trong nhóm {groups}, không phải "{group}"'


# Calendar overrides (config/schema/calendar.py).
def day_not_in_year(value: date, year: int) -> str:
    """An announced day filed under another year."""
    return f"ngày {day(value)} không thuộc năm {year}"


def weekday_already(value: date) -> str:
    """A make-up working day that is a weekday anyway."""
    return f"ngày {day(value)} ({weekday(value)}) vốn đã là ngày làm việc"


# Criteria sets (config/schema/criteria_checks.py, cchc/formula.py).
METHODS = {"self": "tự đánh giá", "survey": "điều tra xã hội học"}
# The item kinds as labels.ITEM_KIND names them, mid-sentence.
ITEM_KINDS = {k: v.lower() for k, v in ITEM_KIND.items()} | {"survey": METHODS["survey"]}
EITHER_TARGET = 'ghi đúng một trong hai khóa "rank_groups" hoặc "units"'
NEGATIVE_POINTS = 'chỉ mục điểm trừ (kind "penalty") mới có điểm âm'
PROPORTIONAL_STEP = 'công thức tỷ lệ cho điểm lẻ đến hai chữ số thập phân: bỏ khóa "step"'


def method_mismatch(sub: str, crit: str) -> str:
    """A sub-criterion scored another way than its criterion."""
    return (
        f'tiêu chí thành phần chấm theo hình thức {METHODS.get(sub, sub)} ("{sub}") nằm trong '
        f'tiêu chí chấm theo hình thức {METHODS.get(crit, crit)} ("{crit}")'
    )


def not_multiple_of_step(points: float, step: float) -> str:
    """Max points that the step does not divide."""
    return f"điểm tối đa {fmt_points(points)} không chia hết cho bước điểm {fmt_points(step)}"


def extension_not_survey(kind: str) -> str:
    """A bonus or penalty item scored by the survey."""
    return f"mục {ITEM_KINDS.get(kind, kind)} không thể là mục điều tra xã hội học"


def not_applicable_refused(kind: str) -> str:
    """A bonus, penalty or survey item marked as possibly not applicable."""
    return (
        f'mục {ITEM_KINDS.get(kind, kind)} không được đánh dấu "không áp dụng" '
        "(chỉ mục tự đánh giá cơ bản)"
    )


def formula_for_self_only(kind: str) -> str:
    """A formula on a survey or penalty item."""
    what = ITEM_KINDS.get(kind, kind)
    return f"công thức chỉ dùng cho mục tự đánh giá, không dùng cho mục {what}"


def extra_outside_base(actual: float, declared: float, counted: float) -> str:
    """A total that counts some bonus/penalty points, which lie outside the base maximum."""
    return (
        "điểm thưởng/điểm trừ nằm ngoài điểm tối đa cơ bản: các mục cơ bản cộng lại được "
        f"{fmt_points(actual)}, khai báo {fmt_points(declared)} đã tính {fmt_points(counted)} "
        "điểm trong số đó"
    )


def sum_differs(actual: float, declared: float) -> str:
    """A declared total the leaves do not add up to."""
    return f"các mục con cộng lại được {fmt_points(actual)}, khai báo {fmt_points(declared)}"


def duplicate_item(code: str) -> str:
    """Two items with one code."""
    return f"mã mục {code!r} bị trùng"


def code_not_under_parent(code: str, parent: str) -> str:
    """An item code that does not extend its parent's."""
    return f"mã {code!r} phải nối tiếp mã cấp trên {parent!r} (như {parent}.1)"


def field_code_dotted(code: str) -> str:
    """A field code with a dot."""
    return f"mã lĩnh vực {code!r} không được có dấu chấm"


def range_empty(low: float, high: float) -> str:
    """A formula whose figure range is empty."""
    return f"khoảng số liệu {fmt_points(low)}–{fmt_points(high)} rỗng"


def rule_unknown(rules: tuple[str, ...]) -> str:
    """A formula rule that is none of the known ones."""
    return f'khóa "rule" phải là một trong: {", ".join(rules)}'


PROPORTIONAL_NO_BRACKETS = 'công thức tỷ lệ (proportional) không có khóa "brackets"'
BRACKETS_NEEDED = "công thức theo khoảng (brackets) cần ít nhất một khoảng"


def bracket_empty(low: float, high: float) -> str:
    """A bracket with nothing in it."""
    return f"khoảng {fmt_points(low)}–{fmt_points(high)} rỗng"


def bracket_overlaps(low: float, high: float, edge: float) -> str:
    """A bracket starting inside the one before."""
    return (
        f"khoảng {fmt_points(low)}–{fmt_points(high)} chồng lên khoảng trước "
        f"(kết thúc ở {fmt_points(edge)})"
    )


def bracket_gap(edge: float, low: float) -> str:
    """Figures no bracket holds."""
    return f"hở giữa {fmt_points(edge)} và {fmt_points(low)}: không khoảng nào chứa các số liệu này"


def bracket_points(low: float, high: float, points: float, max_points: float) -> str:
    """A bracket giving more than the leaf's maximum, or less than 0."""
    return (
        f"khoảng {fmt_points(low)}–{fmt_points(high)} cho {fmt_points(points)} điểm, "
        f"ngoài phạm vi 0–{fmt_points(max_points)}"
    )


def brackets_end(edge: float, high: float) -> str:
    """Brackets that stop short of (or past) the figure's range."""
    return (
        f"các khoảng kết thúc ở {fmt_points(edge)}, "
        f"còn khoảng số liệu kết thúc ở {fmt_points(high)}"
    )


# Plans (config/schema/plan.py, windows.py, crosscheck.py, refs.py).
def duplicate_stage(code: str) -> str:
    """Two stages with one code."""
    return f"mã bước {code!r} bị trùng"


def depends_on_later(dep: str, itself: bool) -> str:
    """A dependency on the stage itself, a later stage or no stage."""
    why = "chính bước này" if itself else "bước sau hoặc không có"
    return f"{dep!r} là {why}; chỉ phụ thuộc vào các bước trước"


NO_WINDOW = 'ghi thời hạn như trong kế hoạch (khóa "deadline") hoặc đủ khóa "window" (opens, due)'


def opens_after_due(opens: datetime, due: datetime) -> str:
    """A window that opens after it is due."""
    return f"bắt đầu {moment(opens)}, sau hạn {moment(due)}"


def units_other_province(units: str, province: str) -> str:
    """A plan naming another province's units file."""
    return f"tệp đơn vị {units!r} là của tỉnh {province!r}"


def in_stage(stage: str, message: str) -> str:
    """Say which stage a reference problem is in."""
    return f"bước {stage!r}: {message}"


def scope_empty(stage: str) -> str:
    """A stage whose scope selects no units."""
    return in_stage(stage, 'phạm vi (khóa "scope") không chọn được đơn vị nào')


def unknown_unit(code: str, province: str | None = None) -> str:
    """A unit code that is in no units file (or not in the province's)."""
    if province is None:
        return f"đơn vị {code!r} không có trong tệp đơn vị"
    return f"đơn vị {code!r} không có trong tệp đơn vị của {province}"


def empty_group(ref: str, province: str) -> str:
    """A group reference (all_districts …) with no members."""
    return f"nhóm {ref!r} không có đơn vị nào trong tệp đơn vị của {province}"


def rank_group_empty(group: str) -> str:
    """A criteria set targeting a rank group no unit ranks in."""
    return f"không đơn vị nào xếp hạng trong nhóm {group!r}"


def set_other_plan(code: str, province: str, year: int, plan_province: str, plan_year: int) -> str:
    """A criteria set for another province or year than the plan's."""
    return (
        f"bộ chỉ số {code!r} dành cho {province} năm {year}, "
        f"không phải {plan_province} năm {plan_year}"
    )


def scored_twice(count: int, first: str, other: str, code: str) -> str:
    """Units scored by two criteria sets of one plan."""
    return f"{count} đơn vị (đầu tiên là {first!r}) được chấm theo cả {other!r} và {code!r}"


def without_set(count: int, first: str) -> str:
    """Self-assessing units that no criteria set of the plan scores."""
    return (
        f"{count} đơn vị trong phạm vi (đầu tiên là {first!r}) chưa có bộ chỉ số trong kế hoạch này"
    )


# Survey configs (config/schema/survey.py).
def weight_out_of_range(weight: float) -> str:
    """An answer weight outside 0..1."""
    return f"trọng số {fmt_points(weight)} phải nằm trong khoảng 0–1"


def duplicate_group(code: str) -> str:
    """Two respondent groups with one code."""
    return f"mã nhóm đối tượng {code!r} bị trùng"


def sample_differs(factors: list[int], product: int, declared: int | None) -> str:
    """A sample size its formula does not give."""
    shown_factors = " × ".join(map(str, factors))
    return f"{shown_factors} = {product}, khai báo {declared}"


# Classification bands (config/schema/bands.py).
def no_scheme(code: str) -> str:
    """A default naming no scheme."""
    return f"không có thang xếp loại {code!r}"


def duplicate_scheme(code: str) -> str:
    """Two schemes with one code."""
    return f"mã thang xếp loại {code!r} bị trùng"


def band_max(upper: float) -> str:
    """A band whose max is not the band above's min."""
    return f"phải bằng {fmt_points(upper)} (mức dưới của loại liền trên)"


def band_min(low: float, top: float) -> str:
    """A band whose min is not below its max."""
    return f"mức dưới {fmt_points(low)} không nhỏ hơn mức trên {fmt_points(top)}"


LOWEST_BAND = 'loại thấp nhất phải bắt đầu từ 0 (bỏ khóa "min")'
