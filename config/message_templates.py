"""Message templates per event: shipped defaults, a province's overrides, rendering, checks.

Templates are Jinja2 in a sandbox with StrictUndefined: a template may use only the variables
its event offers (`VARIABLES`), never attributes of internal objects, and never internal keys.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from jinja2 import StrictUndefined, TemplateError, TemplateSyntaxError, meta, nodes
from jinja2.sandbox import SandboxedEnvironment

from cchc.settings import get_settings
from cchc.wording import validate as words
from config.source import Source, read_source

DEFAULTS = Path(__file__).resolve().parent / "messages" / "default.yaml"
COMMON = {"authority", "campaign", "unit", "link"}
STAGE = {"stage", "units", "due", "days_left"}
VARIABLES: dict[str, set[str]] = {
    "kickoff": COMMON | {"first_due", "days_left"},
    "stage_open": COMMON | STAGE,
    "reminder": COMMON | STAGE,
    "overdue": COMMON | STAGE,
    "escalation": COMMON | {"lines", "today"},
    "receipt": COMMON | {"version", "received_at", "late"},
    "appraisal_result": COMMON | {"document_no"},
    "reply_requested": COMMON | {"item", "note"},
    "approval": COMMON | {"decision_no", "decided_on"},
    "publication": COMMON | {"decision_no"},
    "reopen": COMMON | {"decision_no", "reason"},
    "plan_amended": COMMON | {"version", "changes"},
}
PARTS = ("subject", "body")
LIMITS = {"subject": 200, "body": 4000}  # characters of the template and of what it renders
SAMPLE: dict[str, Any] = {
    "authority": "UBND thành phố Hà Nội", "campaign": "Xác định Chỉ số CCHC năm 2026",
    "unit": "Sở Nội vụ", "link": "https://cchc.example.vn/campaigns/x/units/y",
    "first_due": "05/02/2026 23:59 (giờ Việt Nam)", "stage": "Tự đánh giá, chấm điểm",
    "units": "Sở Tư pháp, Sở Tài chính", "due": "05/02/2026 23:59 (giờ Việt Nam)",
    "days_left": "còn 3 ngày làm việc", "lines": ["Sở Tư pháp — quá hạn 2 ngày làm việc"],
    "today": "06/02/2026", "version": 2, "received_at": "04/02/2026 10:15 (giờ Việt Nam)",
    "late": False, "document_no": "123/BC-SNV", "item": "1.2", "note": "thiếu tài liệu",
    "decision_no": "456/QĐ-UBND", "decided_on": "10/03/2026", "reason": "rà soát lại",
    "changes": ["Hạn tự đánh giá: 05/02/2026 → 12/02/2026"],
}  # fmt: skip
ENV = SandboxedEnvironment(undefined=StrictUndefined, autoescape=False)
RECHECK_SECONDS = 5.0  # a tick renders thousands of messages: stat the override file rarely
_SEEN: dict[Path, tuple[float, dict[str, Template]]] = {}


@dataclass(frozen=True)
class Template:
    """One event's subject and body as written, with where they came from."""

    subject: str
    body: str


def _read(path: Path) -> tuple[dict[str, Template], Source]:
    """Read a templates file into the events it (validly) defines, and its source."""
    src = read_source(path)
    data = src.data if isinstance(src.data, dict) else {}
    found = {}
    for event, parts in data.items():
        if event in VARIABLES and isinstance(parts, dict):
            subject, body = parts.get("subject"), parts.get("body")
            if isinstance(subject, str) and isinstance(body, str):
                found[event] = Template(subject=subject, body=body)
    return found, src


@lru_cache(maxsize=32)
def _templates(override: Path | None, stamp: float) -> dict[str, Template]:
    """The defaults with a province's valid overrides on top (cached per file version)."""
    merged = _read(DEFAULTS)[0]
    if override is not None:
        for event, tpl in _read(override)[0].items():
            if not check_template(event, tpl):  # a broken override never silences a message
                merged[event] = tpl
    return merged


def override_path(province_code: str) -> Path:
    """Where a province's overrides live: <config_dir>/messages/<province>.yaml."""
    return get_settings().config_dir / "messages" / f"{province_code}.yaml"


