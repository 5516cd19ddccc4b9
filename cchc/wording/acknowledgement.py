"""What users read about acknowledging receipt of the guidance (văn bản đến)."""

from __future__ import annotations

LINK_BAD = (
    "Đường dẫn xác nhận đã nhận văn bản không hợp lệ (có thể đã bị sửa); "
    "hãy mở lại đúng đường dẫn trong thông báo triển khai"
)
LINK_EXPIRED = (
    "Đường dẫn xác nhận đã nhận văn bản đã hết hạn; hãy xác nhận trên trang của đơn vị "
    "sau khi đăng nhập, hoặc liên hệ Sở Nội vụ"
)
LINK_OPENER = "người mở liên kết"
NOT_INVOLVED = "Đơn vị «{unit}» không thuộc phạm vi của chiến dịch này"
VIA = {"link": "qua đường dẫn trong thông báo", "dashboard": "trên trang đơn vị", "api": "qua API"}


def ack_line(url: str) -> str:
    """The kick-off's line asking the unit to confirm receipt, or '' without a link."""
    return f"\nXác nhận đã nhận văn bản: {url}" if url else ""


def opener(unit_name: str) -> str:
    """Who confirmed through the link when nobody was signed in."""
    return f"{LINK_OPENER} ({unit_name})"
