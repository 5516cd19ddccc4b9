"""Audit log actions as a person reads them (the stored codes stay English)."""

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