def templates_for(province_code: str) -> dict[str, Template]:
    """Return every event's template for the province (its file looked at every few seconds)."""
    path = override_path(province_code)
    seen = _SEEN.get(path)
    if seen is not None and time.monotonic() - seen[0] < RECHECK_SECONDS:
        return seen[1]
    found = _templates(path, path.stat().st_mtime) if path.is_file() else _templates(None, 0.0)
    _SEEN[path] = (time.monotonic(), found)
    return found


def render_event(event: str, province_code: str, **values: Any) -> tuple[str, str]:
    """Render an event's subject and body for the province (StrictUndefined, sandboxed)."""
    tpl = templates_for(province_code)[event]
    context = {name: values.get(name, "") for name in VARIABLES[event]}
    subject = _compiled(tpl.subject).render(context)
    return " ".join(subject.split()), _compiled(tpl.body).render(context)


@lru_cache(maxsize=256)
def _compiled(text: str) -> Any:
    """Compile a template once per process (a tick renders thousands of messages)."""
    return ENV.from_string(text)


def check_template(event: str, tpl: Template) -> list[tuple[str, int, str]]:
    """Return (part, line within the part, message) for each problem of one template."""
    out: list[tuple[str, int, str]] = []
    for part in PARTS:
        text = getattr(tpl, part)
        if len(text) > LIMITS[part]:
            out.append((part, 1, f"dài {len(text)} ký tự, tối đa {LIMITS[part]}"))
        else:
            out += [(part, line, message) for line, message in _check_text(event, part, text)]
    return out


def _check_text(event: str, part: str, text: str) -> list[tuple[int, str]]:
    """Parse, look for variables the event does not offer, then render against the sample."""
    try:
        tree = ENV.parse(text)
    except TemplateSyntaxError as exc:
        return [(exc.lineno or 1, f"lỗi cú pháp mẫu: {words.template_problem(exc.message)}")]
    unknown = meta.find_undeclared_variables(tree) - VARIABLES[event]
    if unknown:
        offered = ", ".join(sorted(VARIABLES[event]))
        return [
            (node.lineno, f"biến không có: «{node.name}» (dùng được: {offered})")
            for node in tree.find_all(nodes.Name)
            if node.name in unknown
        ][:1]
    sample = {k: v for k, v in SAMPLE.items() if k in VARIABLES[event]}
    try:
        shown = ENV.from_string(text).render(sample)
    except TemplateError as exc:  # the sandbox refused an attribute or a call
        return [(1, f"mẫu không hiển thị được: {words.template_problem(exc.message)}")]
    if not shown.strip() or len(shown) > LIMITS[part]:
        return [(1, f"nội dung sau khi điền phải có 1–{LIMITS[part]} ký tự")]
    return []


def check_messages(src: Source) -> list[str]:
    """Check a templates file: known events, subject and body each, every template renders."""
    data = src.data if isinstance(src.data, dict) else None
    if data is None:
        return [src.problem((), "tệp mẫu thông báo phải là ánh xạ sự kiện → {subject, body}")]
    out = []
    for event, parts in data.items():
        if event not in VARIABLES:
            known = ", ".join(VARIABLES)
            out.append(src.problem((event,), f"sự kiện không có: «{event}» (có: {known})"))
            continue
        if not isinstance(parts, dict) or set(parts) != set(PARTS):
            out.append(src.problem((event,), "cần đúng hai khóa subject và body"))
            continue
        if not all(isinstance(parts[p], str) for p in PARTS):
            out.append(src.problem((event,), "subject và body phải là chuỗi"))
            continue
        for part, line, message in check_template(event, Template(**parts)):
            out.append(_at(src, (event, part), line, parts[part], message))
    return out


def _at(src: Source, loc: tuple[str, str], line: int, text: str, message: str) -> str:
    """Format a template problem at its file line (a block scalar starts under its key)."""
    key_line = src.line(loc)[0]
    where = key_line + line if "\n" in text else key_line
    return f"{src.label}:{where} {loc[0]}.{loc[1]}: {message}"
