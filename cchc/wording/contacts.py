"""Vietnamese lines about contacts (e-mail, phone, Zalo) and notification preferences."""

from __future__ import annotations

FIELD = {"email": "thư điện tử", "phone": "số điện thoại", "zalo": "Zalo"}


def bad_email(value: str) -> str:
    """An e-mail address that is not one."""
    return f"«{value}» không phải địa chỉ thư điện tử"


def bad_phone(value: str) -> str:
    """A phone number that is not a Vietnamese one."""
    return f"«{value}» không phải số điện thoại Việt Nam (ví dụ 0912 345 678 hoặc +84912345678)"


def bad_zalo(value: str) -> str:
    """A Zalo user id with characters Zalo does not use."""
    return f"«{value}» không phải mã người dùng Zalo (chỉ chữ số, chữ cái, «-», «_»)"


def too_long(field: str, limit: int) -> str:
    """A contact longer than its column."""
    return f"{FIELD.get(field, field)} dài quá {limit} ký tự"


def unknown_events(kinds: list[str]) -> str:
    """Preferences naming message kinds that do not exist."""
    return f"không có loại thông báo: {', '.join(kinds)}"


def digest_subject(day: str, count: int) -> str:
    """The subject of a user's daily digest."""
    return f"Tổng hợp thông báo CCHC ngày {day} ({count} thông báo)"


def digest_body(day: str, lines: list[str]) -> str:
    """The body of a daily digest: one line per event of that day."""
    return f"Các thông báo CCHC ngày {day}:\n" + "\n".join(f"- {line}" for line in lines)
