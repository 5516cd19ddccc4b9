"""The one adapter over the catalogue packages: nothing else imports them.

`vietnam-provinces` gives the units from 1 July 2025 (34 provinces, 3,321 xã/phường/đặc khu);
`vietnamadminunits` gives the 63 provinces before it (province, district, commune) and the
old → new province mapping. Both are read once per process.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from deadlines.text import fold

# The first index year run on the 2-tier local government (from 1 July 2025).
FIRST_TWO_TIER_YEAR = 2025
_LEVEL = re.compile(r"^(Tỉnh|Thành phố)\s+")
_TYPE_WORD = re.compile(r"^(Thành |Thị )(Phố|Xã|Trấn)\b")
_COMMUNE_TYPES = {
    "xã": "xa",
    "phường": "phuong",
    "đặc khu": "dac_khu",
    "thị trấn": "thi_tran",
}


@dataclass(frozen=True)
class Province:
    """A province or centrally-run city as the catalogue names it."""

    code: str  # official two-digit code, "01"
    name: str  # "Thành phố Hà Nội"
    short: str  # "Hà Nội"
    city: bool  # a thành phố trực thuộc trung ương


@dataclass(frozen=True)
class Local:
    """A district (huyện, quận, thị xã, thành phố thuộc tỉnh) or a commune."""

    code: str  # official code: 3 digits for districts, 5 for communes
    name: str  # "Xã Bình Lư"
    type: str  # commune: xa|phuong|thi_tran|dac_khu; district: its type word folded
    parent: str | None = None  # the district's official code (3-tier communes)


def two_tier(year: int) -> bool:
    """Tell whether the index year `year` runs on the 2-tier units (no districts)."""
    return year >= FIRST_TWO_TIER_YEAR


def provinces(year: int) -> list[Province]:
    """Return the provinces of the year's period, by official code."""
    return list(_new_provinces() if two_tier(year) else _old_provinces())


def districts(province: str, year: int) -> list[Local]:
    """Return the province's districts (none from 2025)."""
    if two_tier(year):
        return []
    return list(_old_districts().get(province, ()))


def communes(province: str, year: int) -> list[Local]:
    """Return the province's communes, wards, towns and special zones in catalogue order."""
    table = _new_communes() if two_tier(year) else _old_communes()
    return list(table.get(province, ()))


def successor(old_code: str) -> str | None:
    """Return the official code of the 2025 province a former province became part of."""
    return _successors().get(old_code)


def source() -> dict[str, str]:
    """Return the packages and versions the catalogue comes from."""
    from importlib.metadata import version

    return {pkg: version(pkg) for pkg in ("vietnam-provinces", "vietnamadminunits")}


def _province(code: str, name: str, city: bool) -> Province:
    """Build a Province from its official code and name, "Tỉnh"/"Thành phố" always written."""
    short = _LEVEL.sub("", name)
    return Province(code, f"{'Thành phố' if city else 'Tỉnh'} {short}", short, city)


def _typed(name: str) -> str:
    """Write the type word of a unit's name in sentence case ("Thành Phố X" → "Thành phố X")."""
    return _TYPE_WORD.sub(lambda m: m.group(1) + m.group(2).lower(), name)


@cache
def _new_provinces() -> tuple[Province, ...]:
    """Read the 34 provinces from vietnam-provinces."""
    from vietnam_provinces import Province as P

    found = sorted(P.iter_all(), key=lambda p: int(p.code))
    city = "thành phố trung ương"
    return tuple(
        _province(f"{int(p.code):02d}", p.name, p.division_type.value == city) for p in found
    )


@cache
def _new_communes() -> dict[str, tuple[Local, ...]]:
    """Read the 3,321 xã/phường/đặc khu from vietnam-provinces, by province code."""
    from vietnam_provinces import Ward

    out: dict[str, list[Local]] = {}
    for w in sorted(Ward.iter_all(), key=lambda w: int(w.code)):
        kind = _COMMUNE_TYPES[str(w.division_type.value)]
        out.setdefault(f"{int(w.province_code):02d}", []).append(
            Local(f"{int(w.code):05d}", _typed(w.name), kind)
        )
    return {k: tuple(v) for k, v in out.items()}


