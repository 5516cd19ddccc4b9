"""Province names as documents write them → the catalogue entry of the index year."""

from __future__ import annotations

import re

from config.national.catalogue import Province, provinces, successor, two_tier
from deadlines.text import fold

# Spellings documents use that folding alone does not reach (folded, after the level word).
_ALIASES = {
    "hcm": "ho chi minh",
    "tphcm": "ho chi minh",
    "sai gon": "ho chi minh",
    "hn": "ha noi",
    "tphn": "ha noi",
    "brvt": "ba ria vung tau",
    "hue": "thua thien hue",
}
_LEVEL = re.compile(r"^(?:ubnd |uy ban nhan dan )?(?:tinh |thanh pho |tp )")


def key(name: str) -> str:
    """Return the folded form of a province name without its level word ("TP.HCM" → "hcm")."""
    text = re.sub(r"[^a-z0-9]+", " ", fold(name.strip())).strip()
    text = re.sub(r"^tp(?=hcm$|hn$)", "tp ", text)
    text = _LEVEL.sub("", text)
    return _ALIASES.get(text, text)


def slug(province: Province) -> str:
    """Return the config code of a province ("Thành phố Hà Nội" → "ha-noi")."""
    return re.sub(r"[^a-z0-9]+", "-", fold(province.short)).strip("-")


def find_province(name: str, year: int) -> Province | None:
    """Return the year's province named `name` (an official code, a slug or a written name).

    From 2025 a former province's name ("tỉnh Bà Rịa - Vũng Tàu") resolves to the province it
    became part of, by the catalogue's old → new mapping.
    """
    found = _match(name, provinces(year))
    if found is None and two_tier(year):
        old = _match(name, provinces(year - 1))
        new = successor(old.code) if old else None
        found = next((p for p in provinces(year) if p.code == new), None)
    return found


def _match(name: str, options: list[Province]) -> Province | None:
    """Return the option whose code, slug or folded short name equals `name`'s."""
    text = name.strip()
    if text.isdigit():
        return next((p for p in options if int(p.code) == int(text)), None)
    wanted = key(text)
    for p in options:
        short = key(p.short)
        if wanted in (short, short.replace(" ", ""), slug(p), slug(p).replace("-", " ")):
            return p
    return None
