"""Launch and amendment texts: refusals naming what to fix, a plan diff, the amendment notice."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from cchc.wording.dates import day, moment
from cchc.wording.labels import STAGE_KIND_PHRASE

RULE_NAME = {
    "band_scheme": "thang xếp loại",
    "bands": "ngưỡng xếp loại",
    "survey": "cách tính điểm điều tra XHH",
    "tie_break": "cách phân định khi bằng điểm",
    "decimals": "số chữ số thập phân công bố",
}


def needs_review(plan: str, stage: str, notes: Sequence[str]) -> str:
    """A stage the plan import could not read for sure."""
    why = f" ({'; '.join(notes)})" if notes else ""
    return (
        f"{plan}: giai đoạn «{stage}» còn đánh dấu needs_review{why}; kiểm tra hạn và đơn vị "
        f"của giai đoạn rồi xoá dòng needs_review"
    )


def all_past(plan: str, last_due: datetime) -> str:
    """Every due date of the plan has passed."""
    return (
        f"{plan}: mọi hạn của kế hoạch đã qua (hạn cuối {day(last_due)}); sửa các hạn trong "
        f"kế hoạch, hoặc thêm --replay nếu đây là một lần chạy mô phỏng"
    )


def no_criteria(plan: str, stage: str, kind: str) -> str:
    """A scored stage in a plan without criteria sets."""
    return (
        f"{plan}: giai đoạn «{stage}» ({STAGE_KIND_PHRASE.get(kind, kind)}) cần chấm điểm nhưng kế "
        f"hoạch không có bộ chỉ số; thêm criteria_sets vào kế hoạch"
    )


def wrong_tier(plan: str, units: str, year: int, tiers: int) -> str:
    """A units file whose tiers do not match the plan's year (2 tiers from 1/7/2025)."""
    if tiers == 3:
        return (
            f"{plan}: kế hoạch năm {year} dùng tệp đơn vị «{units}» 3 cấp, nhưng từ 01/07/2025 "
            f"chính quyền địa phương chỉ còn 2 cấp (không còn cấp huyện); chọn tệp đơn vị 2 cấp"
        )
    return (
        f"{plan}: kế hoạch năm {year} dùng tệp đơn vị «{units}» 2 cấp, nhưng trước 01/07/2025 "
        f"còn cấp huyện; chọn tệp đơn vị 3 cấp"
    )


def unchanged(code: str, version: int) -> str:
    """A launch of the same plan again, with nothing changed."""
    return (
        f"kế hoạch «{code}» đã được triển khai (phiên bản {version}) và không có thay đổi nào; "
        f"không thể triển khai lần thứ hai (xem `cchc status -c {code}`)"
    )


def unconfirmed(code: str, version: int) -> str:
    """An amendment not yet confirmed."""
    return (
        f"kế hoạch «{code}» khác phiên bản {version} đang chạy; xem các thay đổi rồi xác nhận "
        f"(thêm --yes khi chạy từ script)"
    )


def stage_added(title: str, due: datetime) -> str:
    """Diff line: a new stage."""
    return f"Thêm giai đoạn «{title}», hạn {moment(due)}"


def stage_removed(title: str) -> str:
    """Diff line: a stage dropped from the plan."""
    return f"Bỏ giai đoạn «{title}» khỏi kế hoạch"


def window_moved(title: str, old: tuple[datetime, datetime], new: tuple[datetime, datetime]) -> str:
    """Diff line: a stage's window moved."""
    return (
        f"Giai đoạn «{title}»: thời gian {day(old[0])} – {moment(old[1])} đổi thành "
        f"{day(new[0])} – {moment(new[1])}"
    )


def units_changed(verb: str, codes: Sequence[str]) -> str:
    """Diff line: units added to or removed from the campaign."""
    return f"{verb} {len(codes)} đơn vị: {', '.join(codes)}"


def unit_merged(old: str, new: str) -> str:
    """Diff line: a unit merged into another."""
    return f"Đơn vị {old} hợp nhất vào {new}"


def rule_changed(name: str, old: object, new: object) -> str:
    """Diff line: a frozen rule changed."""
    return f"Quy tắc «{RULE_NAME.get(name, name)}»: {old} → {new}"


def scope_added(title: str, due: datetime) -> str:
    """Notice line: the unit must now act in a stage."""
    return f"Đơn vị được giao thực hiện «{title}», hạn {moment(due)}"


def scope_removed(title: str) -> str:
    """Notice line: the unit no longer acts in a stage."""
    return f"Đơn vị không còn phải thực hiện «{title}»"


def due_moved(title: str, old: datetime, new: datetime) -> str:
    """Notice line: the unit's due time in a stage moved."""
    return f"«{title}»: hạn mới {moment(new)} (trước đây {moment(old)})"


def other_changes() -> str:
    """Diff line: the plan changed in ways the diff does not itemise (titles, reminders …)."""
    return "Thay đổi khác trong kế hoạch (tên, phạm vi, nhắc hạn …)"
