"""Build a province's units file (the config units format) from the catalogue and templates."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from cchc.errors import ValidationError
from config.national.catalogue import (
    FIRST_TWO_TIER_YEAR,
    Local,
    Province,
    commune_predecessors,
    communes,
    districts,
    provinces,
    successor,
    two_tier,
)
from config.national.names import find_province, slug
from deadlines.text import fold

# Not named .yaml: `cchc validate config` reads every .yaml under config/ as configuration.
_TEMPLATES = Path(__file__).with_name("departments.yaml.tmpl")


def units_for(province: str, year: int) -> dict[str, Any]:
    """Return the units document of the province named `province` for index year `year`."""
    found = find_province(province, year)
    if found is None:
        raise ValidationError(f"không thấy tỉnh «{province}» trong danh mục năm {year}")
    tiers = 2 if two_tier(year) else 3  # 2 tiers from the 2025 index year
    level, lvl = ("thành phố", "thanh-pho") if found.city else ("tỉnh", "tinh")
    root = _root(found, level, lvl)
    units = [root, *_departments(found, tiers, level, lvl, root["code"])]
    if tiers == 2:
        _merged_in(found, units)
    units += _locals(found, year, root["code"])
    return {"province": heading(province, year), "units": units}


def heading(province: str, year: int) -> dict[str, Any]:
    """Return the `province:` heading of a units file for the catalogue's province."""
    found = find_province(province, year)
    if found is None:
        raise ValidationError(f"không thấy tỉnh «{province}» trong danh mục năm {year}")
    head: dict[str, Any] = {
        "code": slug(found),
        "name": found.name,
        "tiers": 2 if two_tier(year) else 3,
    }
    if two_tier(year):
        head["effective_from"] = "2025-07-01"
    return head


def to_yaml(doc: dict[str, Any]) -> str:
    """Write the units document one unit a line, as the shipped units files are written."""
    head = yaml.safe_dump(
        doc["province"], allow_unicode=True, default_flow_style=True, width=10_000
    ).strip()
    lines = [f"province: {head}", "units:"]
    lines += [f"  - {_flow(u)}" for u in doc["units"]]
    return "\n".join(lines) + "\n"


def _flow(unit: dict[str, Any]) -> str:
    """Return one unit as a one-line YAML mapping, keys in the order given."""
    return yaml.safe_dump(
        unit, allow_unicode=True, default_flow_style=True, width=10_000, sort_keys=False
    ).strip()


def _root(p: Province, level: str, lvl: str) -> dict[str, Any]:
    """Return the province unit (UBND tỉnh / UBND thành phố)."""
    return {
        "code": f"ubnd-{lvl}",
        "name": f"UBND {level} {p.short}",
        "kind": "province",
        "rank_group": "none",
        "official_code": p.code,
        "short_names": [f"UBND {level}", f"Ủy ban nhân dân {level} {p.short}"],
    }


@cache
def _templates() -> dict[str, list[dict[str, Any]]]:
    """Read the department templates per period."""
    return dict(yaml.safe_load(_TEMPLATES.read_text(encoding="utf-8")))


def _fill(value: Any, names: dict[str, str]) -> Any:
    """Put the level and place into a template value."""
    if isinstance(value, str):
        return value.format(**names)
    if isinstance(value, list):
        return [_fill(v, names) for v in value]
    return value


def _departments(p: Province, tiers: int, level: str, lvl: str, root: str) -> list[dict[str, Any]]:
    """Return the departments of the period and the bodies every plan names."""
    names = {"level": level, "lvl": lvl, "place": p.short}
    period = "two_tier" if tiers == 2 else "three_tier"
    out = []
    for entry in [*_templates()[period], *_templates()["bodies"]]:
        unit = {k: _fill(v, names) for k, v in entry.items()}
        unit = {
            "code": unit.pop("code"),
            "name": unit.pop("name"),
            "kind": unit.pop("kind", "department"),
            "parent": root,
            "rank_group": unit.pop("rank_group", "department"),
            **unit,
        }
        if unit["kind"] == "body":
            unit["rank_group"] = "none"
        _predecessors(unit)
        out.append(unit)
    return out


def _merged_in(p: Province, units: list[dict[str, Any]]) -> None:
    """Link each department to its counterparts in the former provinces merged into `p`.

    Bắc Kạn merged into Thái Nguyên: Thái Nguyên's Sở Nội vụ also continues Bắc Kạn's Sở Nội
    vụ and Sở LĐTB&XH (`province: bac-kan`). Which provinces merged comes from the package's
    old → new table; the one sharing `p`'s code is `p`'s own past, linked without `province`.
    A surviving department does not link itself, so it keeps its own history
    (models/results/README.md, "Lineage"); the links make a merge.
    """
    here = slug(p)
    others = [o for o in provinces(2024) if successor(o.code) == p.code and slug(o) != here]
    if not others:
        return
    by_code = {e["code"]: e for e in _templates()["two_tier"]}
    for unit in units:
        entry = next((e for c, e in by_code.items() if _fill(c, _names(p)) == unit["code"]), None)
        if entry is None or "predecessors" not in entry:
            continue
        links = [{**link, "change": "merge"} for link in unit.get("predecessors", [])]
        for o in others:
            for code in _fill(entry["predecessors"], _names(o)):
                links.append({"code": code, "year": 2025, "change": "merge", "province": slug(o)})
        unit["predecessors"] = links


