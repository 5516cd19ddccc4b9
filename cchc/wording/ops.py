"""What operators read: database and Prefect reachability, set-up and demo hand-over lines."""

from __future__ import annotations

DB_UNREACHABLE = "không kết nối được cơ sở dữ liệu {url} ({reason})"
DB_TIMEOUT = "cơ sở dữ liệu {url} không trả lời trong {seconds} giây"
DB_NOT_INITIALISED = (
    "cơ sở dữ liệu {url} chưa có bảng nào (chưa khởi tạo); chạy `cchc setup` hoặc `cchc demo` trước"
)
DB_BUSY_WEB = "Cơ sở dữ liệu không trả lời; vui lòng thử lại sau giây lát"
READY_DB_DOWN = "không kết nối được cơ sở dữ liệu"
READY_PREFECT_DOWN = "không kết nối được máy chủ Prefect"
POOL_CREATED = "Đã tạo work pool «{pool}» (loại process)."
POOL_EXISTS = "Work pool «{pool}» đã có."
POOL_UPDATED = (
    "Work pool «{pool}» đã có; đã đặt nhịp tín hiệu sống {seconds} giây cho các lượt chạy."
)
ZOMBIE_AUTOMATION_NAME = "cchc: đánh dấu lượt chạy mất tín hiệu"
ZOMBIE_AUTOMATION_DESCRIPTION = (
    "Lượt chạy của chiến dịch không gửi tín hiệu sống trong {seconds} giây (máy worker chết)"
    " được đánh dấu Crashed. Do `cchc setup` tạo và cập nhật; sửa trong CCHC_PREFECT__*."
)
ZOMBIE_STATE_MESSAGE = "Mất tín hiệu sống quá {seconds} giây: máy chạy đã dừng đột ngột"
ZOMBIE_CREATED = "Đã tạo tự động hóa «{name}» (mất tín hiệu quá {seconds} giây → Crashed)."
ZOMBIE_UPDATED = "Đã cập nhật tự động hóa «{name}» (mất tín hiệu quá {seconds} giây → Crashed)."
ZOMBIE_EXISTS = "Tự động hóa «{name}» đã có (mất tín hiệu quá {seconds} giây → Crashed)."
ZOMBIE_UNREACHABLE = "không tạo được tự động hóa «{name}»: máy chủ Prefect không trả lời ({reason})"
POOL_UNREACHABLE = "không tạo được work pool «{pool}»: máy chủ Prefect không trả lời ({reason})"
DB_MIGRATED = "Cơ sở dữ liệu {url}: lược đồ đã cập nhật ({revision})."
DEMO_FOREIGN_DATA = (
    "tệp {path} đang chứa chiến dịch khác ({codes}); bản chạy thử không ghi đè. "
    "Đặt CCHC_VAR_DIR sang thư mục khác hoặc chuyển tệp đi rồi chạy lại"
)
DEMO_DATABASE_NOTE = (
    "Bản chạy thử dùng cơ sở dữ liệu mặc định {path} (bỏ qua CCHC_DATABASE_URL đang đặt)."
)
DEMO_HANDOVER = (
    "Xem chiến dịch trên bảng điều khiển: .venv/bin/cchc serve → http://127.0.0.1:8000/login\n"
    "Đăng nhập với tên «{user}» và mật khẩu lần đầu dưới đây"
    " (chỉ hiện một lần, đổi ngay khi đăng nhập):"
)
DEMO_REPORT_HINT = "Báo cáo công bố: .venv/bin/cchc report -c {campaign}"
DB_COOLING = "cơ sở dữ liệu vừa không trả lời; chưa thử kết nối lại trong {seconds} giây"
READY_NOT_CONFIGURED = "chưa cấu hình (PREFECT_API_URL trống)"
POOL_SKIPPED = (
    "Chưa tạo work pool: PREFECT_API_URL trống (lịch chạy hằng ngày cần máy chủ Prefect; "
    "xem docs/operations.md)."
)
SETUP_DONE = (
    "Sẵn sàng: `cchc launch <kế hoạch>`, rồi chạy worker `prefect worker start --pool {pool}`"
    "{zombies}."
)
SETUP_DONE_ZOMBIES = (
    "; lượt chạy mất tín hiệu quá {seconds} giây (máy worker chết) tự chuyển sang Crashed"
)
BACKUP_DONE = "Đã sao lưu vào {folder} ({files} tệp minh chứng)."
RESTORE_DONE = "Đã khôi phục {folder} vào {url} ({files} tệp minh chứng)."
RESTORE_NOT_EMPTY = "cơ sở dữ liệu {url} đã có bảng; chỉ khôi phục vào cơ sở dữ liệu trống"
RESTORE_NOT_A_BACKUP = "{folder} không phải bản sao lưu của cchc-flow (thiếu manifest.json)"
RESTORE_WRONG_KIND = "bản sao lưu {folder} là {kind}, cơ sở dữ liệu đích là {target}"
TOOL_FAILED = "{tool} thất bại: {reason}"
