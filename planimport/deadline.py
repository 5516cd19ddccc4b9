"""A stage's deadline: its time cell (or a "Bắt đầu | Hoàn thành" pair), read into a window."""

from __future__ import annotations

from datetime import date

from cchc.errors import DeadlinePhraseError
from deadlines import Window, mentions_hour
from planimport.approx import read_loose
from planimport.model import Review, Row
from planimport.text import fold, one_line
from planimport.when import SAME_AS_ABOVE, phrases, undated_reason


def stage_deadline(code: str, row: Row, year: int, after: date | None, above: str,
                   reviews: list[Review]) -> tuple[str | None, Window | None]:
    """Return the plan's deadline wording and its window; note where either is missing."""
    text, line = one_line(row.text("time")), row.line_of("time")
    start = one_line(row.text("start")).rstrip(" .;,")
    if start and text:  # a "Bắt đầu | Hoàn thành" pair is read as one range
        text = f"từ {start} đến {text}"
    elif start:
        why = "chỉ ghi ngày bắt đầu, không có hạn hoàn thành"
        reviews.append(Review(row.line_of("start"), code, "thời hạn", start, why))
        return None, None
    if SAME_AS_ABOVE.match(fold(text)) and above:  # "Như trên": the row above's deadline
        why = f"hạn ghi «{text}»: lấy hạn của hàng trên, cần xác nhận"
        reviews.append(Review(line, code, "thời hạn", above, why))
        text = above
    if not text:
        for role, label in (("note", "cột Yêu cầu/Ghi chú"), ("title", "tên nhiệm vụ")):
            found = phrases(row.text(role))
            if found and not row.prose:
                text, line = found[0], row.line_at(role, found[0])
                why = f"hàng không ghi thời gian; hạn lấy từ {label}, cần xác nhận"
                reviews.append(Review(line, code, "thời hạn", text, why))
                break
        else:
            reviews.append(Review(row.line, code, "thời hạn", "", "hàng không ghi thời gian"))
            return None, None
    text = text.rstrip(" .;,")
    if mentions_hour(text):  # windows end at 23:59:59; "trước 17 giờ" must be checked
        why = "hạn có ghi giờ; cửa sổ tính theo cả ngày, cần xác nhận"
        reviews.append(Review(line, code, "thời hạn", text, why))
    try:
        window, notes = read_loose(text, year=year, after=after)
    except DeadlinePhraseError as exc:
        reviews.append(Review(line, code, "thời hạn", text, undated_reason(text) or str(exc)))
        return text, None
    reviews.extend(Review(line, code, "thời hạn", text, note) for note in notes)
    return text, window
