"""Vietnamese wording of accounts: sign-in refusals, passwords, tokens, the users handout."""

from __future__ import annotations

LOGIN_REFUSED = "Tên đăng nhập hoặc mật khẩu không đúng, hoặc tài khoản đã bị khóa."
TOO_MANY = "Đăng nhập sai quá nhiều lần. Vui lòng thử lại sau {minutes} phút."
CSRF_REFUSED = "Yêu cầu bị từ chối vì thiếu mã chống giả mạo (CSRF). Hãy tải lại trang rồi thử lại."
UNAUTHORIZED = "Thiếu mã truy cập hoặc mã không hợp lệ"
READ_ONLY = "Mã truy cập này chỉ có quyền đọc"
WRONG_PASSWORD = "Mật khẩu hiện tại không đúng"
PASSWORDS_DIFFER = "Hai lần nhập mật khẩu mới không khớp"
PASSWORD_CHANGED = "Đã đổi mật khẩu."
MUST_CHANGE = "Đây là mật khẩu cấp lần đầu hoặc vừa được đặt lại: hãy đổi mật khẩu mới."
ADMIN_ONLY = "Chỉ quản trị viên được quản lý người dùng"
USER_INACTIVE = "Tài khoản «{name}» đã bị khóa"
HANDOUT_TITLE = "Tài khoản đăng nhập cchc-flow (mật khẩu lần đầu: đổi ngay khi đăng nhập)"
HANDOUT_HEADER = ("Tên đăng nhập", "Vai trò", "Mã đơn vị", "Tên đơn vị", "Mật khẩu lần đầu")
SSO_BUTTON = "Đăng nhập bằng tài khoản một cửa (SSO)"
SSO_UNKNOWN_USER = (
    "Tài khoản một cửa «{name}» chưa được cấp quyền trong hệ thống hoặc đã bị khóa. "
    "Hãy liên hệ Sở Nội vụ."
)
SSO_NO_CLAIM = "Tài khoản một cửa không cho biết tên đăng nhập: hãy liên hệ Sở Nội vụ."
SSO_BAD_STATE = "Phiên đăng nhập một cửa không hợp lệ hoặc đã hết hạn. Hãy đăng nhập lại."
SSO_PROVIDER_FAILED = "Không xác minh được đăng nhập với hệ thống một cửa. Hãy thử lại sau."
SSO_DENIED = "Hệ thống một cửa không cho phép đăng nhập."
SSO_OFF = "Đăng nhập một cửa (SSO) chưa được cấu hình."
