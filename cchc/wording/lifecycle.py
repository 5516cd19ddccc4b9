"""Refusals of the campaign's state machine: what an act is called, why a state forbids it."""

from __future__ import annotations

ACT = {
    "approve": "phê duyệt kết quả",
    "publish": "công bố kết quả",
    "reopen": "mở lại kết quả",
    "archive": "lưu trữ chiến dịch",
    "submit": "nộp bản tự đánh giá",
    "edit": "sửa bản tự đánh giá",
    "withdraw": "rút bản tự đánh giá",
    "evidence": "tải lên tài liệu kiểm chứng",
    "appraise": "thẩm định",
    "final_score": "ghi điểm cuối cùng của Hội đồng",
    "extend": "gia hạn",
    "council_session": "ghi nhận phiên họp Hội đồng",
    "survey": "nhập điểm điều tra xã hội học",
    "not_submitted": "ghi nhận đơn vị không nộp tự đánh giá",
    "compute": "tính lại kết quả",
    "amend": "điều chỉnh kế hoạch",
}

WHY = {
    "approved": "kết quả đã được phê duyệt; cần mở lại bằng quyết định mới (cchc reopen) trước",
    "published": "kết quả đã được công bố; cần mở lại bằng quyết định mới (cchc reopen) trước",
    "archived": "chiến dịch đã được lưu trữ",
}


def refused(act: str, state: str) -> str:
    """Say why the campaign's state forbids an act."""
    what = ACT.get(act, act)
    if act == "approve" and state in ("approved", "published"):
        return "kết quả đã được phê duyệt; phê duyệt lần nữa cần mở lại trước (cchc reopen)"
    if act == "publish" and state == "running":
        return "kết quả chưa được phê duyệt nên chưa công bố được"
    if act == "reopen" and state == "running":
        return "kết quả chưa được phê duyệt, không cần mở lại"
    return f"không thể {what}: {WHY.get(state, f'chiến dịch đang ở trạng thái {state}')}"


def stage_not_open(act: str, stage_title: str | None, state: str | None) -> str:
    """Say that the act's stage is not open (missing, not yet open, or already closed)."""
    what = ACT.get(act, act)
    if stage_title is None:
        return f"kế hoạch không có giai đoạn để {what}"
    why = "chưa mở" if state == "pending" else "đã kết thúc"
    return f"giai đoạn «{stage_title}» {why}; không thể {what}"


def submission_not_final(unit_code: str, due: str) -> str:
    """Say that a unit's self-assessment may still change, so it cannot be appraised yet."""
    return (
        f"đơn vị {unit_code} còn hạn tự đánh giá đến {due} và còn được rút bản đã nộp; "
        "chưa thẩm định được"
    )


def approval_missing(count: int) -> str:
    """Head the list of what approval still waits for."""
    return f"chưa đủ điều kiện phê duyệt ({count} điều kiện chưa đạt); hoặc dùng --force --reason"


NO_COUNCIL = "Hội đồng chưa họp hợp lệ (trên 50% thành viên)"
NO_SURVEY = "chưa nhập điểm điều tra xã hội học"
FORCE_NEEDS_REASON = "phê duyệt khi chưa đủ điều kiện (--force) cần nêu lý do (--reason)"


def not_submitted(unit_code: str) -> str:
    """Name a unit that neither submitted nor was marked as not submitting."""
    return f"{unit_code}: chưa nộp tự đánh giá và chưa được Hội đồng ghi nhận là không nộp"


def unappraised(unit_code: str, leaves: int) -> str:
    """Name a unit whose appraisal is not finished."""
    return f"{unit_code}: còn {leaves} tiêu chí chưa thẩm định"


def decision_used(decision_no: str) -> str:
    """Say that a decision number was already used for another act."""
    return f"quyết định {decision_no} đã được ghi nhận; thay đổi cần một quyết định mới"


def backdated_tick(at: str, last: str) -> str:
    """Say that a tick earlier than the last one sent nothing dated before the last tick."""
    return f"lượt quét lúc {at} sớm hơn lượt trước ({last}): không gửi thông báo nào lùi ngày"