@cache
def _legacy_rows() -> tuple[dict, ...]:
    """Read the 63-province table of vietnamadminunits (one row per commune)."""
    from vietnamadminunits.database import query

    sql = (
        "SELECT province, provinceCode, district, districtType, districtCode, ward, "
        "wardType, wardCode FROM admin_units_legacy"
    )
    return tuple(query(sql))


@cache
def _old_provinces() -> tuple[Province, ...]:
    """Return the 63 provinces before 1 July 2025."""
    seen = {r["provinceCode"]: r["province"] for r in _legacy_rows()}
    return tuple(_province(c, seen[c], seen[c].startswith("Thành phố")) for c in sorted(seen))


@cache
def _old_districts() -> dict[str, tuple[Local, ...]]:
    """Return the districts of each former province, by official code."""
    out: dict[str, dict[str, Local]] = {}
    for r in _legacy_rows():
        kind = re.sub(r"\s+", "_", fold(str(r["districtType"])))
        local = Local(r["districtCode"], _typed(r["district"]), kind)
        out.setdefault(r["provinceCode"], {}).setdefault(local.code, local)
    return {k: tuple(sorted(v.values(), key=lambda d: d.code)) for k, v in out.items()}


@cache
def _old_communes() -> dict[str, tuple[Local, ...]]:
    """Return the communes of each former province (island districts have none)."""
    out: dict[str, list[Local]] = {}
    for r in sorted(_legacy_rows(), key=lambda r: r["wardCode"] or ""):
        if not r["ward"]:
            continue
        kind = _COMMUNE_TYPES[str(r["wardType"]).lower()]
        local = Local(r["wardCode"], _typed(r["ward"]), kind, r["districtCode"])
        out.setdefault(r["provinceCode"], []).append(local)
    return {k: tuple(v) for k, v in out.items()}


@cache
def _successors() -> dict[str, str]:
    """Map each former province's code to its 2025 province's code (the package's table)."""
    from vietnamadminunits.converter.converter_2025 import DICT_PROVINCE
    from vietnamadminunits.database import query

    def key_of(table: str) -> dict[str, str]:
        rows = query(f"SELECT DISTINCT provinceKey, provinceCode FROM {table}")
        return {r["provinceKey"]: r["provinceCode"] for r in rows}

    new, old = key_of("admin_units"), key_of("admin_units_legacy")
    return {old[o]: new[n] for n, olds in DICT_PROVINCE.items() for o in olds if o in old}


def commune_predecessors(province: str) -> dict[str, list[tuple[str, str]]]:
    """Map each 2025 commune's official code to the (province, commune) codes it came from.

    From the package's old → new table: whole former communes, and a former commune split
    between several new ones counts for each of them.
    """
    return _commune_lineage().get(province, {})


@cache
def _commune_lineage() -> dict[str, dict[str, list[tuple[str, str]]]]:
    """Read the old → new commune table of vietnamadminunits, keyed by official codes."""
    from vietnamadminunits.converter.converter_2025 import (
        DICT_PROVINCE_WARD_DIVIDED,
        DICT_PROVINCE_WARD_NO_DIVIDED,
    )
    from vietnamadminunits.database import query

    new = {
        (r["provinceKey"], r["wardKey"]): (r["provinceCode"], r["wardCode"])
        for r in query("SELECT provinceKey, wardKey, provinceCode, wardCode FROM admin_units")
    }
    sql = (
        "SELECT provinceKey, districtKey, wardKey, provinceCode, wardCode "
        "FROM admin_units_legacy WHERE wardCode IS NOT NULL"
    )
    old = {
        f"{r['provinceKey']}_{r['districtKey']}_{r['wardKey']}": (r["provinceCode"], r["wardCode"])
        for r in query(sql)
    }
    out: dict[str, dict[str, list[tuple[str, str]]]] = {}

    def link(province_key: str, ward_key: str, old_key: str) -> None:
        target, source = new.get((province_key, ward_key)), old.get(old_key)
        if target and source:
            bucket = out.setdefault(target[0], {}).setdefault(target[1], [])
            if source not in bucket:
                bucket.append(source)

    for province_key, wards in DICT_PROVINCE_WARD_NO_DIVIDED.items():
        for ward_key, old_keys in wards.items():
            for old_key in old_keys:
                link(province_key, ward_key, old_key)
    for province_key, splits in DICT_PROVINCE_WARD_DIVIDED.items():
        for old_key, targets in splits.items():
            for target in targets:
                link(province_key, target["newWardKey"], old_key)
    return out
