"""What `cchc backup` and `cchc restore` say: refusals and summaries, in Vietnamese."""

from __future__ import annotations

NO_PG_TOOL = (
    "không tìm thấy chương trình {tool} của PostgreSQL (cài gói postgresql-client "
    "hoặc thêm /usr/lib/postgresql/<phiên bản>/bin vào PATH)"
)
PG_TOOL_FAILED = "{tool} thất bại: {detail}"
NOT_AN_ARCHIVE = "{path}: không phải tệp sao lưu của cchc-flow ({detail})"
NO_ARCHIVE = "{path}: không có tệp sao lưu này"
WRONG_BACKEND = (
    "tệp sao lưu chứa cơ sở dữ liệu {archived}, còn cơ sở dữ liệu đích là {target}; "
    "hãy khôi phục vào cơ sở dữ liệu cùng loại"
)
NEWER_SCHEMA = (
    "tệp sao lưu có lược đồ {revision}, mới hơn phiên bản phần mềm này (mới nhất: {head}); "
    "hãy cập nhật cchc-flow trước khi khôi phục"
)
NOT_EMPTY = (
    "cơ sở dữ liệu đích đã có dữ liệu ({rows} dòng); khôi phục sẽ ghi đè toàn bộ — "
    "chạy lại với --yes nếu chắc chắn"
)
BACKED_UP = "Đã sao lưu vào {path}: lược đồ {revision}, {rows} dòng, {files} tệp kiểm chứng."
RESTORED = "Đã khôi phục {path}: lược đồ {revision}{upgraded}, {rows} dòng, {files} tệp kiểm chứng."
UPGRADED = " (đã nâng cấp lên {head})"
PRUNED = "Đã xoá {count} bản sao lưu cũ (giữ {daily} bản hằng ngày, {weekly} bản hằng tuần)."
