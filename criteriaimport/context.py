"""What the document says about the set: province, year, tier, title, decision number."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from cchc.errors import ValidationError
from criteriaimport.model import Review
from criteriaimport.reader import Document
from planimport.context import detect, slug
from planimport.text import fold_clean, one_line

TIERS = ("department", "special", "district", "commune", "ward", "central_agency")
SUFFIX = {
    "department": "so",
    "special": "dac-thu",
    "district": "huyen",
    "commune": "xa",
    "ward": "phuong",
    "central_agency": "trung-uong",
}
GROUPS = {
    "department": ["department"],
    "special": ["special"],
    "district": ["district"],
    "commune": ["commune", "ward"],
    "ward": ["ward"],
    "central_agency": ["central_agency"],
}
_TIER_WORDS = (
    ("department", re.compile(r"\bcac so\b|\bso, ban, nganh|\bso, nganh")),
    ("district", re.compile(r"\b(?:cac )?huyen\b")),
    ("commune", re.compile(r"\b(?:cac )?(?:xa(?! hoi)|phuong)\b")),
    ("central_agency", re.compile(r"\bco quan (?:trung uong|nganh doc)")),
)
_HEAD = re.compile(r"^bo chi so\b")


def title_of(doc: Document) -> str | None:
    """Return "Bộ Chỉ số ..." from the heading (joined with the line under a bare heading)."""
    texts = [one_line(t).strip("# *") for _, t in doc.lines]
    for i, text in enumerate(texts[:200]):
        if not _HEAD.match(fold_clean(text)):
            continue
        if fold_clean(text) != "bo chi so":
            return re.sub(r"\s+—\s+tổng [\d,.]+ điểm$", "", text)  # the workbook's A3 line
        rest = next((t for t in texts[i + 1 : i + 4] if t), "")
        return f"Bộ Chỉ số {rest[:1].lower()}{rest[1:]}" if rest else None
    return None


def tier_of(title: str, path: Path) -> str:
    """Tell the tier from the title; ask for --tier when it names none or several."""
    folded = fold_clean(title)
    found = [tier for tier, pattern in _TIER_WORDS if pattern.search(folded)]
    if len(found) != 1:
        raise ValidationError(
            f"{path}: không xác định được bộ chỉ số dành cho cấp nào "
            f"(«{title}»); hãy dùng --tier ({', '.join(TIERS)})"
        )
    return found[0]


def units_file(
    province: str, year: int, named: str | None, reviews: list[Review]
) -> tuple[Any, str]:
    """Load config/units/<named>, <province>-<year> or <province>.yaml; return (file, stem)."""
    from cchc.errors import ConfigError
    from cchc.settings import get_settings
    from config.loader import load_units

    folder = get_settings().config_dir / "units"
    stems = [s for s in (named, f"{province}-{year}", province) if s]
    path = next(
        (folder / f"{s}.yaml" for s in stems if (folder / f"{s}.yaml").is_file()),
        folder / f"{province}.yaml",
    )
    try:
        return load_units(path), path.stem
    except ConfigError as exc:
        reviews.append(Review(0, None, "tệp đơn vị", str(path), f"không dùng được: {exc}"))
        return None, province


def province_year(
    doc: Document, path: Path, province: str | None, year: int | None
) -> tuple[str, int, str | None]:
    """Return the province code, the index year and the decision number."""
    info = detect(doc.lines)
    code = (
        province
        or doc.meta.get("province")
        or (slug(info.province_name) if info.province_name else None)
    )
    if not code:
        raise ValidationError(f"{path}: không thấy tên tỉnh trong văn bản; hãy dùng --province")
    found = year or (int(doc.meta["year"]) if doc.meta.get("year") else info.year)
    if not found:
        raise ValidationError(f"{path}: không thấy năm của bộ chỉ số; hãy dùng --year")
    return code, found, doc.meta.get("decision_no") or info.decision_no
