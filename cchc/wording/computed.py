"""What `cchc results --all` prints: units computed per campaign, then the total."""

from __future__ import annotations

NEED_CAMPAIGN = "cần -c MÃ (mã chiến dịch), hoặc --all: mọi chiến dịch đang chạy chưa phê duyệt"


def _count(n: int) -> str:
    """A whole count with Vietnamese thousands dots (12.000)."""
    return f"{n:,}".replace(",", ".")


def computed_lines(counts: dict[str, int]) -> list[str]:
    """One line per campaign, then the total (or a line saying nothing was computed)."""
    if not counts:
        return ["Không có chiến dịch nào đang chạy cần tính (đã phê duyệt thì giữ nguyên)."]
    lines = [f"{code}: đã tính {_count(n)} đơn vị" for code, n in counts.items()]
    total = _count(sum(counts.values()))
    lines.append(f"Đã tính Chỉ số CCHC của {len(counts)} chiến dịch, {total} đơn vị.")
    return lines
