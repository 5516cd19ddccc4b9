"""Audit log actions, fields and values as a person reads them (the stored codes stay English)."""

from __future__ import annotations

import json
import re
from datetime import datetime

from cchc.wording.dates import moment
from cchc.wording.labels import (
    ASSIGNMENT_STATE,
    CAMPAIGN_STATE,
    FACT_KIND,
    ROLE,
    STAGE_STATE,
    VERSION_STATUS,
)
from cchc.wording.numbers import fmt_points

AUDIT_ACTION = {
    "act": "Thực hiện",
    "amend": "Điều chỉnh kế hoạch",
    "appraisal_accepted": "Chấp nhận điểm",
    "appraisal_adjusted": "Điều chỉnh điểm",
    "appraiser_message": "Thẩm định viên trao đổi",
    "approve": "Phê duyệt",
    "approve_forced": "Phê duyệt vượt điều kiện",
    "archive": "Lưu trữ",
    "ballots_import": "Nhập phiếu điều tra",
    "close": "Đóng bước",
    "compute_results": "Tính kết quả",
    "council_session": "Họp Hội đồng",
    "create": "Tạo mới",
    "evidence": "Tải tài liệu kiểm chứng",
    "extend": "Gia hạn",
    "fact": "Ghi nhận sự kiện",
    "final_score": "Hội đồng chốt điểm",
    "guidance_receipt": "Xác nhận đã nhận văn bản",
    "launch": "Khởi động chiến dịch",
    "login": "Đăng nhập",
    "login_refused": "Từ chối đăng nhập",
    "open": "Mở bước",
    "publish": "Công bố",
    "receipt_clock": "Tính hạn từ ngày nhận văn bản",
    "reopen": "Mở lại",
    "reopen_results": "Mở lại kết quả",
    "schedule": "Lên lịch",
    "self_score": "Tự chấm điểm",
    "submit": "Nộp",
    "survey_import": "Nhập điểm điều tra",
    "survey_points": "Điểm điều tra",
    "unit_response": "Đơn vị giải trình",
    "withdraw": "Rút lại",
}


def action_label(code: str) -> str:
    """Return the Vietnamese name of an audit action (unknown codes show as themselves)."""
    return AUDIT_ACTION.get(code, code)


# What an audited row is about.
AUDIT_ENTITY = {
    "campaign": "Chiến dịch",
    "user": "Người dùng",
    "assignment": "Nhiệm vụ của đơn vị",
    "self_assessment": "Bản tự đánh giá",
    "appraisal": "Thẩm định",
    "stage": "Bước",
    "database": "Cơ sở dữ liệu",
    "survey_score": "Điểm điều tra",
    "publication": "Công bố",
    "org_unit": "Đơn vị",
    "notification": "Thông báo",
    "not_applicable": "Không áp dụng",
    "fact": "Sự kiện",
    "evidence": "Tài liệu kiểm chứng",
    "council_session": "Phiên họp Hội đồng",
    "appraisal_message": "Trao đổi giải trình",
}
# What an audited field is, as a person reads it; fact kinds are fields of the "fact" action.
AUDIT_FIELD = {
    "state": "Trạng thái",
    "status": "Tình trạng bản tự đánh giá",
    "due_at": "Hạn",
    "version": "Phiên bản kế hoạch",
    "valid": "Phiên họp hợp lệ",
    "schedule": "Lịch chạy",
    "role": "Vai trò",
    "results": "Số đơn vị có kết quả",
    "missing": "Đơn vị chưa nộp",
    "frozen": "Chốt kết quả",
    "deployment_name": "Lịch chạy trên Prefect",
    "approval_id": "Quyết định phê duyệt",
    **FACT_KIND,
}
# The values a field's codes stand for, by the entity they belong to.
STATE_WORDS = {"assignment": ASSIGNMENT_STATE, "stage": STAGE_STATE, "campaign": CAMPAIGN_STATE}
YES_NO = {"True": "Có", "False": "Không"}
VERSIONED = re.compile(r"^v(\d+)$")
CODE_AND_VERSION = re.compile(r"^([a-z_]+) v(\d+)$")
NUMBER = re.compile(r"^-?\d+(\.\d+)?$")


def entity_label(entity: str) -> str:
    """Name what an audited row is about (unknown entities show as they are)."""
    return AUDIT_ENTITY.get(entity, entity)


def field_label(field: str | None) -> str:
    """Name an audited field; item codes, file names and unknown fields show as they are."""
    if not field:
        return ""
    if found := VERSIONED.match(field):
        return f"Phiên bản {found.group(1)}"
    return AUDIT_FIELD.get(field, field)


def value_text(entity: str, field: str | None, value: str | None) -> str:
    """Write an audited value in Vietnamese: codes by label, yes/no, times, score maps."""
    if value is None or value == "":
        return "–"
    words = _words(entity, field)
    if value in words:
        return words[value]
    if found := CODE_AND_VERSION.match(value):  # a self-assessment's "submitted v2"
        code, version = found.groups()
        return f"{words.get(code, code)} (phiên bản {version})"
    if NUMBER.match(value):  # a score or a count, written as the pages write numbers
        return fmt_points(float(value))
    return YES_NO.get(value) or _moment(value) or _score_map(value) or value


def _words(entity: str, field: str | None) -> dict[str, str]:
    """The labels a field's codes read as."""
    if field == "state":
        return STATE_WORDS.get(entity, {})
    if field == "status":
        return VERSION_STATUS
    return ROLE if field == "role" else {}


def _moment(value: str) -> str | None:
    """A stored instant shown in the users' time zone, or None if the value is not one."""
    if len(value) < 19 or value[4] != "-" or value[10] not in " T":
        return None
    try:
        return moment(datetime.fromisoformat(value))
    except ValueError:
        return None


def _score_map(value: str) -> str | None:
    """A stored {item: score} map as "1.1: 1,75; 1.2: –", or None if the value is not one."""
    if not value.startswith("{"):
        return None
    try:
        scores = json.loads(value)
    except ValueError:
        return None
    if not isinstance(scores, dict) or not all(
        isinstance(v, (int, float, type(None))) and not isinstance(v, bool) for v in scores.values()
    ):
        return None
    return "; ".join(f"{item}: {fmt_points(score) or '–'}" for item, score in scores.items())
