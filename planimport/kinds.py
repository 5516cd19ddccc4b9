"""Tell a stage's kind from its Vietnamese wording: the first act named decides."""

from __future__ import annotations

import re
from dataclasses import dataclass

from cchc.wording.labels import STAGE_KIND_PHRASE
from planimport.text import fold_clean

# Wording that names a thing rather than an act; rewritten before the acts are looked for.
_NOUN_USES: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(a), b)
    for a, b in (
        (r"\(.*?\)", " "),
        (r"\b(tham dinh|tong hop)(?: ket qua| bao cao)*,? tu (?:danh gia|cham diem)"
         r"(?:,? cham diem)?", r"\1"),
        (r"\bde (?:tham dinh|tong hop)\b", " "),
        (r"\btheo (?:van ban )?huong dan\b", " "),
        (r"\bket qua tham dinh\b", "ket qua"),
        (r"\b(?<!hop )(?<!hop cac )(?:hoi dong|to) tham dinh\b", "hoidong"),
    )
)
ACTS: tuple[tuple[str, str], ...] = (
    ("council_session", r"\b(?:hop|phien hop(?: cua)?) (?:cac )?(?:hoi dong|to)(?: tham dinh)?\b"),
    ("generic", r"\bthanh lap\b|\bhoi nghi\b|\bbao cao ban chi dao\b|\bdu toan\b"
                r"|\bxay dung phuong an\b|\blap mau phieu\b|\bban hanh bao cao\b"),
    ("approval", r"\btrinh\b(?! bay)|\bphe duyet\b"),
    ("publication", r"\bcong bo\b"),
    ("survey", r"\bdieu tra\b|\bxhh\b|\bkhao sat\b|\bdo luong su hai long\b"),
    ("appraisal", r"\btham dinh\b|\bphuc tra\b"),
    ("self_assessment", r"\btu (?:danh gia|cham diem)\b|\bdanh gia,? cham diem\b"),
    ("guidance", r"\bhuong dan\b|\bdon doc\b|\bban hanh van ban\b|\btap huan\b"),
)
_COMPILED = tuple((kind, re.compile(p)) for kind, p in ACTS)
_JOINED = re.compile(r"^\s*(?:,|;|va|hoac|/)\s*$")


@dataclass(frozen=True)
class KindGuess:
    """The kind read from a text, whether the text named an act at all, and any doubt."""

    kind: str
    found: bool
    doubt: str | None = None


def acts(text: str) -> list[tuple[int, int, str]]:
    """Return (start, end, kind) of each act named in `text`, earliest first."""
    folded = fold_clean(text)
    for pattern, repl in _NOUN_USES:
        folded = pattern.sub(repl, folded)
    hits = [(m.start(), m.end(), kind) for kind, p in _COMPILED for m in p.finditer(folded)]
    hits.sort(key=lambda h: (h[0], -h[1]))
    kept: list[tuple[int, int, str]] = []
    for hit in hits:
        if not kept or hit[0] >= kept[-1][1]:
            kept.append(hit)
    return _with_gaps(kept, folded)


def _with_gaps(hits: list[tuple[int, int, str]], folded: str) -> list[tuple[int, int, str]]:
    """Keep the hits, tagging coordinated ones ("thẩm định và công bố") by their joining text."""
    return [(s, e, k if i == 0 or not _JOINED.match(folded[hits[i - 1][1]:s]) else f"~{k}")
            for i, (s, e, k) in enumerate(hits)]


def stage_kind(text: str, *context: str) -> KindGuess:
    """Return the kind of the stage worded `text`, falling back on `context` (topic, heading)."""
    for n, source in enumerate((text, *context)):
        hits = acts(source)
        if not hits:
            continue
        first = hits[0][2]
        doubt = None
        if len(hits) > 1 and hits[1][2].startswith("~") and hits[1][2][1:] != first:
            second = STAGE_KIND_PHRASE[hits[1][2][1:]]
            doubt = f"nêu hai việc ngang nhau: {STAGE_KIND_PHRASE[first]} và {second}"
        return KindGuess(first, found=n == 0, doubt=doubt)
    return KindGuess("generic", found=False)