def _names(p: Province) -> dict[str, str]:
    """Return the template's level and place words for a province."""
    level, lvl = ("thành phố", "thanh-pho") if p.city else ("tỉnh", "tinh")
    return {"level": level, "lvl": lvl, "place": p.short}


def _predecessors(unit: dict[str, Any]) -> None:
    """Turn a template's list of former departments into rename/merge links (2025)."""
    former = unit.pop("predecessors", None)
    if not former or former == [unit["code"]]:
        return
    # Several former departments make a merge (the unit's own code among them: it survived and
    # absorbed the others, so it is left out of its links); one other is a rename.
    change = "merge" if len(former) > 1 else "rename"
    unit["predecessors"] = [
        {"code": c, "year": 2025, "change": change} for c in former if c != unit["code"]
    ]


def _locals(p: Province, year: int, root: str) -> list[dict[str, Any]]:
    """Return the districts (3 tiers) and the communes, each under its parent."""
    two = two_tier(year)
    district_codes = {d.code: _code(d.name, d.code, set()) for d in districts(p.code, year)}
    taken: set[str] = {*district_codes.values()}
    out: list[dict[str, Any]] = []
    for d in districts(p.code, year):
        out.append(_unit(d, district_codes[d.code], "district", root, "district"))
    lineage = _lineage(p.code) if two else {}
    for c in communes(p.code, year):
        parent = root if two else district_codes[c.parent or ""]
        # Rank groups by the year's model: 2 tiers rank phường apart from xã and đặc khu.
        group = "ward" if two and c.type == "phuong" else "commune"
        unit = _unit(c, _code(c.name, c.code, taken), "commune", parent, group)
        unit["commune_type"] = c.type
        if lineage.get(c.code):
            former = lineage[c.code]
            change = "merge" if len(former) > 1 else "rename"
            unit["predecessors"] = [_link(code, prov, change) for prov, code in former]
        out.append(unit)
    return out


def _lineage(province: str) -> dict[str, list[tuple[str | None, str]]]:
    """Map each 2025 commune's official code to its former communes as (province, code).

    The codes are those `units init --year 2024` writes for the former province; the province
    is the former province's config code when it differs from this one's (provincial mergers:
    that commune's history lives in that former province's campaigns), else None.
    """
    here = next((slug(n) for n in provinces(FIRST_TWO_TIER_YEAR) if n.code == province), None)
    formers = {o.code: o for o in provinces(2024)}
    codes: dict[str, dict[str, str]] = {}

    def old_code(prov: str, official: str) -> str | None:
        if prov not in codes:
            codes[prov] = {
                c["official_code"]: c["code"]
                for c in _locals(Province(prov, "", "", False), 2024, "root")
            }
        return codes[prov].get(official)

    out: dict[str, list[tuple[str | None, str]]] = {}
    for new, former in commune_predecessors(province).items():
        for prov, official in former:
            code = old_code(prov, official)
            if code is None or prov not in formers:
                continue
            other = slug(formers[prov])
            out.setdefault(new, []).append((None if other == here else other, code))
    return out


def _link(code: str, province: str | None, change: str) -> dict[str, Any]:
    """Return one predecessor link of 2025; the former province only when it is another one."""
    link: dict[str, Any] = {"code": code, "year": 2025, "change": change}
    if province is not None:
        link["province"] = province
    return link


def _unit(local: Local, code: str, kind: str, parent: str, group: str) -> dict[str, Any]:
    """Return one district or commune unit."""
    word, _, rest = _split_type(local.name)
    return {
        "code": code,
        "name": local.name,
        "kind": kind,
        "parent": parent,
        "rank_group": group,
        "official_code": local.code,
        "short_names": [f"UBND {word.lower()} {rest}"],
    }


def _split_type(name: str) -> tuple[str, str, str]:
    """Split "Thị trấn Mường Tè" into its type word and its proper name."""
    for word in ("Thành phố", "Thị xã", "Thị trấn", "Đặc khu", "Huyện", "Quận", "Phường", "Xã"):
        if name.startswith(word + " "):
            return word, " ", name[len(word) + 1 :]
    return "", "", name


def _code(name: str, official: str, taken: set[str]) -> str:
    """Return a unit's slug; a name used twice in the province keeps its official code."""
    code = re.sub(r"[^a-z0-9]+", "-", fold(name)).strip("-")
    if code in taken:
        code = f"{code}-{official}"
    taken.add(code)
    return code
