"""Vietnamese labels of the domain's codes: states, kinds, roles, deliveries, versions."""

from __future__ import annotations

from cchc.wording.blocks import BLOCK_TITLES

ASSIGNMENT_STATE = {
    "pending": "Chưa mở",
    "open": "Đang thực hiện",
    "overdue": "Quá hạn",
    "done": "Hoàn thành",
    "late": "Nộp muộn",
    "refused": "Không tiếp nhận",
}
STAGE_STATE = {"pending": "Chưa mở", "open": "Đang mở", "closed": "Đã đóng", "removed": "Đã bỏ"}
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
# The same kinds named inside a sentence (the plan importer's review notes): lower case, verbs.
STAGE_KIND_PHRASE = {
    "guidance": "hướng dẫn",
    "self_assessment": "tự đánh giá",
    "appraisal": "thẩm định",
    "survey": "điều tra XHH",
    "council_session": "họp Hội đồng/Tổ thẩm định",
    "approval": "trình phê duyệt",
    "publication": "công bố",
    "generic": "việc khác",
}
RANK_GROUP = BLOCK_TITLES  # a rank group is named by its block's title, so all outputs agree
CAMPAIGN_STATE = {
    "running": "Đang diễn ra",
    "approved": "Đã phê duyệt",
    "published": "Đã công bố",
    "archived": "Đã kết thúc, lưu trữ",
}
# States in which the campaign is over: its schedule paused (published) or removed (archived).
FINISHED_STATES = ("published", "archived")
FINISHED = "Đã kết thúc"
UNDER_REVIEW = "Đang xem xét lại"
NOTIFICATION_KIND = {
    "kickoff": "Khởi động",
    "plan_amended": "Điều chỉnh kế hoạch",
    "stage_open": "Mở giai đoạn",
    "reminder": "Nhắc hạn",
    "overdue": "Quá hạn",
    "escalation": "Đôn đốc",
    "fact": "Ghi nhận",
    "receipt": "Xác nhận đã nhận",
    "appraisal_result": "Kết quả thẩm định",
    "reply_requested": "Đề nghị giải trình",
    "approval": "Phê duyệt",
    "publication": "Công bố",
    "reopen": "Mở lại kết quả",
}
DELIVERY = {"pending": "Chờ gửi", "delivered": "Đã gửi", "failed": "Gửi lỗi"}
# Marks on a notification log row (models/outbox/marks.py), and the log's filter by them.
NOTIFICATION_MARK = {
    "held": "Chờ hết giờ nghỉ",
    "personal": "Bản gửi riêng người dùng",
    "digest": "Bản tổng hợp trong ngày",
}
NOTIFICATION_FILTER = {
    "held": "Chờ hết giờ nghỉ (SMS, Zalo)",
    "personal": "Gửi riêng người dùng (bản sao, bản tổng hợp)",
}
VERSION_STATUS = {
    "draft": "Bản nháp",
    "submitted": "Đã nộp",
    "withdrawn": "Đã rút",
    "superseded": "Đã thay thế",
}
ROLE = {
    "admin": "Quản trị (Sở Nội vụ)",
    "unit": "Đơn vị",
    "appraiser": "Thẩm định",
    "council": "Hội đồng",
    "viewer": "Theo dõi",
}
THREAD_SIDE = {"unit": "Đơn vị giải trình", "appraiser": "Thẩm định viên"}
FACT_KIND = {
    "guidance_issued": "Đã ban hành hướng dẫn",
    "survey_imported": "Đã nhập kết quả điều tra XHH",
    "appraisal_done": "Đã thẩm định xong",
    "council_session_held": "Đã họp Hội đồng",
    "approval": "Đã phê duyệt",
    "publication": "Đã công bố",
    "generic_done": "Đã hoàn thành",
    "self_assessment_submitted": "Đã nộp tự đánh giá",
}

ITEM_KIND = {"bonus": "Điểm thưởng", "penalty": "Điểm trừ"}  # base items carry no tag
NOT_APPLICABLE = "Không áp dụng"

ALL = {
    "assignment_state": ASSIGNMENT_STATE,
    "stage_state": STAGE_STATE,
    "stage_kind": STAGE_KIND,
    "rank_group": RANK_GROUP,
    "campaign_state": CAMPAIGN_STATE,
    "delivery": DELIVERY,
    "notification_kind": NOTIFICATION_KIND,
    "notification_mark": NOTIFICATION_MARK,
    "notification_filter": NOTIFICATION_FILTER,
    "version_status": VERSION_STATUS,
    "role": ROLE,
    "fact_kind": FACT_KIND,
    "thread_side": THREAD_SIDE,
    "item_kind": ITEM_KIND,
}


def label(kind: str, code: str) -> str:
    """Return the Vietnamese label of a code of one kind (the code itself when unknown)."""
    return ALL[kind].get(code, code)
