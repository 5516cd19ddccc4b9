"""What users read about stored evidence files."""

UNAVAILABLE = "Kho lưu trữ tài liệu kiểm chứng tạm thời không truy cập được; vui lòng thử lại sau"
MISSING = "Không tìm thấy tệp tài liệu kiểm chứng trong kho lưu trữ"
LINK_EXPIRED = "Đường dẫn tải tài liệu đã hết hạn hoặc không hợp lệ; hãy mở lại từ trang đơn vị"
