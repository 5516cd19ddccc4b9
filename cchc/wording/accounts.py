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
