"""How documents write agency names: normal form, acronyms, and the unit groups."""

from __future__ import annotations

import re

from planimport.text import fold

# Rewrites on folded text, so "Ủy ban nhân dân", "UBND" and "VP UBND" read alike.
_REWRITES: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(a), b)
    for a, b in (
        (r"\bu[yi] ban nhan dan\b", "ubnd"),
        (r"\bhoi dong nhan dan\b", "hdnd"),
        (r"\bvp\s*ubnd\b", "van phong ubnd"),
        (r"\bvp\b", "van phong"),
        (r"\bubtp\b", "ubnd thanh pho"),
        (r"\btp\b\.?", "thanh pho"),
        (r"[()\[\]\"'“”*]", " "),
        (r"\s*&\s*", " va "),
        (r"\s*,\s*", ", "),
        (r"\s+", " "),
    )
)

# Groups a plan may name instead of units; longest wording wins when several match.
_SO = r"(?:cac )?(?:so|co quan chuyen mon)"
GROUP_PATTERNS: tuple[tuple[str, str], ...] = (
    ("all_districts", r"(?:hoi dong|to) tham dinh (?:chi so cchc )?cap huyen"),
    ("appraisal_council", r"(?:hoi dong|to) tham dinh(?: chi so(?: cchc| cai cach hanh chinh)?)?"
                          r"(?: (?:cap tinh|cua ubnd (?:tinh|thanh pho)|tinh|thanh pho))?"),
    ("all_departments", rf"{_SO},? ban,? nganh(?: tinh| thanh pho)?"),
    ("all_departments", rf"{_SO},? nganh(?: tinh| thanh pho)?"),
    ("all_departments", r"cac so(?:,| va) (?:cac )?co quan ngang so"),
    ("all_departments", r"(?:cac )?co quan chuyen mon(?: thuoc ubnd (?:tinh|thanh pho))?"),
    ("all_departments", r"cac (?:don vi|co quan) cap (?:so|tinh)|cac don vi cap so"),
    ("all_departments", r"cac so"),
    ("all_districts", r"(?:ubnd )?cap huyen"),
    ("all_districts", r"(?:ubnd )?(?:cac )?(?:quan, )?huyen,? (?:thanh pho|thi xa|quan)"
                      r"(?:,? (?:thanh pho|thi xa|quan))*(?: thuoc tinh)?"),
    ("all_districts", r"ubnd cac (?:huyen|quan)"),
    ("all_communes", r"(?:ubnd )?cap xa"),
    ("all_communes", r"(?:ubnd )?(?:cac )?xa,? phuong,? thi tran(?:,? dac khu)?"),
    ("all_communes", r"(?:ubnd )?(?:cac )?xa,? phuong,? (?:va )?dac khu"),  # 2-tier, from 07/2025
    ("all_communes", r"(?:ubnd )?(?:cac )?xa,? phuong"),
    ("all_communes", r"ubnd cac xa"),
    ("all_central_agencies",
     r"(?:cac )?co quan (?:thuoc |nganh doc )?trung uong(?: (?:duoc )?to chuc theo (?:he thong )?"
     r"nganh doc)?(?: dong tren dia ban(?: tinh)?)?"),
)

# Participants that are not units of the province: dropped without a review note.
NOT_UNITS = re.compile(
    r"\b(?:nguoi dan|doanh nghiep|to chuc,? ca nhan"
    r"|cac co quan,? don vi(?:,? dia phuong)? lien quan"
    r"|(?:cac )?co quan,? don vi lien quan|(?:cac )?co quan lien quan|(?:cac )?don vi lien quan"
    r"|(?:cac )?co quan bao,? dai|chuyen gia|cac to chuc)\b"
)
# Words left over after matching that name nothing by themselves.
FILLER = frozenset(
    "cac va voi cung qua gom la phoi hop chu tri tinh thanh pho cua de tham gia dong tren "
    "dia ban lien quan don vi co quan nhu sau cu the thuc hien theo do doi yeu cau cap "
    "tat ca moi thu truong lanh dao thanh vien".split()  # "Thủ trưởng các sở" = the sở
)
# "Sở Nội vụ (Thường trực Hội đồng)": the unit's role in the plan, not a second unit.
_ROLE_NOTE = re.compile(r"\(\s*(?:la |co quan |don vi )?(?:thuong truc|dau moi|chu tri|tham muu"
                        r"|thu ky|to truong|chu tich)[^()]*\)")
GROUP_KIND = {"all_departments": "department", "all_districts": "district",
              "all_communes": "commune", "all_central_agencies": "central_agency"}


def norm(text: str) -> str:
    """Return the folded, rewritten form used to match names."""
    out = fold(text)
    for pattern, repl in _REWRITES:
        out = pattern.sub(repl, out)
    return out.strip(" ,.;:-+")


def acronym_key(words: str) -> str:
    """Return the initials of a name's words ("Kế hoạch và Đầu tư" → "khdt")."""
    parts = re.split(r"[\s,\-–&]+", fold(words))
    return "".join(p[0] for p in parts if p and p != "va" and p[0].isalpha())


_ACRONYM = re.compile(
    r"\b(?:Sở|SỞ|sở)\s+([A-ZĐ]{1,5}(?:\s?[&\-,.]\s?[A-ZĐ]{1,5})+|[A-ZĐ]{3,8})(?![\w])")


def acronyms(text: str) -> list[tuple[int, int, str]]:
    """Return (start, end, key) for each "Sở TT&TT"-style acronym in the original `text`."""
    return [(m.start(), m.end(), re.sub(r"[^a-z]", "", fold(m.group(1))))
            for m in _ACRONYM.finditer(text)]


def drop_role_notes(text: str) -> str:
    """Blank out "(Thường trực Hội đồng)"-style notes on a unit's role in the plan."""
    chars = list(text)
    for m in _ROLE_NOTE.finditer(fold(text)):  # fold keeps positions, so spans map back
        chars[m.start():m.end()] = " " * (m.end() - m.start())
    return "".join(chars)
