"""Vietnamese words for the domain's codes, and the colours the dashboard gives each state."""

from __future__ import annotations

from report.format import GROUP_TITLES
from services.access import ROLE_LABELS

ASSIGNMENT_STATE = {
    "pending": "Chưa mở",
    "open": "Đang thực hiện",
    "overdue": "Quá hạn",
    "done": "Hoàn thành",
    "late": "Nộp muộn",
    "refused": "Không tiếp nhận",
}
STAGE_STATE = {"pending": "Chưa mở", "open": "Đang mở", "closed": "Đã đóng"}
STAGE_KIND = {
    "guidance": "Hướng dẫn",
    "self_assessment": "Tự đánh giá",
    "appraisal": "Thẩm định",
    "survey": "Điều tra XHH",
    "council_session": "Họp Hội đồng",
    "approval": "Phê duyệt",
    "publication": "Công bố",
    "generic": "Nhiệm vụ khác",
}
RANK_GROUP = GROUP_TITLES  # the report's wording, so dashboard and report agree
CAMPAIGN_STATE = {"running": "Đang diễn ra", "approved": "Đã phê duyệt", "published": "Đã công bố"}
NOTIFICATION_KIND = {
    "kickoff": "Khởi động",
    "stage_open": "Mở giai đoạn",
    "reminder": "Nhắc hạn",
    "overdue": "Quá hạn",
    "escalation": "Đôn đốc",
    "fact": "Ghi nhận",
}
DELIVERY = {"pending": "Chờ gửi", "delivered": "Đã gửi", "failed": "Gửi lỗi"}
VERSION_STATUS = {
    "draft": "Bản nháp",
    "submitted": "Đã nộp",
    "withdrawn": "Đã rút",
    "superseded": "Đã thay thế",
}
ROLE = ROLE_LABELS  # the words the access rules use in their refusals
COLOUR = {
    "pending": "#cbd5e1",
    "open": "#60a5fa",
    "overdue": "#ef4444",
    "done": "#22c55e",
    "late": "#f59e0b",
    "refused": "#7f1d1d",
    "closed": "#22c55e",
}


def share_colour(share: float) -> str:
    """Colour a done share from red (0) through amber to green (1)."""
    hue = int(max(0.0, min(1.0, share)) * 120)
    return f"hsl({hue}, 70%, 55%)"


ALL = {
    "assignment_state": ASSIGNMENT_STATE,
    "stage_state": STAGE_STATE,
    "stage_kind": STAGE_KIND,
    "rank_group": RANK_GROUP,
    "campaign_state": CAMPAIGN_STATE,
    "delivery": DELIVERY,
    "notification_kind": NOTIFICATION_KIND,
    "version_status": VERSION_STATUS,
    "role": ROLE,
    "colour": COLOUR,
}
