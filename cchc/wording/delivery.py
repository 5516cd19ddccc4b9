"""Vietnamese lines about message delivery: the summary every delivery run ends with."""

from __future__ import annotations


def delivery_summary(
    *, delivered: int, retrying: int, failed: int, leased: int, held: int = 0
) -> str:
    """One line: sent, retrying, failed, still-leased (and quiet-hours held) message counts."""
    waiting = f", chờ hết giờ nghỉ {held} (SMS/Zalo)" if held else ""
    return (
        f"Thông báo: đã gửi {delivered}, đang thử lại {retrying}, "
        f"thất bại {failed}, còn giữ chỗ {leased}{waiting}."
    )


def requeued(count: int) -> str:
    """How many failed messages were put back in the queue."""
    return f"Đã đưa lại {count} thông báo thất bại vào hàng đợi."


def channel_missing(name: str) -> str:
    """A message names a channel the settings do not define."""
    return f"kênh thông báo «{name}» chưa được cấu hình (CCHC_NOTIFY__CHANNELS)"


def secret_in_address(masked: str) -> str:
    """A unit's address carries a password or token, which must live in settings."""
    return (
        f"địa chỉ thông báo {masked} chứa mật khẩu hoặc mã truy cập; "
        "hãy khai báo nó là một kênh trong cấu hình (CCHC_NOTIFY__CHANNELS) và ghi tên kênh"
    )
